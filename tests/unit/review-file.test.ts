import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import { QuizSession } from '$lib/quiz/session.svelte';
import { makeReviewFile, parseReviewFile } from '$lib/review/backup-file';
import { review } from '$lib/review/schedule';

const known = new Set(['q1', 'q2']);
const now = new Date('2026-03-01T10:00:00Z');
const entry = {
	card: review(undefined, now, { correct: false }),
	lastScore: 0,
	lastAnswered: now.toISOString()
};
const good = JSON.stringify(makeReviewFile({ q1: entry }, now));

describe('parseReviewFile', () => {
	it('reads back what it wrote', () => {
		const parsed = parseReviewFile(good, known);
		expect(parsed.ok && Object.keys(parsed.file.entries)).toEqual(['q1']);
	});

	it.each([
		{ name: 'not JSON', text: 'hello', error: 'This is not a progress file: it is not JSON.' },
		{
			name: 'another app',
			text: JSON.stringify({ app: 'other', kind: 'review-progress', version: 1, entries: {} }),
			error: 'This file does not come from this course, so nothing was imported.'
		},
		{
			name: 'another version',
			text: good.replace('"version":1', '"version":2'),
			error: 'This file has version 2; this course reads version 1.'
		},
		{
			name: 'an unknown question',
			text: good.replace('"q1"', '"q9"'),
			error: 'The file has a question "q9" this course does not have.'
		},
		{
			name: 'a damaged entry',
			text: good.replace(/"stability":[\d.]+/, '"stability":"lots"'),
			error: 'The entry for "q1" is damaged, so nothing was imported.'
		}
	])('refuses $name with a clear reason', ({ text, error }) => {
		expect(parseReviewFile(text, known)).toEqual({ ok: false, error });
	});
});

describe('QuizSession', () => {
	const q = (id: string, commitments: string[]): Question => ({
		id,
		lesson: 'l',
		bloom: 'remember',
		difficulty: 1,
		prompt: id,
		sentences: ['p1.s1'],
		quote: 'q',
		commitments,
		type: 'truefalse',
		statement: 's',
		answer: true,
		feedback: { correct: 'y', incorrect: 'n' },
		why: 'w'
	});

	it('grades, moves on, and summarises by commitment with the missed questions', () => {
		const s = new QuizSession([q('a', ['c1']), q('b', ['c1', 'c2'])], 'seed');
		s.answer(s.current!, { type: 'truefalse', answer: true });
		s.next();
		s.answer(s.current!, { type: 'truefalse', answer: false });
		s.next();
		expect(s.finished).toBe(true);
		expect(s.score).toBe(1);
		expect(s.missed.map((x) => x.id)).toEqual(['b']);
		expect(s.byCommitment()).toEqual([
			{ id: 'c1', right: 1, total: 2 },
			{ id: 'c2', right: 0, total: 1 }
		]);
	});
});
