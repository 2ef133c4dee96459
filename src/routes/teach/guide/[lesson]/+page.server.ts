import { course } from '$lib/content/course.server';
import { guideContext, guideEntries, lessonGuide } from '../text.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;
export const entries: EntryGenerator = guideEntries;

export const load: PageServerLoad = ({ params }) => {
	const { lesson, guide } = lessonGuide(params.lesson);
	const i = course.lessons.findIndex((l) => l.slug === lesson.slug);
	const brief = (l: (typeof course.lessons)[number] | undefined) =>
		l ? { slug: l.slug, title: l.title, order: l.order } : null;
	const sentences = [...guide.prompts.flatMap((p) => p.sentences), ...guide.worksheet.sentences];
	return {
		lesson,
		guide,
		total: course.lessons.length,
		quizSize: course.questions.filter((q) => q.lesson === lesson.slug).length,
		previous: brief(course.lessons[i - 1]),
		next: brief(course.lessons[i + 1]),
		text: guideContext(guide, sentences, guide.terms)
	};
};
