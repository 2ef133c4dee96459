import * as v from 'valibot';
import { ContentError } from '../errors';
import { loadYaml, readItems } from './read';
import type { Checks } from './refs';
import {
	idPattern,
	list,
	optionalList,
	record,
	sensitiveMark,
	text,
	withoutFalseMark
} from './schema';

export const glossaryPath = '/lessons/glossary.yaml';

/** A glossary term. The reader marks the first place each of its `matches` occurs in the text. */
export const glossaryTermSchema = v.pipe(
	record({
		id: text({ pattern: idPattern }),
		term: text(),
		/** Phrases that occur verbatim in the communique. */
		matches: list({ nonEmpty: true }),
		short: text({ max: 220 }),
		definition: text(),
		/** Events or facts of facts.yaml for anything beyond the communique. */
		facts: optionalList(),
		/** Related terms. */
		see: optionalList(),
		sensitive: sensitiveMark
	}),
	v.transform(withoutFalseMark)
);

export type GlossaryTerm = v.InferOutput<typeof glossaryTermSchema>;

/** lessons/glossary.yaml: a list of terms. */
export function readGlossary(raw: string, errors: ContentError[]): GlossaryTerm[] {
	const doc = loadYaml(raw, glossaryPath, errors);
	return readItems(glossaryTermSchema, doc, glossaryPath, 'terms', errors);
}

/**
 * What a term cites exists, its definitions state no date or figure the sources lack, and each
 * of its matches is verbatim in the communique and matched by no other term.
 */
export function checkGlossary(
	glossary: GlossaryTerm[],
	{ known, refs, claims, errors }: Checks
): void {
	const file = glossaryPath;
	const sentences = [...known.sentences.values()];
	const matchOwner = new Map<string, string>();
	for (const t of glossary) {
		refs.ids(file, t.id, 'facts', t.facts, known.factIds, 'event or fact in lessons/facts.yaml');
		refs.ids(file, t.id, 'see', t.see, known.termIds, 'glossary term');
		claims(file, t.id, 'short', t.short);
		claims(file, t.id, 'definition', t.definition);
		t.matches.forEach((m, i) => {
			const field = `matches[${i}]`;
			if (!sentences.some((s) => s.text.includes(m)))
				errors.push(
					new ContentError(file, t.id, field, `"${m}" is not verbatim in the communique`)
				);
			const owner = matchOwner.get(m);
			if (owner)
				errors.push(new ContentError(file, t.id, field, `"${m}" is already matched by ${owner}`));
			matchOwner.set(m, t.id);
		});
	}
}
