import { course, lessonsWithContentNotes } from '$lib/content/course.server';
import { guideContext } from './text.server';
import type { PageServerLoad } from './$types';

export const prerender = true;

export const load: PageServerLoad = () => {
	const plan = course.unitPlan;
	return {
		plan,
		lessons: course.lessons.map((l) => ({
			slug: l.slug,
			title: l.title,
			order: l.order,
			minutes: l.minutes,
			contentNote: lessonsWithContentNotes.has(l.slug),
			questions: course.questions.filter((q) => q.lesson === l.slug).length
		})),
		text: guideContext(plan)
	};
};
