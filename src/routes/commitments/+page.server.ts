import { course } from '$lib/content/course.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const term = (id: string) => ({ id, term: course.glossary.find((t) => t.id === id)?.term ?? id });
	return {
		items: course.commitments.map((item) => ({
			item,
			principles: item.principles.map(term),
			lessons: course.lessons
				.filter((l) => item.sentences.some((s) => l.sentences.includes(s)))
				.map(({ slug, title, order }) => ({ slug, title, order }))
		}))
	};
};
