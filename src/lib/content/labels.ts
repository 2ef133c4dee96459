/**
 * The words the course uses for its own content: how a cited sentence is read out, how sure a
 * fact is, and what each kind of statement is called. Pure, so every page and the server share them.
 */
import type { CommitmentKind } from './types';
import type { Confidence } from './files/facts';

/** "p4.s2" → "Paragraph 4, sentence 2" (what a screen reader and a citation should say). */
export function citation(id: string): string {
	const m = /^p(\d+)(?:\.s(\d+))?$/.exec(id);
	if (!m) return id;
	return m[2] ? `Paragraph ${m[1]}, sentence ${m[2]}` : `Paragraph ${m[1]}`;
}

/** How sure the course is of a fact (facts.yaml `confidence`), in words a learner reads. */
export function confidenceLabel(c: Confidence): string {
	return c === 'V'
		? 'Checked against a published source'
		: c === 'P'
			? 'Partly checked: sources differ'
			: 'Not checked: treat with care';
}

interface KindInfo {
	label: string;
	plural: string;
	meaning: string;
}

/** A kind's words; the plural is the label with an s unless given. */
const kind = (label: string, meaning: string, plural = `${label}s`): KindInfo => ({
	label,
	plural,
	meaning
});

/** How each kind of statement is named and explained to a learner (as lesson 1 teaches them). */
export const kindInfo: Record<CommitmentKind, KindInfo> = {
	commitment: kind('Commitment', 'a promise to act'),
	principle: kind('Principle', 'a rule or belief the speakers affirm'),
	concern: kind('Concern', 'a worry the text names'),
	welcome: kind('Welcome', 'praise for what others have done'),
	recognition: kind('Recognition', 'accepting that a fact or problem is real'),
	urging: kind('Urging', 'pressing others to act'),
	plan: kind('Plan', 'what will happen next'),
	call: kind(
		'Call for action',
		'says what is needed, but names no one who will do it',
		'Calls for action'
	),
	assessment: kind('Assessment', 'the speakers’ own judgement of their work')
};
