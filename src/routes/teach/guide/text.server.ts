import { error } from '@sveltejs/kit';
import { course, factCard } from '$lib/content/course.server';
import { guideRefs } from '$lib/content/files/guide-text';
import type { GuideText, LessonGuide } from '$lib/content';
import type { TextContext } from '$lib/reader/text-context';

/** Every text of a guide, wherever it sits in the file (found by shape: a list of blocks). */
function textsIn(value: unknown, out: GuideText[] = []): GuideText[] {
	const isBlock = (b: unknown) =>
		!!b && typeof b === 'object' && ['p', 'quote', 'fact'].includes((b as { kind?: string }).kind!);
	if (Array.isArray(value) && value.length && value.every(isBlock)) out.push(value as GuideText);
	else if (Array.isArray(value)) for (const v of value) textsIn(v, out);
	else if (value && typeof value === 'object')
		for (const v of Object.values(value)) textsIn(v, out);
	return out;
}

/**
 * What a guide page's <Quote>, <Term> and <Fact> need: the sentences, terms and facts its texts
 * use, and the `sentences` and `terms` it shows besides.
 */
export function guideContext(
	value: unknown,
	sentences: string[] = [],
	terms: string[] = []
): TextContext {
	const refs = textsIn(value).map(guideRefs);
	const sentenceIds = new Set([...sentences, ...refs.flatMap((r) => r.quotes.map((q) => q.id))]);
	const termIds = new Set([...terms, ...refs.flatMap((r) => r.terms)]);
	const factIds = new Set(refs.flatMap((r) => r.facts));
	return {
		sentences: Object.fromEntries(
			[...sentenceIds].map((id) => [id, course.sentences.get(id)!.text])
		),
		terms: Object.fromEntries(
			[...termIds].map((id) => {
				const t = course.glossary.find((g) => g.id === id)!;
				return [id, { term: t.term, short: t.short, sensitive: t.sensitive === true }];
			})
		),
		facts: Object.fromEntries([...factIds].map((id) => [id, factCard(id)])),
		viz: null
	};
}

/** A lesson and its guide, or a 404 naming the lesson. */
export function lessonGuide(slug: string): {
	lesson: { slug: string; title: string; order: number; objectives: string[]; minutes: number };
	guide: LessonGuide;
} {
	const lesson = course.lessons.find((l) => l.slug === slug);
	const guide = course.guides.find((g) => g.lesson === slug);
	if (!lesson || !guide) error(404, `There is no lesson called "${slug}".`);
	const { title, order, objectives, minutes } = lesson;
	return { lesson: { slug, title, order, objectives, minutes }, guide };
}

export const guideEntries = () => course.lessons.map((l) => ({ lesson: l.slug }));
