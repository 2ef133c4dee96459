import type { Question } from '$lib/content';
import { rightAnswerLine, rightPlaceLine } from '$lib/content/feedback';
import type { Response } from './responses';

export interface Part {
	/** What this part is: an option id, an event id, a left item, a place id, or "answer". */
	id: string;
	correct: boolean;
}

export interface Graded {
	/** Between 0 and 1. */
	score: number;
	/** True only for a full score. */
	correct: boolean;
	parts: Part[];
	/** Why: the feedback for what the learner chose (and, where it differs, for the right answer). */
	feedback: string[];
	/** The verbatim words of the text to show after answering, and where they are. */
	quote: string;
	sentences: string[];
}

/**
 * How a cloze answer is compared: case, spaces around it and one trailing full stop are
 * ignored, runs of spaces count as one, and curly quotes as straight ones (phones type them);
 * every other character counts, so "-5" is not "5" and "C++" is not "C". Used for cloze answers.
 */
export function normaliseAnswer(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201c\u201d]/g, '"')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\s*\.$/, '');
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Grades a checked response. Pure: the same code grades practice in the browser and
 * assignments on the server. The rules:
 * - single, true/false, cloze, locate: 1 when right, else 0;
 * - multiple response: (right options chosen − wrong options chosen) ÷ number of right options,
 *   never below 0 (so choosing everything earns nothing);
 * - ordering: the share of events in their correct position;
 * - matching: the share of left items matched to their right item.
 */
export function grade(question: Question, response: Response): Graded {
	const result = (score: number, parts: Part[], feedback: string[]): Graded => ({
		score: round(score),
		correct: score === 1,
		parts,
		feedback: feedback.filter(Boolean),
		quote: question.quote,
		sentences: question.sentences
	});
	if (response.type !== question.type)
		throw new Error(`${question.id}: a ${response.type} response to a ${question.type} question`);

	switch (question.type) {
		case 'single': {
			const { choice } = response as Extract<Response, { type: 'single' }>;
			const chosen = question.options.find((o) => o.id === choice)!;
			const right = question.options.find((o) => o.correct)!;
			return result(
				chosen.correct ? 1 : 0,
				[{ id: chosen.id, correct: chosen.correct }],
				chosen.correct
					? [chosen.feedback]
					: [chosen.feedback, rightAnswerLine(right.text, right.feedback)]
			);
		}
		case 'multiple': {
			const { choices } = response as Extract<Response, { type: 'multiple' }>;
			const rights = question.options.filter((o) => o.correct);
			const picked = question.options.filter((o) => choices.includes(o.id));
			const hits = picked.filter((o) => o.correct).length;
			const misses = picked.length - hits;
			const parts = question.options.map((o) => ({
				id: o.id,
				correct: choices.includes(o.id) === o.correct
			}));
			const missed = rights.filter((o) => !choices.includes(o.id));
			return result(
				Math.max(0, (hits - misses) / rights.length),
				parts,
				[...picked, ...missed].map((o) => o.feedback)
			);
		}
		case 'truefalse': {
			const { answer } = response as Extract<Response, { type: 'truefalse' }>;
			const ok = answer === question.answer;
			return result(
				ok ? 1 : 0,
				[{ id: 'answer', correct: ok }],
				[ok ? question.feedback.correct : question.feedback.incorrect, question.why]
			);
		}
		case 'ordering': {
			const { order } = response as Extract<Response, { type: 'ordering' }>;
			const parts = question.events.map((id, i) => ({ id, correct: order[i] === id }));
			const score = parts.filter((p) => p.correct).length / parts.length;
			return result(score, parts, [
				score === 1 ? question.feedback.correct : question.feedback.incorrect
			]);
		}
		case 'matching': {
			const { matches } = response as Extract<Response, { type: 'matching' }>;
			const parts = question.pairs.map((p) => ({
				id: p.left,
				correct: matches[p.left] === p.right
			}));
			const score = parts.filter((p) => p.correct).length / parts.length;
			return result(
				score,
				parts,
				question.pairs.filter((p) => matches[p.left] !== p.right).map((p) => p.feedback)
			);
		}
		case 'cloze': {
			const { text } = response as Extract<Response, { type: 'cloze' }>;
			const ok = question.answers.some((a) => normaliseAnswer(a) === normaliseAnswer(text));
			return result(
				ok ? 1 : 0,
				[{ id: 'answer', correct: ok }],
				[ok ? question.feedback.correct : question.feedback.incorrect]
			);
		}
		case 'locate': {
			const { place } = response as Extract<Response, { type: 'locate' }>;
			const chosen = question.options.find((o) => o.place === place)!;
			const right = question.options.find((o) => o.place === question.answer)!;
			const ok = place === question.answer;
			return result(
				ok ? 1 : 0,
				[{ id: place, correct: ok }],
				ok ? [chosen.feedback] : [chosen.feedback, rightPlaceLine(right.feedback)]
			);
		}
	}
}
