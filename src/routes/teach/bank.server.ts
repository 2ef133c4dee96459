import { course } from '$lib/content/course.server';
import { questionText } from '$lib/assignment/answers';
import type { Question } from '$lib/content';
import { labels } from '$lib/server/assignments/labels';
import type { BankChoices } from './bank';

/** What the teacher sees of a bank question before choosing it: the answer included. */
function preview(q: Question): { text: string; correct: boolean }[] {
	const { placeName: place, eventTitle: event } = labels;
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options.map((o) => ({ text: o.text, correct: o.correct }));
		case 'truefalse':
			return [{ text: `${q.statement} (${q.answer ? 'true' : 'false'})`, correct: true }];
		case 'ordering':
			return q.events.map((id, i) => ({ text: `${i + 1}. ${event(id)}`, correct: true }));
		case 'matching':
			return q.pairs.map((p) => ({ text: `${p.left} → ${p.right}`, correct: true }));
		case 'cloze':
			return [
				{ text: q.text.replace('___', '…'), correct: false },
				{ text: `Accepted: ${q.answers.join(' / ')}`, correct: true }
			];
		case 'locate':
			return q.options.map((o) => ({ text: place(o.place), correct: o.place === q.answer }));
	}
}

/** The bank as the question picker offers it: lessons, commitments, principles, each question with its answer. */
export function bankChoices(): BankChoices {
	const principleIds = new Set(course.commitments.flatMap((c) => c.principles));
	return {
		lessons: course.lessons.map(({ slug, title, order }) => ({ slug, title, order })),
		items: course.commitments.map(({ id, kind, restatement }) => ({ id, kind, restatement })),
		principles: course.glossary
			.filter((t) => principleIds.has(t.id))
			.map((t) => ({
				id: t.id,
				term: t.term,
				items: course.commitments.filter((c) => c.principles.includes(t.id)).map((c) => c.id)
			})),
		questions: course.questions.map((q) => ({
			id: q.id,
			lesson: q.lesson,
			type: q.type,
			prompt: questionText(q),
			commitments: q.commitments,
			preview: preview(q)
		}))
	};
}
