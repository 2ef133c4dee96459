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

/** How each kind of statement is named and explained to a learner (as lesson 1 teaches them). */
export const kindInfo: Record<CommitmentKind, { label: string; plural: string; meaning: string }> =
	{
		commitment: { label: 'Commitment', plural: 'Commitments', meaning: 'a promise to act' },
		principle: {
			label: 'Principle',
			plural: 'Principles',
			meaning: 'a rule or belief the speakers affirm'
		},
		concern: { label: 'Concern', plural: 'Concerns', meaning: 'a worry the text names' },
		welcome: { label: 'Welcome', plural: 'Welcomes', meaning: 'praise for what others have done' },
		recognition: {
			label: 'Recognition',
			plural: 'Recognitions',
			meaning: 'accepting that a fact or problem is real'
		},
		urging: { label: 'Urging', plural: 'Urgings', meaning: 'pressing others to act' },
		plan: { label: 'Plan', plural: 'Plans', meaning: 'what will happen next' },
		call: {
			label: 'Call for action',
			plural: 'Calls for action',
			meaning: 'says what is needed, but names no one who will do it'
		},
		assessment: {
			label: 'Assessment',
			plural: 'Assessments',
			meaning: 'the speakers’ own judgement of their work'
		}
	};
