import { course, factCard } from '$lib/content/course.server';
import type { PageServerLoad } from './$types';

// Plain HTML and one small script (src/lib/static-page.ts) for the "Find a term" box: hydrating
// every entry cost a phone hundreds of milliseconds of blocking time for one text box.
export const csr = false;

export const load: PageServerLoad = () => {
	const sentences = [...course.sentences.values()];
	const terms = [...course.glossary].sort((a, b) =>
		a.term.localeCompare(b.term, 'en', { sensitivity: 'base' })
	);
	return {
		terms: terms.map((t) => ({
			id: t.id,
			term: t.term,
			short: t.short,
			definition: t.definition,
			sensitive: t.sensitive === true,
			facts: t.facts.map(factCard),
			see: t.see.map((id) => ({ id, term: course.glossary.find((g) => g.id === id)?.term ?? id })),
			/** Where the communique uses it, so a learner can read the term in place. */
			sentences: sentences.filter((s) => t.matches.some((m) => s.text.includes(m))).map((s) => s.id)
		}))
	};
};
