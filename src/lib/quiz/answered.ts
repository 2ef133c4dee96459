import type { AnyQuestion } from './public';
import type { Response } from './responses';

/**
 * How far a question has been answered: `unanswered` (nothing given, or only what the page showed
 * before the learner touched it, such as an ordering left as shown), `partial` (a matching
 * question with some items matched) or `answered`.
 */
export type AnswerState = 'unanswered' | 'partial' | 'answered';

/** The left items of a matching question, in either form (full or answer-free). */
export function matchingLefts(q: Extract<AnyQuestion, { type: 'matching' }>): string[] {
	return 'pairs' in q ? q.pairs.map((p) => p.left) : q.lefts;
}

/**
 * Whether a response answers its question. An ordering input gives a response only once the
 * learner has moved an event or kept the order on purpose, so any ordering response counts.
 */
export function answerState(
	question: AnyQuestion,
	response: Response | null | undefined
): AnswerState {
	if (!response || response.type !== question.type) return 'unanswered';
	switch (response.type) {
		case 'single':
			return response.choice ? 'answered' : 'unanswered';
		case 'multiple':
			return response.choices.length ? 'answered' : 'unanswered';
		case 'truefalse':
			return 'answered';
		case 'ordering':
			return response.order.length ? 'answered' : 'unanswered';
		case 'matching': {
			const lefts = matchingLefts(question as Extract<AnyQuestion, { type: 'matching' }>);
			const given = lefts.filter((l) => response.matches[l]).length;
			return given === 0 ? 'unanswered' : given === lefts.length ? 'answered' : 'partial';
		}
		case 'cloze':
			return response.text.trim() ? 'answered' : 'unanswered';
		case 'locate':
			return response.place ? 'answered' : 'unanswered';
	}
}

/** How many of a set of questions are answered, partly answered, and not answered at all. */
export function countAnswers(
	questions: AnyQuestion[],
	answers: Record<string, Response | undefined>
): Record<AnswerState, number> {
	const counts: Record<AnswerState, number> = { unanswered: 0, partial: 0, answered: 0 };
	for (const q of questions) counts[answerState(q, answers[q.id])] += 1;
	return counts;
}
