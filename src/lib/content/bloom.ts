/**
 * The Bloom rubric where it can be read off a question mechanically (the full rubric is in the
 * README): the same task type always gets the same level.
 * - ordering (put dated events in order), locate (find a place) and cloze (fill the gap with the
 *   text's words) are remember;
 * - matching terms of the glossary to what they mean is understand;
 * - classifying a sentence ("what kind of statement", "classify") is apply, never evaluate.
 */
import type { BloomLevel, GlossaryTerm, Question } from './types';

const classifying = /\b(what|which) kind of statement\b|\bclassify\b/i;

/** The level the rubric requires for a question, with the reason, or null when it leaves it open. */
export function requiredBloom(
	q: Question,
	glossary: Pick<GlossaryTerm, 'term' | 'matches'>[]
): { level: BloomLevel; reason: string } | null {
	if (q.type === 'ordering') return { level: 'remember', reason: 'putting dated events in order' };
	if (q.type === 'locate') return { level: 'remember', reason: 'finding a place on the map' };
	if (q.type === 'cloze')
		return { level: 'remember', reason: "filling a gap with the text's words" };
	if (q.type === 'matching' && q.pairs.every((p) => isGlossaryTerm(p.left, glossary)))
		return { level: 'understand', reason: 'matching glossary terms to what they mean' };
	if (classifying.test(q.prompt)) return { level: 'apply', reason: 'classifying a statement' };
	return null;
}

/** Whether a matching question's left item names a glossary term (its headword or a match). */
export function isGlossaryTerm(text: string, glossary: Pick<GlossaryTerm, 'term' | 'matches'>[]) {
	const norm = (s: string) =>
		s
			.toLowerCase()
			.replace(/^the\s+/, '')
			.replace(/[^a-z0-9/ ]+/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
	const t = norm(text);
	return glossary.some((g) => [g.term, ...g.matches].some((m) => norm(m) === t));
}
