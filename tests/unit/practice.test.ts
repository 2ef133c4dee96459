import { describe, expect, it } from 'vitest';
import type { Question, QuestionType } from '$lib/content';
import { questionTypes } from '$lib/content/files/vocabulary';
import { pickPractice, planPractice, type PracticeChoice } from '$lib/quiz/practice';
import { questionsOfEachType } from '../fixtures/questions';

/** A bank: three of each type, across two lessons and difficulties 1 to 3. */
const bank: Question[] = Object.values(questionsOfEachType()).flatMap((q) =>
	[1, 2, 3].map(
		(d) =>
			({
				...q,
				id: `${q.id}-${d}`,
				difficulty: d,
				lesson: d === 3 ? 'two' : 'one',
				commitments: d === 1 ? ['c1'] : []
			}) as Question
	)
);
const all: PracticeChoice = {
	scope: 'all',
	lessons: [],
	items: [],
	type: 'any',
	difficulty: 'any',
	length: 10
};

describe('planPractice', () => {
	it.each<{ name: string; choice: Partial<PracticeChoice>; size: number; notes: string[] }>([
		{ name: 'the whole bank, 10 asked', choice: {}, size: 10, notes: ['21 questions match.'] },
		{
			name: 'all that match',
			choice: { length: 'all' },
			size: 21,
			notes: ['21 questions match.']
		},
		{
			name: 'one type leaves fewer than asked: said plainly',
			choice: { type: 'cloze' },
			size: 3,
			notes: [
				'3 questions match.',
				'You asked for 10, but only 3 match, so the quiz has 3 questions.'
			]
		},
		{
			name: 'one type and one difficulty',
			choice: { type: 'matching', difficulty: '2', length: 5 },
			size: 1,
			notes: [
				'1 question matches.',
				'You asked for 5, but only 1 matches, so the quiz has 1 question.'
			]
		},
		{
			name: 'a difficulty',
			choice: { difficulty: '3', length: 5 },
			size: 5,
			notes: ['7 questions match.']
		},
		{
			name: 'chosen lessons with none chosen',
			choice: { scope: 'lessons' },
			size: 0,
			notes: ['Choose at least one lesson.']
		},
		{
			name: 'chosen commitments with none chosen',
			choice: { scope: 'items' },
			size: 0,
			notes: ['Choose at least one commitment or principle.']
		},
		{
			name: 'a lesson and a difficulty it has none of',
			choice: { scope: 'lessons', lessons: ['two'], difficulty: '1' },
			size: 0,
			notes: [
				'No questions match these choices. Choose more lessons, another type or any difficulty.'
			]
		},
		{
			name: 'a commitment',
			choice: { scope: 'items', items: ['c1'], length: 'all' },
			size: 7,
			notes: ['7 questions match.']
		},
		{
			name: 'mixed, 10 asked: room for every type',
			choice: { type: 'mixed' },
			size: 10,
			notes: ['21 questions match.']
		},
		{
			name: 'mixed, 5 asked: raised to one of each of the 7 types, said plainly',
			choice: { type: 'mixed', length: 5 },
			size: 7,
			notes: [
				'21 questions match.',
				'A mixed quiz has one question of each of the 7 types at least, so it has 7 questions, not 5.'
			]
		}
	])('$name', ({ choice, size, notes }) => {
		const plan = planPractice(bank, { ...all, ...choice });
		expect(plan.size).toBe(size);
		expect(plan.notes).toEqual(notes);
	});

	it('says which types a mixed quiz cannot have', () => {
		const noMaps = bank.filter((q) => q.type !== 'locate' && q.type !== 'cloze');
		const plan = planPractice(noMaps, { ...all, type: 'mixed', length: 20 });
		expect(plan.types).toEqual(['single', 'multiple', 'truefalse', 'ordering', 'matching']);
		expect(plan.notes).toEqual([
			'15 questions match.',
			'You asked for 20, but only 15 match, so the quiz has 15 questions.',
			'No question that matches is of the type “Fill the gap”, “On the map”, so the quiz has the other 5 types.'
		]);
	});
});

describe('pickPractice', () => {
	const types = (qs: Question[]) => new Set(qs.map((q) => q.type));

	it.each(
		Array.from({ length: 40 }, (_, i) => ({
			seed: `seed-${i}`,
			length: [5, 7, 8, 10, 20][i % 5]
		}))
	)('mixed ($length asked, $seed) holds every type, each question once', ({ seed, length }) => {
		const picked = pickPractice(bank, { ...all, type: 'mixed', length }, seed);
		expect(picked).toHaveLength(Math.max(length, questionTypes.length));
		expect(types(picked)).toEqual(new Set<QuestionType>(questionTypes));
		expect(new Set(picked.map((q) => q.id)).size).toBe(picked.length);
	});

	it.each<{ name: string; choice: Partial<PracticeChoice>; check: (q: Question) => boolean }>([
		{
			name: 'only the type chosen',
			choice: { type: 'ordering' },
			check: (q) => q.type === 'ordering'
		},
		{
			name: 'only the difficulty chosen',
			choice: { difficulty: '2' },
			check: (q) => q.difficulty === 2
		},
		{
			name: 'only the lessons chosen',
			choice: { scope: 'lessons', lessons: ['two'] },
			check: (q) => q.lesson === 'two'
		},
		{
			name: 'mixed within a difficulty',
			choice: { type: 'mixed', difficulty: '1' },
			check: (q) => q.difficulty === 1
		}
	])('$name', ({ choice, check }) => {
		const picked = pickPractice(bank, { ...all, ...choice }, 'x');
		expect(picked.length).toBeGreaterThan(0);
		expect(picked.every(check)).toBe(true);
	});

	it('is the same for the same seed, and differs for another', () => {
		const a = pickPractice(bank, all, 's1').map((q) => q.id);
		expect(pickPractice(bank, all, 's1').map((q) => q.id)).toEqual(a);
		expect(pickPractice(bank, all, 's2').map((q) => q.id)).not.toEqual(a);
	});

	it('gives nothing when nothing matches', () => {
		expect(pickPractice(bank, { ...all, scope: 'lessons' }, 'x')).toEqual([]);
	});
});
