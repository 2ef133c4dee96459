import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import type { Response } from '$lib/quiz/responses';
import {
	analyseItems,
	discriminationGuidance,
	discriminationIndex,
	facilityGuidance,
	facilityIndex
} from '$lib/server/item-analysis';
import type { StoredAnswer, SubmissionResult } from '$lib/assignment/results';
import type { ExportLabels } from '$lib/server/exports/labels';
import { questionsOfEachType } from '../fixtures/questions';

const { single, multiple, truefalse, ordering, matching, cloze, locate } = questionsOfEachType({
	cloze: { answers: ['prior consent', 'consent beforehand'] }
});

const places: Record<string, string> = { baghuz: 'Baghuz', raqqa: 'Raqqa', mosul: 'Mosul' };
const labels: ExportLabels = {
	placeName: (id) => places[id] ?? id,
	eventTitle: (id) => `Event ${id.slice(1)}`
};

let nextId = 1;
/** A submission holding the given answers; the total defaults to their sum. */
function submission(answers: Record<string, StoredAnswer>, total?: number): SubmissionResult {
	const sum = Object.values(answers).reduce((s, a) => s + a.score, 0);
	return {
		id: nextId++,
		name: `Student ${nextId}`,
		attempt: 1,
		submittedAt: '2024-01-01T00:00:00Z',
		late: false,
		score: total ?? sum,
		maxScore: Object.keys(answers).length,
		answers
	};
}
const one = (q: Question, score: number, response: Response | null, total?: number) =>
	submission({ [q.id]: { score, response } }, total);

describe('facilityIndex', () => {
	it.each<{ name: string; input: number[]; expected: number | null }>([
		{ name: 'nobody answered', input: [], expected: null },
		{ name: 'all right', input: [1, 1, 1], expected: 1 },
		{ name: 'half right', input: [1, 0, 1, 0], expected: 0.5 },
		// (0 + 0.5 + 0 + 1) / 4 = 0.375: a multiple-response half mark counts as half.
		{ name: 'partial scores', input: [0, 0.5, 0, 1], expected: 0.375 }
	])('$name', ({ input, expected }) => {
		expect(facilityIndex(input)).toBe(expected);
	});
});

describe('discriminationIndex', () => {
	it.each<{ name: string; item: number[]; total: number[]; expected: number | null }>([
		/*
		 * item x = [1,1,0,0], rest y = [3,2,1,0] (so totals = x + y = [4,3,1,0]).
		 * mean x = 0.5, mean y = 1.5; dx = [.5,.5,-.5,-.5], dy = [1.5,.5,-.5,-1.5]
		 * Σdx·dy = .75 + .25 + .25 + .75 = 2; Σdx² = 4 × .25 = 1; Σdy² = 2.25 + .25 + .25 + 2.25 = 5
		 * r = 2 / √(1 × 5) = 0.894427… → 89.4
		 */
		{ name: 'strong, positive', item: [1, 1, 0, 0], total: [4, 3, 1, 0], expected: 89.4 },
		// The same rest scores with the item reversed: r = −2 / √5 → −89.4.
		{ name: 'negative', item: [0, 0, 1, 1], total: [3, 2, 2, 1], expected: -89.4 },
		/*
		 * Partial scores: x = [1,.5,.5,0], rest y = [2,2,0,1] (totals [3,2.5,.5,1]).
		 * mean x = .5, mean y = 1.25; dx = [.5,0,0,-.5], dy = [.75,.75,-1.25,-.25]
		 * Σdx·dy = .375 + 0 + 0 + .125 = .5; Σdx² = .25 + .25 = .5
		 * Σdy² = .5625 + .5625 + 1.5625 + .0625 = 2.75
		 * r = .5 / √(.5 × 2.75) = .5 / 1.172604 = 0.426401 → 42.6
		 */
		{ name: 'partial scores', item: [1, 0.5, 0.5, 0], total: [3, 2.5, 0.5, 1], expected: 42.6 },
		/*
		 * x = [1,0,1,0,1], rest y = [2,2,1,1,0] (totals [3,2,2,1,1]).
		 * mean x = .6, mean y = 1.2; dx = [.4,-.6,.4,-.6,.4], dy = [.8,.8,-.2,-.2,-1.2]
		 * Σdx·dy = .32 − .48 − .08 + .12 − .48 = −.6; Σdx² = 3 × .16 + 2 × .36 = 1.2
		 * Σdy² = .64 + .64 + .04 + .04 + 1.44 = 2.8
		 * r = −.6 / √(1.2 × 2.8) = −.6 / 1.833030 = −0.327327 → −32.7
		 */
		{ name: 'weakly negative', item: [1, 0, 1, 0, 1], total: [3, 2, 2, 1, 1], expected: -32.7 },
		{ name: 'everyone right: no item variance', item: [1, 1, 1], total: [3, 2, 1], expected: null },
		{
			name: 'thirds that sum unevenly still count as no variance',
			item: [1 / 3, 1 / 3, 1 / 3],
			total: [1, 2, 3],
			expected: null
		},
		// Totals [2,1,0] minus items [1,0,…] leave the rest constant at 1.
		{ name: 'rest of test constant', item: [1, 0, 0], total: [2, 1, 1], expected: null },
		{ name: 'two submissions are too few', item: [1, 0], total: [3, 0], expected: null },
		{ name: 'none', item: [], total: [], expected: null }
	])('$name', ({ item, total, expected }) => {
		expect(discriminationIndex(item, total)).toBe(expected);
	});

	it('refuses lists of different lengths', () => {
		expect(() => discriminationIndex([1, 0, 1], [1, 0])).toThrow();
	});
});

describe('guidance', () => {
	it.each<{ input: number | null; expected: string }>([
		{ input: null, expected: 'Nobody' },
		{ input: 0, expected: 'Very hard' },
		{ input: 0.19, expected: 'Very hard' },
		{ input: 0.2, expected: 'Hard' },
		{ input: 0.34, expected: 'Hard' },
		{ input: 0.35, expected: 'About right' },
		{ input: 0.64, expected: 'About right' },
		{ input: 0.65, expected: 'Easy' },
		{ input: 0.8, expected: 'Very easy' },
		{ input: 0.9, expected: 'Very easy' },
		{ input: 0.91, expected: 'Almost everyone' },
		{ input: 1, expected: 'Almost everyone' }
	])('facility $input', ({ input, expected }) => {
		expect(facilityGuidance(input).startsWith(expected)).toBe(true);
	});

	it.each<{ input: number | null; expected: string }>([
		{ input: null, expected: 'Not enough answers yet to tell (needs at least 3' },
		{ input: 89.4, expected: 'Very good' },
		{ input: 50, expected: 'Very good' },
		{ input: 49.9, expected: 'Adequate' },
		{ input: 30, expected: 'Adequate' },
		{ input: 29.9, expected: 'Weak' },
		{ input: 20, expected: 'Weak' },
		{ input: 19.9, expected: 'Very weak' },
		{ input: 0, expected: 'Very weak' },
		{ input: -0.1, expected: 'Students who did well overall tended to miss this one' }
	])('discrimination $input', ({ input, expected }) => {
		expect(discriminationGuidance(input).startsWith(expected)).toBe(true);
	});

	it('each is one short sentence', () => {
		for (const text of [
			...[null, 0.1, 0.3, 0.5, 0.7, 0.85, 0.95].map(facilityGuidance),
			...[null, 60, 40, 25, 10, -10].map(discriminationGuidance)
		]) {
			expect(text.length).toBeLessThan(110);
			expect(text.match(/[.!?](\s|$)/g)).toHaveLength(1);
		}
	});
});

describe('analyseItems', () => {
	it('one entry per question, in order, counting only submissions that include it', () => {
		const subs = [
			submission(
				{
					'q-single': { score: 1, response: { type: 'single', choice: 'b' } },
					'q-tf': { score: 0, response: { type: 'truefalse', answer: true } }
				},
				4
			),
			submission({ 'q-single': { score: 1, response: { type: 'single', choice: 'b' } } }, 3),
			submission({ 'q-single': { score: 0, response: { type: 'single', choice: 'a' } } }, 1),
			// A second attempt: the caller chose to include it, so it counts.
			{
				...submission({ 'q-single': { score: 0, response: { type: 'single', choice: 'c' } } }, 0),
				attempt: 2
			}
		];
		const stats = analyseItems([truefalse, single, locate], subs, labels);
		expect(stats.map((s) => s.id)).toEqual(['q-tf', 'q-single', 'q-locate']);
		const [tf, s, loc] = stats;
		expect(tf).toMatchObject({
			answered: 1,
			facility: 0,
			discrimination: null,
			commonWrong: { label: 'True', count: 1 }
		});
		// Item [1,1,0,0] against totals [4,3,1,0]: the first hand-computed case above, 89.4.
		expect(s).toMatchObject({
			answered: 4,
			facility: 0.5,
			discrimination: 89.4,
			commonWrong: { label: 'text a', count: 1 }
		});
		expect(s.facilityGuidance).toMatch(/^About right/);
		expect(s.discriminationGuidance).toMatch(/^Very good/);
		expect(loc).toEqual({
			id: 'q-locate',
			answered: 0,
			facility: null,
			discrimination: null,
			facilityGuidance: facilityGuidance(null),
			discriminationGuidance: discriminationGuidance(null),
			commonWrong: null
		});
	});

	it('uses the total minus the item: a hard item the strong students miss is negative', () => {
		const subs = [
			one(single, 0, { type: 'single', choice: 'a' }, 3),
			one(single, 0, { type: 'single', choice: 'a' }, 2),
			one(single, 1, { type: 'single', choice: 'b' }, 2),
			one(single, 1, { type: 'single', choice: 'b' }, 1)
		];
		const [s] = analyseItems([single], subs, labels);
		expect(s.discrimination).toBe(-89.4);
		expect(s.discriminationGuidance).toMatch(/check the question's wording and key/);
	});

	it('a question left unanswered counts as answered, scoring 0', () => {
		const subs = [one(single, 0, null, 0), one(single, 1, { type: 'single', choice: 'b' }, 1)];
		const [s] = analyseItems([single], subs, labels);
		expect(s).toMatchObject({ answered: 2, facility: 0.5, commonWrong: null });
	});

	it('partial scores: facility from multiple-response half marks', () => {
		const subs = [
			one(multiple, 0, { type: 'multiple', choices: ['a', 'c'] }, 2),
			one(multiple, 0.5, { type: 'multiple', choices: ['a', 'b', 'd'] }, 2.5),
			one(multiple, 0.5, { type: 'multiple', choices: ['a'] }, 0.5),
			one(multiple, 1, { type: 'multiple', choices: ['a', 'b'] }, 3)
		];
		// Scores [0,.5,.5,1] with rest [2,2,0,2]: mean x .5, mean y 1.5, dx [-.5,0,0,.5],
		// dy [.5,.5,-1.5,.5]; Σdx·dy = -.25 + .25 = 0 → r = 0.
		const [m] = analyseItems([multiple], subs, labels);
		expect(m.facility).toBe(0.5);
		expect(m.discrimination).toBe(0);
	});

	it.each<{
		name: string;
		q: Question;
		answers: [number, Response | null][];
		expected: string | null;
		count?: number;
	}>([
		{
			name: 'single: the most picked wrong option',
			q: single,
			answers: [
				[0, { type: 'single', choice: 'a' }],
				[0, { type: 'single', choice: 'c' }],
				[0, { type: 'single', choice: 'c' }],
				[1, { type: 'single', choice: 'b' }]
			],
			expected: 'text c',
			count: 2
		},
		{
			name: 'single: a tie goes to the one seen first',
			q: single,
			answers: [
				[0, { type: 'single', choice: 'c' }],
				[0, { type: 'single', choice: 'a' }]
			],
			expected: 'text c',
			count: 1
		},
		{
			name: 'single: all right',
			q: single,
			answers: [[1, { type: 'single', choice: 'b' }]],
			expected: null
		},
		{
			name: 'multiple: wrong options picked in partly right answers count too',
			q: multiple,
			answers: [
				[0, { type: 'multiple', choices: ['a', 'd'] }],
				[0.5, { type: 'multiple', choices: ['a', 'b', 'c'] }],
				[0, { type: 'multiple', choices: ['c'] }],
				[1, { type: 'multiple', choices: ['a', 'b'] }]
			],
			expected: 'text c',
			count: 2
		},
		{
			name: 'multiple: only missed right options is no wrong answer',
			q: multiple,
			answers: [[0.5, { type: 'multiple', choices: ['a'] }]],
			expected: null
		},
		{
			name: 'true/false: the wrong one',
			q: truefalse,
			answers: [
				[0, { type: 'truefalse', answer: true }],
				[0, { type: 'truefalse', answer: true }],
				[1, { type: 'truefalse', answer: false }]
			],
			expected: 'True',
			count: 2
		},
		{
			name: 'cloze: grouped after normalising, shown as first typed (trimmed)',
			q: cloze,
			answers: [
				[0, { type: 'cloze', text: '  Consent ' }],
				[0, { type: 'cloze', text: 'approval' }],
				[0, { type: 'cloze', text: 'consent.' }],
				[1, { type: 'cloze', text: 'Prior-consent' }]
			],
			expected: 'Consent',
			count: 2
		},
		{
			name: 'cloze: a tie goes to the one seen first',
			q: cloze,
			answers: [
				[0, { type: 'cloze', text: 'approval' }],
				[0, { type: 'cloze', text: 'consent' }]
			],
			expected: 'approval',
			count: 1
		},
		{
			name: 'cloze: blanks are not shown as an answer',
			q: cloze,
			answers: [
				[0, { type: 'cloze', text: '   ' }],
				[0, { type: 'cloze', text: '' }]
			],
			expected: null
		},
		{
			name: 'locate: the place name of the most chosen wrong place',
			q: locate,
			answers: [
				[0, { type: 'locate', place: 'raqqa' }],
				[0, { type: 'locate', place: 'mosul' }],
				[0, { type: 'locate', place: 'mosul' }],
				[1, { type: 'locate', place: 'baghuz' }]
			],
			expected: 'Mosul',
			count: 2
		},
		{
			name: 'matching: the most frequent wrong pairing',
			q: matching,
			answers: [
				[0.5, { type: 'matching', matches: { L1: 'R1', L2: 'R3', L3: 'R2', L4: 'R4' } }],
				[0.75, { type: 'matching', matches: { L1: 'R1', L2: 'R3', L3: 'R3', L4: 'R4' } }],
				[0, { type: 'matching', matches: { L1: 'R2' } }]
			],
			expected: 'L2 → R3',
			count: 2
		},
		{
			name: 'matching: a tie goes to the pairing seen first',
			q: matching,
			answers: [[0.5, { type: 'matching', matches: { L1: 'R1', L2: 'R3', L3: 'R2', L4: 'R4' } }]],
			expected: 'L2 → R3',
			count: 1
		},
		{
			name: 'ordering: the event most often out of position',
			q: ordering,
			answers: [
				[0.5, { type: 'ordering', order: ['e2', 'e1', 'e3', 'e4'] }],
				[0.5, { type: 'ordering', order: ['e1', 'e3', 'e2', 'e4'] }],
				[0, { type: 'ordering', order: ['e2', 'e1', 'e4', 'e3'] }],
				[1, { type: 'ordering', order: ['e1', 'e2', 'e3', 'e4'] }]
			],
			expected: 'Event 2 in the wrong place',
			count: 3
		},
		{
			name: 'ordering: a tie goes to the event seen first',
			q: ordering,
			answers: [[0.5, { type: 'ordering', order: ['e2', 'e1', 'e3', 'e4'] }]],
			expected: 'Event 1 in the wrong place',
			count: 1
		},
		{
			name: 'left unanswered is no wrong answer',
			q: single,
			answers: [
				[0, null],
				[0, null],
				[0, { type: 'single', choice: 'a' }]
			],
			expected: 'text a',
			count: 1
		},
		{
			name: 'a response of another type (an older question) is ignored',
			q: single,
			answers: [[0, { type: 'truefalse', answer: true }]],
			expected: null
		}
	])('commonWrong, $name', ({ q, answers, expected, count }) => {
		const subs = answers.map(([score, response]) => one(q, score, response));
		const [stats] = analyseItems([q], subs, labels);
		expect(stats.commonWrong).toEqual(expected === null ? null : { label: expected, count });
	});
});
