import { course } from '$lib/content/course.server';
import { guideContext, lessonGuide } from './text.server';
import { matchOrder } from './match-order';

/** What the worksheet and its key both draw: the guide, the sourcing box, the match orders. */
export function worksheetData(slug: string) {
	const { lesson, guide } = lessonGuide(slug);
	const sourcing = course.unitPlan.sourcing;
	const questions = guide.worksheet.questions.map((q, i) => ({
		...q,
		order: q.kind === 'vocabulary' ? matchOrder(q.pairs.length, `${slug}:${i}`) : []
	}));
	const evidence = questions.flatMap((q) => (q.kind === 'evidence' ? q.sentences : []));
	const terms = questions.flatMap((q) =>
		q.kind === 'vocabulary' ? q.pairs.map((p) => p.term) : []
	);
	return {
		lesson: { slug, title: lesson.title, order: lesson.order },
		/** For the teacher (the key); the worksheet has its own, in words for students. */
		contentNote: guide.contentNote ?? null,
		studentNote: guide.worksheet.contentNote ?? null,
		sentences: guide.worksheet.sentences,
		purpose: guide.worksheet.purpose,
		questions,
		sourcing,
		text: guideContext({ guide, sourcing }, [...guide.worksheet.sentences, ...evidence], terms)
	};
}

export type WorksheetData = ReturnType<typeof worksheetData>;
