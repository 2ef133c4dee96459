import { describe, expect, it } from 'vitest';
import { questionText, studentAnswers, whoAnswered } from '$lib/assignment/answers';
import type { StoredAnswer, SubmissionResult } from '$lib/assignment/results';
import type { Question } from '$lib/content';
import { questionsOfEachType } from '../fixtures/questions';

const { single, truefalse, cloze } = questionsOfEachType({ base: { prompt: 'Which?' } });
const names = { events: [], places: [] };
const pool: Question[] = [single, truefalse, cloze];
const sub = (
	id: number,
	name: string,
	answers: Record<string, StoredAnswer>
): SubmissionResult => ({
	id,
	name,
	attempt: 1,
	submittedAt: '2026-12-01T10:00:00.000Z',
	late: false,
	score: 0,
	maxScore: Object.keys(answers).length,
	answers
});
const optionText = (id: string) =>
	single.type === 'single' ? single.options.find((o) => o.id === id)!.text : id;
const rightId = single.type === 'single' ? single.options.find((o) => o.correct)!.id : '';
const wrongId = single.type === 'single' ? single.options.find((o) => !o.correct)!.id : '';

describe('questionText', () => {
	it.each([
		{ q: single, expected: 'Which?' },
		{
			q: truefalse,
			expected: `${truefalse.prompt} ${truefalse.type === 'truefalse' ? truefalse.statement : ''}`
		}
	])('$q.type: $expected', ({ q, expected }) => {
		expect(questionText(q)).toBe(expected);
	});
});

describe('studentAnswers', () => {
	it.each<{ name: string; answers: Record<string, StoredAnswer>; expected: unknown[] }>([
		{
			name: 'each question given, in the pool’s order, numbered by it',
			answers: {
				[cloze.id]: { score: 0, response: { type: 'cloze', text: ' nope ' } },
				[single.id]: { score: 1, response: { type: 'single', choice: rightId } }
			},
			expected: [
				{
					id: single.id,
					number: 1,
					answer: [optionText(rightId)],
					score: 1,
					right: [optionText(rightId)]
				},
				{ id: cloze.id, number: 3, answer: ['“nope”'], score: 0 }
			]
		},
		{
			name: 'unanswered is "No answer", a 0',
			answers: { [truefalse.id]: { score: 0, response: null } },
			expected: [{ id: truefalse.id, number: 2, answer: ['No answer'], score: 0 }]
		},
		{ name: 'nothing given, nothing listed', answers: {}, expected: [] }
	])('$name', ({ answers, expected }) => {
		expect(studentAnswers(pool, { answers }, names)).toMatchObject(expected);
	});

	it('a question id that is an Object property is not taken as given', () => {
		expect(studentAnswers([{ ...single, id: 'constructor' }], { answers: {} }, names)).toEqual([]);
	});
});

describe('whoAnswered', () => {
	const pick = (id: string, score: number): StoredAnswer => ({
		score,
		response: { type: 'single', choice: id }
	});
	it.each<{ name: string; subs: SubmissionResult[]; expected: unknown[] }>([
		{ name: 'nobody', subs: [], expected: [] },
		{
			name: 'grouped by answer, the most given first, names in submission order',
			subs: [
				sub(1, 'Ana', { [single.id]: pick(wrongId, 0) }),
				sub(2, 'Ben', { [single.id]: pick(rightId, 1) }),
				sub(3, 'Cy', { [single.id]: pick(wrongId, 0) }),
				sub(4, 'Dee', {
					[truefalse.id]: { score: 1, response: { type: 'truefalse', answer: true } }
				})
			],
			expected: [
				{
					answer: optionText(wrongId),
					score: 0,
					students: [
						{ id: 1, name: 'Ana' },
						{ id: 3, name: 'Cy' }
					]
				},
				{ answer: optionText(rightId), score: 1, students: [{ id: 2, name: 'Ben' }] }
			]
		},
		{
			name: 'a tie: the better mark first; unanswered is its own group',
			subs: [
				sub(1, 'Ana', { [single.id]: { score: 0, response: null } }),
				sub(2, 'Ben', { [single.id]: pick(rightId, 1) })
			],
			expected: [
				{ answer: optionText(rightId), students: [{ name: 'Ben' }] },
				{ answer: 'No answer', students: [{ name: 'Ana' }] }
			]
		}
	])('$name', ({ subs, expected }) => {
		expect(whoAnswered(single, subs, names)).toMatchObject(expected);
	});
});
