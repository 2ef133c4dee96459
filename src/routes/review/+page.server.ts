import { course, quizData } from '$lib/content/course.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	quiz: quizData(course.questions),
	lessons: course.lessons.map(({ slug, title, order }) => ({ slug, title, order })),
	items: course.commitments.map(({ id, kind, restatement }) => ({ id, kind, restatement }))
});
