import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import { answerState, countAnswers } from '$lib/quiz/answered';
import {
	explainChoices,
	responseLines,
	responseText,
	rightAnswerLines,
	rightAnswerText
} from '$lib/quiz/answer-text';
import { toPublic, type AnyQuestion } from '$lib/quiz/public';
import type { Response } from '$lib/quiz/responses';
import { percentOf, summarySentence } from '$lib/quiz/summary';
import { questionsOfEachType } from '../fixtures/questions';

const qs = questionsOfEachType();
const { single, multiple, truefalse, ordering, matching, cloze, locate } = qs;
const publicMatching = toPublic(matching, (k) => k, false);

describe('answerState', () => {
	it.each<{ name: string; q: AnyQuestion; r: Response | null; expected: string }>([
		{ name: 'nothing given', q: single, r: null, expected: 'unanswered' },
		{
			name: 'a response of another type',
			q: single,
			r: { type: 'cloze', text: 'x' },
			expected: 'unanswered'
		},
		{ name: 'single chosen', q: single, r: { type: 'single', choice: 'a' }, expected: 'answered' },
		{
			name: 'multiple, none ticked',
			q: multiple,
			r: { type: 'multiple', choices: [] },
			expected: 'unanswered'
		},
		{
			name: 'multiple, one ticked',
			q: multiple,
			r: { type: 'multiple', choices: ['c'] },
			expected: 'answered'
		},
		{
			name: 'true/false: false is an answer',
			q: truefalse,
			r: { type: 'truefalse', answer: false },
			expected: 'answered'
		},
		{
			name: 'ordering untouched (the input gives nothing)',
			q: ordering,
			r: null,
			expected: 'unanswered'
		},
		{
			name: 'ordering moved or kept',
			q: ordering,
			r: { type: 'ordering', order: ['e2', 'e1', 'e3', 'e4'] },
			expected: 'answered'
		},
		{
			name: 'matching, none matched',
			q: matching,
			r: { type: 'matching', matches: {} },
			expected: 'unanswered'
		},
		{
			name: 'matching, half matched',
			q: matching,
			r: { type: 'matching', matches: { L1: 'R2', L3: 'R3' } },
			expected: 'partial'
		},
		{
			name: 'matching, an empty choice does not count',
			q: matching,
			r: { type: 'matching', matches: { L1: 'R1', L2: '', L3: 'R3', L4: 'R4' } },
			expected: 'partial'
		},
		{
			name: 'matching, all matched',
			q: matching,
			r: { type: 'matching', matches: { L1: 'R2', L2: 'R1', L3: 'R3', L4: 'R4' } },
			expected: 'answered'
		},
		{
			name: 'matching, answer-free form, half matched',
			q: publicMatching,
			r: { type: 'matching', matches: { L1: 'R1' } },
			expected: 'partial'
		},
		{
			name: 'cloze, spaces only',
			q: cloze,
			r: { type: 'cloze', text: '  ' },
			expected: 'unanswered'
		},
		{
			name: 'cloze, words',
			q: cloze,
			r: { type: 'cloze', text: 'prior consent' },
			expected: 'answered'
		},
		{
			name: 'locate, a place',
			q: locate,
			r: { type: 'locate', place: 'raqqa' },
			expected: 'answered'
		}
	])('$name → $expected', ({ q, r, expected }) => {
		expect(answerState(q, r)).toBe(expected);
	});

	it('counts a set of answers', () => {
		expect(
			countAnswers([single, ordering, matching, cloze], {
				[single.id]: { type: 'single', choice: 'b' },
				[matching.id]: { type: 'matching', matches: { L1: 'R1' } }
			})
		).toEqual({ answered: 1, partial: 1, unanswered: 2 });
	});
});

const names = {
	events: ['e1', 'e2', 'e3', 'e4'].map((id) => ({ id, title: `Event ${id.slice(1)}` })),
	places: [
		{ id: 'baghuz', name: 'Baghuz' },
		{ id: 'raqqa', name: 'Raqqa' }
	]
};

describe('responseText and rightAnswerText', () => {
	it.each<{ name: string; q: Question; r: Response | null; said: string; right: string }>([
		{
			name: 'single',
			q: single,
			r: { type: 'single', choice: 'a' },
			said: 'text a',
			right: 'text b'
		},
		{
			name: 'multiple',
			q: multiple,
			r: { type: 'multiple', choices: ['a', 'c'] },
			said: 'text a; text c',
			right: 'text a; text b'
		},
		{
			name: 'multiple, nothing',
			q: multiple,
			r: { type: 'multiple', choices: [] },
			said: 'Nothing chosen',
			right: 'text a; text b'
		},
		{
			name: 'true/false',
			q: truefalse,
			r: { type: 'truefalse', answer: true },
			said: 'True',
			right: 'False'
		},
		{
			name: 'ordering, by title',
			q: ordering,
			r: { type: 'ordering', order: ['e2', 'e1', 'e3', 'e4'] },
			said: 'Event 2 → Event 1 → Event 3 → Event 4',
			right: 'Event 1 → Event 2 → Event 3 → Event 4'
		},
		{
			name: 'matching, half filled',
			q: matching,
			r: { type: 'matching', matches: { L1: 'R2' } },
			said: 'L1 → R2; L2 → no match chosen; L3 → no match chosen; L4 → no match chosen',
			right: 'L1 → R1; L2 → R2; L3 → R3; L4 → R4'
		},
		{
			name: 'cloze',
			q: cloze,
			r: { type: 'cloze', text: ' prior notice ' },
			said: '“prior notice”',
			right: '“prior consent”'
		},
		{
			name: 'locate, by name',
			q: locate,
			r: { type: 'locate', place: 'raqqa' },
			said: 'Raqqa',
			right: 'Baghuz'
		},
		{ name: 'no answer', q: single, r: null, said: 'No answer', right: 'text b' }
	])('$name', ({ q, r, said, right }) => {
		expect(responseText(q, r, names)).toBe(said);
		expect(rightAnswerText(q, names)).toBe(right);
	});
});

describe('responseLines and rightAnswerLines: a line per option, event or item', () => {
	it.each<{ name: string; q: Question; r: Response; said: string[]; right: string[] }>([
		{
			name: 'multiple',
			q: multiple,
			r: { type: 'multiple', choices: ['c'] },
			said: ['text c'],
			right: ['text a', 'text b']
		},
		{
			name: 'ordering',
			q: ordering,
			r: { type: 'ordering', order: ['e4', 'e3', 'e2', 'e1'] },
			said: ['Event 4', 'Event 3', 'Event 2', 'Event 1'],
			right: ['Event 1', 'Event 2', 'Event 3', 'Event 4']
		},
		{
			name: 'matching',
			q: matching,
			r: { type: 'matching', matches: { L2: 'R2' } },
			said: ['L1 → no match chosen', 'L2 → R2', 'L3 → no match chosen', 'L4 → no match chosen'],
			right: ['L1 → R1', 'L2 → R2', 'L3 → R3', 'L4 → R4']
		}
	])('$name', ({ q, r, said, right }) => {
		expect(responseLines(q, r, names)).toEqual(said);
		expect(rightAnswerLines(q, names)).toEqual(right);
	});
});

describe('explainChoices', () => {
	it.each<{ name: string; choices: string[]; expected: [string, string, string][] }>([
		{
			name: 'one right chosen, one wrong chosen, one right missed',
			choices: ['c', 'a'],
			expected: [
				['text a', 'chosen-right', 'fb a'],
				['text c', 'chosen-wrong', 'fb c'],
				['text b', 'missed', 'fb b']
			]
		},
		{
			name: 'all right',
			choices: ['a', 'b'],
			expected: [
				['text a', 'chosen-right', 'fb a'],
				['text b', 'chosen-right', 'fb b']
			]
		},
		{
			name: 'nothing chosen: both right ones missed',
			choices: [],
			expected: [
				['text a', 'missed', 'fb a'],
				['text b', 'missed', 'fb b']
			]
		}
	])('$name', ({ choices, expected }) => {
		expect(explainChoices(multiple, choices).map((o) => [o.text, o.kind, o.feedback])).toEqual(
			expected
		);
	});
});

describe('the end of a quiz', () => {
	it.each([
		{ score: 7, total: 10, percent: 70 },
		{ score: 2.5, total: 3, percent: 83 },
		{ score: 0, total: 0, percent: 0 }
	])('$score of $total is $percent%', ({ score, total, percent }) => {
		expect(percentOf(score, total)).toBe(percent);
	});
	it.each([
		{ percent: 100, missed: 0, expected: 'Every answer was right: nothing to reread this time.' },
		{
			percent: 90,
			missed: 1,
			expected: 'Nearly all right. Reread the sentence behind the one question below.'
		},
		{
			percent: 60,
			missed: 4,
			expected: 'A good start. Reread the sentences behind the 4 questions below, then retry them.'
		},
		{
			percent: 20,
			missed: 8,
			expected:
				'This part of the text is still new to you. Reread the sentences behind the 8 questions below, then retry them.'
		}
	])('$percent% with $missed to reread', ({ percent, missed, expected }) => {
		expect(summarySentence(percent, missed)).toBe(expected);
	});
});
