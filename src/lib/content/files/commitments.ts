import * as v from 'valibot';
import { ContentError } from '../errors';
import { loadYaml, readItems } from './read';
import type { Checks } from './refs';
import {
	idPattern,
	oneOf,
	optionalList,
	record,
	sensitiveMark,
	sentenceIds,
	text,
	withoutFalseMark
} from './schema';
import { commitmentKinds, regions, speakers } from './vocabulary';

export const commitmentsPath = '/lessons/commitments.yaml';

/**
 * One thing the text commits to, affirms, welcomes, recognizes, urges, plans or worries about, a
 * call for action that names no one to act, or the speakers' assessment of their own work.
 */
export const commitmentSchema = v.pipe(
	record({
		id: text({ pattern: idPattern }),
		kind: oneOf(commitmentKinds),
		by: oneOf(speakers),
		region: oneOf(regions),
		sentences: sentenceIds({ nonEmpty: true }),
		/** Verbatim words of the first sentence that carry the item. */
		phrase: text(),
		restatement: text({ max: 240 }),
		/** Glossary ids of the legal principles the text itself names for this item. */
		principles: optionalList(),
		sensitive: sensitiveMark
	}),
	v.transform(withoutFalseMark)
);

export type Commitment = v.InferOutput<typeof commitmentSchema>;
export type CommitmentKind = (typeof commitmentKinds)[number];
export type Region = (typeof regions)[number];

/** lessons/commitments.yaml: a list of items. */
export function readCommitments(raw: string, errors: ContentError[]): Commitment[] {
	const doc = loadYaml(raw, commitmentsPath, errors);
	return readItems(commitmentSchema, doc, commitmentsPath, 'items', errors);
}

/**
 * Its sentences and principles exist, its phrase is verbatim in its first sentence, and its
 * restatement (prose too) states no date or figure the sources lack.
 */
export function checkCommitments(
	commitments: Commitment[],
	{ known, refs, claims, errors }: Checks
): void {
	const file = commitmentsPath;
	for (const c of commitments) {
		refs.sentences(file, c.id, 'sentences', c.sentences);
		refs.ids(file, c.id, 'principles', c.principles, known.termIds, 'glossary term');
		const first = known.sentences.get(c.sentences[0]);
		if (first && c.phrase && !first.text.includes(c.phrase))
			errors.push(
				new ContentError(file, c.id, 'phrase', `"${c.phrase}" is not verbatim in ${first.id}`)
			);
		claims(file, c.id, 'restatement', c.restatement);
	}
}
