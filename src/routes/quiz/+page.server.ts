import { course } from '$lib/content/course.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	/** What choosing needs of each question; the questions themselves come from /bank.json. */
	index: course.questions.map(({ id, lesson, type, difficulty, commitments }) => ({
		id,
		lesson,
		type,
		difficulty,
		commitments
	})),
	lessons: course.lessons.map(({ slug, title, order }) => ({ slug, title, order })),
	items: course.commitments.map(({ id, kind, restatement }) => ({ id, kind, restatement }))
});
