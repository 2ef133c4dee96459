/**
 * Which questions, glossary entries and commitment items are about sexual violence or detention,
 * so that each carries `sensitive: true` and the pages show a content note before it.
 *
 * The rule reads what the item is about, not every sentence it cites: p7.s1 speaks of sexual
 * violence and of fighters in custody, but a question on its "countries of origin" is about
 * neither. What an item is about is the words a learner meets before answering: a question's
 * prompt, quote (the words of the cited sentence it rests on, so an item built on the sentence on
 * detainees is caught through that sentence's own words), statement, key, pairs and cloze text;
 * a glossary entry's headword and short definition (what the term pop-up shows); a commitment
 * item's verbatim phrase and restatement (what its card shows). Feedback, wrong
 * options and long definitions are left out, because they name other paragraphs in passing. These words
 * are matched against two short lists of words that only these subjects use in this course;
 * words that touch a subject only in passing, like the "prisoners" that humanitarian law
 * protects, are not listed. An author may mark more (violence against civilians, for instance):
 * the check only refuses a missing mark.
 */
import type { Commitment, GlossaryTerm, Question } from './types';

export const sensitiveTopics = {
	'sexual violence': /\b(sexual(ly)?|rape[ds]?|gender-based violence)\b/i,
	detention:
		/\b(detain(s|ed|ee|ees|ing)?|detention|custody|custodians?|camps?|al-Hol|imprison(ed|ment)?|family members|famil(y|ies) of (the )?(fighters|detainees))\b/i
} as const;
export type SensitiveTopic = keyof typeof sensitiveTopics;

/** The topics a text is about, in the order of the lists above. */
export function topicsOf(text: string): SensitiveTopic[] {
	return (Object.keys(sensitiveTopics) as SensitiveTopic[]).filter((t) =>
		sensitiveTopics[t].test(text)
	);
}

/**
 * What a question is about: its prompt, quote, statement, key, pairs and cloze text. Feedback and
 * wrong options are left out: they often quote another paragraph in passing (a wrong option
 * '"the custodians of the detained Daesh/ISIS fighters" (paragraph 8)' in a question on
 * paragraph 6) without being about it.
 */
export function questionSubject(q: Question): string {
	const parts: string[] = [q.prompt, q.quote];
	switch (q.type) {
		case 'single':
		case 'multiple':
			for (const o of q.options) if (o.correct) parts.push(o.text);
			break;
		case 'truefalse':
			parts.push(q.statement);
			break;
		case 'matching':
			for (const p of q.pairs) parts.push(p.left, p.right);
			break;
		case 'cloze':
			parts.push(q.text, ...q.answers);
			break;
	}
	return parts.join('\n');
}

/** What a glossary entry is about: its headword and short definition (what the pop-up shows). */
export function glossarySubject(t: Pick<GlossaryTerm, 'term' | 'short'>): string {
	return [t.term, t.short].join('\n');
}

/**
 * What a commitment item is about: its verbatim phrase and its restatement (what the card on
 * /commitments and on a lesson page shows), not the rest of the sentence it comes from: p7.s1
 * speaks of fighters in custody, but the item on the countries of origin is not about detention.
 */
export function commitmentSubject(c: Pick<Commitment, 'phrase' | 'restatement'>): string {
	return [c.phrase, c.restatement].join('\n');
}
