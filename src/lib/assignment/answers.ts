import type { Question } from '$lib/content';
import {
	responseLines,
	responseText,
	rightAnswerLines,
	type AnswerNames
} from '$lib/quiz/answer-text';
import type { StoredAnswer, SubmissionResult } from './results';

// What each student answered, as the teacher reads it: per student (every question, their answer,
// the mark and the right answer) and per question (who gave each answer). Pure: the server passes
// the questions, the submissions and the names events and places stand for.

/** A question's full text: a true/false question's prompt and its statement. */
export const questionText = (q: Question): string =>
	q.type === 'truefalse' ? `${q.prompt} ${q.statement}` : q.prompt;

/** One question of one submission, written out. */
export interface AnsweredQuestion {
	id: string;
	/** 1-based, in the assignment's order. */
	number: number;
	text: string;
	/** What the student chose or typed, a line per option, event or match. */
	answer: string[];
	/** Between 0 and 1. */
	score: number;
	right: string[];
}

/** Each question a student was given, in the assignment's order, with their answer and mark. */
export function studentAnswers(
	pool: Question[],
	s: Pick<SubmissionResult, 'answers'>,
	names: AnswerNames
): AnsweredQuestion[] {
	return pool.flatMap((q, i) => {
		if (!Object.hasOwn(s.answers, q.id)) return [];
		const a = s.answers[q.id];
		return [
			{
				id: q.id,
				number: i + 1,
				text: questionText(q),
				answer: responseLines(q, a.response, names),
				score: a.score,
				right: rightAnswerLines(q, names)
			}
		];
	});
}

/** One answer given to a question, and who gave it. */
export interface AnswerGroup {
	answer: string;
	/** The mark this answer earned (0..1). */
	score: number;
	/** Each student's name with their attempt, in the order they submitted. */
	students: { id: number; name: string; attempt: number }[];
}

/**
 * Who gave which answer to one question: answers as text, grouped, the most given first (ties: the
 * better mark first, then the answer's text). Each option of a single-choice question, "True" or
 * "False", each typed word: one group each. Students not given the question are left out.
 */
export function whoAnswered(
	q: Question,
	submissions: SubmissionResult[],
	names: AnswerNames
): AnswerGroup[] {
	const groups = new Map<string, AnswerGroup>();
	for (const s of submissions) {
		if (!Object.hasOwn(s.answers, q.id)) continue;
		const a: StoredAnswer = s.answers[q.id];
		const text = responseText(q, a.response, names);
		const group = groups.get(text) ?? { answer: text, score: a.score, students: [] };
		group.students.push({ id: s.id, name: s.name, attempt: s.attempt });
		groups.set(text, group);
	}
	return [...groups.values()].sort(
		(x, y) =>
			y.students.length - x.students.length ||
			y.score - x.score ||
			(x.answer < y.answer ? -1 : x.answer > y.answer ? 1 : 0)
	);
}
