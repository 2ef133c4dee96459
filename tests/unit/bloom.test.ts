import { describe, expect, it } from 'vitest';
import { isGlossaryTerm, requiredBloom } from '$lib/content/bloom';
import type { Question } from '$lib/content';

const glossary = [
	{ term: 'sovereignty', matches: ['sovereignty'] },
	{ term: 'the Sahel', matches: ['the Sahel'] },
	{
		term: 'multilateral law enforcement channels',
		matches: ['multilateral law enforcement channels']
	}
];
const base = {
	id: 'q',
	lesson: 'l',
	bloom: 'evaluate' as const,
	difficulty: 1 as const,
	prompt: 'Which?',
	sentences: ['p1.s1' as const],
	quote: 'q',
	commitments: []
};
const pairs = (...lefts: string[]) =>
	lefts.map((left, i) => ({ left, right: `r${i}`, feedback: 'F.' }));

describe('requiredBloom', () => {
	it.each<{ name: string; q: Question; expected: string | null }>([
		{
			name: 'ordering is remember',
			q: {
				...base,
				type: 'ordering',
				events: ['a', 'b', 'c'],
				feedback: { correct: 'Y.', incorrect: 'N.' }
			},
			expected: 'remember'
		},
		{
			name: 'locate is remember',
			q: { ...base, type: 'locate', region: 'r', answer: 'a', options: [] },
			expected: 'remember'
		},
		{
			name: 'cloze is remember',
			q: {
				...base,
				type: 'cloze',
				text: 'a ___',
				answers: ['b'],
				feedback: { correct: 'Y.', incorrect: 'N.' }
			},
			expected: 'remember'
		},
		{
			name: 'matching glossary terms is understand',
			q: { ...base, type: 'matching', pairs: pairs('Sovereignty', 'the Sahel', 'Sahel') },
			expected: 'understand'
		},
		{
			name: 'matching other things is left open',
			q: { ...base, type: 'matching', pairs: pairs('sovereignty', 'political', 'military') },
			expected: null
		},
		{
			name: 'classifying a statement is apply',
			q: { ...base, prompt: 'What kind of statement is this?', type: 'single', options: [] },
			expected: 'apply'
		},
		{
			name: 'other choice questions are left open',
			q: { ...base, prompt: 'Which claim does the text support?', type: 'single', options: [] },
			expected: null
		}
	])('$name', ({ q, expected }) =>
		expect(requiredBloom(q, glossary)?.level ?? null).toBe(expected)
	);

	it.each([
		{ text: 'Multilateral law-enforcement channels', expected: true },
		{ text: 'sovereignty.', expected: true },
		{ text: 'Iraq', expected: false }
	])('isGlossaryTerm("$text")', ({ text, expected }) =>
		expect(isGlossaryTerm(text, glossary)).toBe(expected)
	);
});
