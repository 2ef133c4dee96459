import type { Question } from '$lib/content';
import type { Response } from './responses';

/** The names a question's ids stand for: events (ordering) and places (locate). */
export interface AnswerNames {
	events: { id: string; title: string }[];
	places: { id: string; name: string }[];
}

/** How the lines of an answer join into one piece of text: events in order, other lists apart. */
const joinLines = (q: Question, lines: string[]) =>
	lines.join(q.type === 'ordering' ? ' → ' : '; ');

/** What the learner answered, as one piece of text (for a line of a table or a file). */
export function responseText(
	q: Question,
	response: Response | null | undefined,
	names: AnswerNames
): string {
	return joinLines(q, responseLines(q, response, names));
}

/** The right answer, as one piece of text. */
export function rightAnswerText(q: Question, names: AnswerNames): string {
	return joinLines(q, rightAnswerLines(q, names));
}

/**
 * What the learner answered, as words (option texts, event titles, place names), a line for each
 * option chosen, each event in the order given, each item matched.
 */
export function responseLines(
	q: Question,
	response: Response | null | undefined,
	names: AnswerNames
): string[] {
	if (!response || response.type !== q.type) return ['No answer'];
	const event = (id: string) => names.events.find((e) => e.id === id)?.title ?? id;
	const place = (id: string) => names.places.find((p) => p.id === id)?.name ?? id;
	switch (response.type) {
		case 'single':
			return [optionText(q, response.choice)];
		case 'multiple':
			return response.choices.length
				? response.choices.map((id) => optionText(q, id))
				: ['Nothing chosen'];
		case 'truefalse':
			return [response.answer ? 'True' : 'False'];
		case 'ordering':
			return response.order.map(event);
		case 'matching': {
			const lefts = q.type === 'matching' ? q.pairs.map((p) => p.left) : [];
			return lefts.map((l) => `${l} → ${response.matches[l] || 'no match chosen'}`);
		}
		case 'cloze':
			return [response.text.trim() ? `“${response.text.trim()}”` : 'No answer'];
		case 'locate':
			return [place(response.place)];
	}
}

/** The right answer, as words, in lines as `responseLines` gives them. */
export function rightAnswerLines(q: Question, names: AnswerNames): string[] {
	const event = (id: string) => names.events.find((e) => e.id === id)?.title ?? id;
	const place = (id: string) => names.places.find((p) => p.id === id)?.name ?? id;
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options.filter((o) => o.correct).map((o) => o.text);
		case 'truefalse':
			return [q.answer ? 'True' : 'False'];
		case 'ordering':
			return q.events.map(event);
		case 'matching':
			return q.pairs.map((p) => `${p.left} → ${p.right}`);
		case 'cloze':
			return [`“${q.answers[0]}”`];
		case 'locate':
			return [place(q.answer)];
	}
}

function optionText(q: Question, id: string): string {
	return q.type === 'single' || q.type === 'multiple'
		? (q.options.find((o) => o.id === id)?.text ?? id)
		: id;
}

/** One option of a multiple-response question after grading: what the learner did, and why. */
export interface ExplainedOption {
	id: string;
	text: string;
	/** chosen-right, chosen-wrong, or missed: a right option the learner did not choose. */
	kind: 'chosen-right' | 'chosen-wrong' | 'missed';
	feedback: string;
}

/**
 * Each option a learner chose, then each right one they did not, with its text beside its
 * explanation: so the learner sees which explanation belongs to which option.
 */
export function explainChoices(
	q: Extract<Question, { type: 'multiple' }>,
	choices: string[]
): ExplainedOption[] {
	const picked = q.options.filter((o) => choices.includes(o.id));
	const missed = q.options.filter((o) => o.correct && !choices.includes(o.id));
	return [
		...picked.map((o) => ({
			id: o.id,
			text: o.text,
			kind: o.correct ? ('chosen-right' as const) : ('chosen-wrong' as const),
			feedback: o.feedback
		})),
		...missed.map((o) => ({
			id: o.id,
			text: o.text,
			kind: 'missed' as const,
			feedback: o.feedback
		}))
	];
}
