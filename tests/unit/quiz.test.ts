import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import { grade, normaliseAnswer } from '$lib/quiz/grade';
import { parseResponse, type Response } from '$lib/quiz/responses';
import { seededShuffle } from '$lib/quiz/shuffle';
import { questionsOfEachType } from '../fixtures/questions';

const { single, multiple, truefalse, ordering, matching, cloze, locate } = questionsOfEachType({
	base: { quote: 'at the request of the Government of Iraq' }
});

describe('grade', () => {
	it.each<{ name: string; q: Question; r: Response; score: number; feedback?: string[] }>([
		{
			name: 'single: right',
			q: single,
			r: { type: 'single', choice: 'b' },
			score: 1,
			feedback: ['fb b']
		},
		{
			name: 'single: wrong shows why, and the right answer',
			q: single,
			r: { type: 'single', choice: 'a' },
			score: 0,
			feedback: ['fb a', 'The right answer: text b. Fb b']
		},
		{
			name: 'multiple: all right',
			q: multiple,
			r: { type: 'multiple', choices: ['a', 'b'] },
			score: 1
		},
		{
			name: 'multiple: half the right ones',
			q: multiple,
			r: { type: 'multiple', choices: ['a'] },
			score: 0.5
		},
		{
			name: 'multiple: one right, one wrong',
			q: multiple,
			r: { type: 'multiple', choices: ['a', 'c'] },
			score: 0
		},
		{
			name: 'multiple: both right and one wrong',
			q: multiple,
			r: { type: 'multiple', choices: ['a', 'b', 'c'] },
			score: 0.5
		},
		{
			name: 'multiple: everything chosen earns nothing',
			q: multiple,
			r: { type: 'multiple', choices: ['a', 'b', 'c', 'd'] },
			score: 0
		},
		{
			name: 'multiple: nothing chosen',
			q: multiple,
			r: { type: 'multiple', choices: [] },
			score: 0
		},
		{
			name: 'true/false: right, with why',
			q: truefalse,
			r: { type: 'truefalse', answer: false },
			score: 1,
			feedback: ['yes', 'because']
		},
		{
			name: 'true/false: wrong, with why',
			q: truefalse,
			r: { type: 'truefalse', answer: true },
			score: 0,
			feedback: ['no', 'because']
		},
		{
			name: 'ordering: all in place',
			q: ordering,
			r: { type: 'ordering', order: ['e1', 'e2', 'e3', 'e4'] },
			score: 1
		},
		{
			name: 'ordering: two swapped',
			q: ordering,
			r: { type: 'ordering', order: ['e2', 'e1', 'e3', 'e4'] },
			score: 0.5
		},
		{
			name: 'ordering: reversed',
			q: ordering,
			r: { type: 'ordering', order: ['e4', 'e3', 'e2', 'e1'] },
			score: 0
		},
		{
			name: 'matching: all',
			q: matching,
			r: { type: 'matching', matches: { L1: 'R1', L2: 'R2', L3: 'R3', L4: 'R4' } },
			score: 1
		},
		{
			name: 'matching: three of four, feedback for the miss',
			q: matching,
			r: { type: 'matching', matches: { L1: 'R1', L2: 'R2', L3: 'R4', L4: 'R4' } },
			score: 0.75,
			feedback: ['f3']
		},
		{
			name: 'matching: unanswered items count as wrong',
			q: matching,
			r: { type: 'matching', matches: { L1: 'R1' } },
			score: 0.25
		},
		{ name: 'cloze: exact', q: cloze, r: { type: 'cloze', text: 'prior consent' }, score: 1 },
		{
			name: 'cloze: case, surrounding spaces and a trailing full stop ignored',
			q: cloze,
			r: { type: 'cloze', text: '  Prior Consent. ' },
			score: 1
		},
		{
			name: 'cloze (issue 10.8): a hyphen counts',
			q: cloze,
			r: { type: 'cloze', text: 'prior-consent' },
			score: 0
		},
		{ name: 'cloze: wrong words', q: cloze, r: { type: 'cloze', text: 'consent' }, score: 0 },
		{ name: 'locate: right place', q: locate, r: { type: 'locate', place: 'baghuz' }, score: 1 },
		{
			name: 'locate: wrong place shows both notes',
			q: locate,
			r: { type: 'locate', place: 'raqqa' },
			score: 0,
			feedback: ['not raqqa', 'The right place is highlighted on the map. Right place']
		}
	])('$name → $score', ({ q, r, score, feedback }) => {
		const g = grade(q, r);
		expect(g.score).toBe(score);
		expect(g.correct).toBe(score === 1);
		expect(g.quote).toBe(q.quote);
		if (feedback) expect(g.feedback).toEqual(feedback);
	});

	it('refuses a response of another type', () => {
		expect(() => grade(single, { type: 'cloze', text: 'x' })).toThrow(
			'q-single: a cloze response to a single question'
		);
	});
});

describe('parseResponse (untrusted input)', () => {
	it.each([
		{ q: single, raw: null, error: 'q-single: the response must be an object' },
		{ q: single, raw: { choice: 'z' }, error: 'q-single: "choice" "z" is not an option' },
		{
			q: multiple,
			raw: { choices: 'a' },
			error: 'q-multi: "choices" must be a list of option ids'
		},
		{
			q: multiple,
			raw: { choices: ['a', 'x'] },
			error: 'q-multi: "choices" has "x", which is not an option'
		},
		{ q: truefalse, raw: { answer: 'false' }, error: 'q-tf: "answer" must be true or false' },
		{
			q: ordering,
			raw: { order: ['e1', 'e1', 'e2', 'e3'] },
			error: 'q-order: "order" must list each of the question\'s events exactly once'
		},
		{
			q: matching,
			raw: { matches: { L9: 'R1' } },
			error: 'q-match: "matches" has "L9", which is not a left item'
		},
		{
			q: matching,
			raw: { matches: { L1: 'R9' } },
			error: 'q-match: "matches"."L1" is not one of the right items'
		},
		{
			q: cloze,
			raw: { text: 'x'.repeat(201) },
			error: 'q-cloze: "text" must be the missing words (at most 200 characters)'
		},
		{
			q: locate,
			raw: { place: 'damascus' },
			error: 'q-locate: "place" must be the id of one of the places offered'
		}
	])('$error', ({ q, raw, error }) => {
		expect(parseResponse(q, raw)).toEqual({ ok: false, error });
	});

	it('accepts a well-formed response and removes duplicate choices', () => {
		expect(parseResponse(multiple, { choices: ['a', 'a', 'b'] })).toEqual({
			ok: true,
			response: { type: 'multiple', choices: ['a', 'b'] }
		});
	});
});

describe('normaliseAnswer (issue 10.8: answers keep their meaning)', () => {
	it.each([
		{ input: ' Prior Consent. ', expected: 'prior consent' },
		{ input: 'Prior-Consent', expected: 'prior-consent' },
		{ input: 'NATO  Mission   Iraq', expected: 'nato mission iraq' },
		{ input: 'Daesh/ISIS', expected: 'daesh/isis' },
		{ input: 'Iraq’s', expected: "iraq's" },
		{ input: '-5', expected: '-5' },
		{ input: 'C++', expected: 'c++' },
		{ input: '$', expected: '$' },
		{ input: 'e.g..', expected: 'e.g.' }
	])('$input → $expected', ({ input, expected }) => {
		expect(normaliseAnswer(input)).toBe(expected);
	});
});

describe('seededShuffle', () => {
	const items = ['a', 'b', 'c', 'd', 'e'];
	it('is the same for the same seed, a permutation, and differs across seeds', () => {
		expect(seededShuffle(items, 'attempt-1')).toEqual(seededShuffle(items, 'attempt-1'));
		expect([...seededShuffle(items, 'attempt-1')].sort()).toEqual(items);
		const orders = new Set(
			['s1', 's2', 's3', 's4', 's5', 's6'].map((s) => seededShuffle(items, s).join(''))
		);
		expect(orders.size).toBeGreaterThan(1);
	});
});
