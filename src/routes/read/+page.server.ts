import { course } from '$lib/content/course.server';
import { markTerms } from '$lib/reader/segments';
import type { PageServerLoad } from './$types';

// Plain HTML and one small script (src/lib/static-page.ts, about 1 KB): nothing on the page needs the
// framework in the browser, and hydrating the whole text cost a phone hundreds of milliseconds.
export const csr = false;

export const load: PageServerLoad = () => {
	const { source, glossary, lessons } = course;
	const all = source.paragraphs.flatMap((p) => p.sentences);
	const segments = markTerms(all, glossary);
	return {
		title: source.title,
		date: source.date,
		hosts: source.hosts,
		publisher: source.publisher,
		paragraphs: source.paragraphs.map((p) => ({
			id: p.id,
			number: p.number,
			sentences: p.sentences.map((s) => ({ id: s.id, segments: segments.get(s.id) ?? [] })),
			lessons: lessons
				.filter((l) => l.paragraphs.includes(p.id))
				.map((l) => ({ slug: l.slug, title: l.title, order: l.order }))
		})),
		terms: Object.fromEntries(
			glossary.map((t) => [t.id, { term: t.term, short: t.short, sensitive: t.sensitive === true }])
		)
	};
};
