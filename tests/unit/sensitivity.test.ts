import { describe, expect, it } from 'vitest';
import { auditCourse } from '$lib/content/audit';
import {
	commitmentSubject,
	glossarySubject,
	questionSubject,
	topicsOf
} from '$lib/content/sensitivity';
import type { Question } from '$lib/content';
import { validateCourse } from '$lib/content/validate';
import { readLessonFiles } from './load-files';

describe('topicsOf', () => {
	it.each([
		{ text: 'sexual violence as an instrument of terror', expected: ['sexual violence'] },
		{ text: 'sexual and gender-based violence', expected: ['sexual violence'] },
		{ text: 'Daesh/ISIS detainees and family members in northeast Syria', expected: ['detention'] },
		{ text: 'fighters who are in custody', expected: ['detention'] },
		{ text: 'the custodians of the detained fighters', expected: ['detention'] },
		{ text: 'al-Hol camp', expected: ['detention'] },
		{ text: 'civilians, wounded fighters and prisoners', expected: [] },
		{ text: 'a campaign of strategic communications', expected: [] },
		{ text: 'the countries of origin', expected: [] }
	])('"$text"', ({ text, expected }) => expect(topicsOf(text)).toEqual(expected));
});

const base = {
	lesson: 'l',
	bloom: 'remember' as const,
	difficulty: 1 as const,
	sentences: ['p7.s1' as const],
	commitments: []
};

describe('what an item is about', () => {
	it.each<{ name: string; q: Question; expected: string[] }>([
		{
			name: 'the quote of the cited sentence counts',
			q: {
				...base,
				id: 'a',
				prompt: 'What is this part of the sentence?',
				quote: 'including accountability for fighters who have used sexual violence',
				type: 'truefalse',
				statement: 'It is a recognition.',
				answer: false,
				feedback: { correct: 'Y.', incorrect: 'N.' },
				why: 'W.'
			},
			expected: ['sexual violence']
		},
		{
			name: 'a wrong option quoting another paragraph in passing does not',
			q: {
				...base,
				id: 'b',
				prompt: 'Which words name the threat?',
				quote: 'Daesh/ISIS affiliates',
				type: 'single',
				options: [
					{ id: 'a', text: '"affiliates and branches"', correct: true, feedback: 'Right.' },
					{
						id: 'b',
						text: '"the custodians of the detained fighters"',
						correct: false,
						feedback: 'No.'
					}
				]
			},
			expected: []
		},
		{
			name: 'feedback mentioning another paragraph does not',
			q: {
				...base,
				id: 'c',
				prompt: 'What kind of statement is it?',
				quote: 'agreed on the urgent need',
				type: 'single',
				options: [
					{ id: 'a', text: 'A commitment', correct: true, feedback: 'Right.' },
					{ id: 'b', text: 'An urging', correct: false, feedback: 'Like "we urge the custodians".' }
				]
			},
			expected: []
		}
	])('$name', ({ q, expected }) => expect(topicsOf(questionSubject(q))).toEqual(expected));

	it('a glossary entry is about what its headword and short definition say', () => {
		expect(topicsOf(glossarySubject({ term: 'detainees', short: 'People who are held.' }))).toEqual(
			['detention']
		);
		expect(
			topicsOf(glossarySubject({ term: 'international humanitarian law', short: 'Rules.' }))
		).toEqual([]);
	});

	it.each([
		{
			name: 'a phrase on sexual violence',
			c: {
				phrase: 'including accountability for fighters who have used sexual violence',
				restatement: 'The ministers say this includes holding these fighters responsible.'
			},
			expected: ['sexual violence']
		},
		{
			name: 'a restatement on detainees, whatever the phrase',
			c: {
				phrase: 'recognized the importance of finding a comprehensive approach',
				restatement: 'A broad way of dealing with the situation of detainees.'
			},
			expected: ['detention']
		},
		{
			name: 'an item from a sentence on custody that is not about it',
			c: {
				phrase: 'in close coordination with the countries of origin',
				restatement:
					'The ministers promise to work closely with the countries the fighters come from.'
			},
			expected: []
		}
	])('a commitment item is about its phrase and restatement: $name', ({ c, expected }) =>
		expect(topicsOf(commitmentSubject(c))).toEqual(expected)
	);
});

describe('the sensitivity mark in the real content', () => {
	const real = readLessonFiles();
	it('refuses a glossary entry on sexual violence without its mark, naming file, id and field', () => {
		const glossary = real['/lessons/glossary.yaml'].replace(
			/(id: sexual-violence-as-terror[\s\S]*?)\n {2}sensitive: true/,
			'$1'
		);
		const course = validateCourse({ ...real, '/lessons/glossary.yaml': glossary });
		expect(auditCourse(course).problems.map((p) => p.message)).toContain(
			'/lessons/glossary.yaml [sexual-violence-as-terror] sensitive: is about sexual violence: mark it "sensitive: true" so a content note comes first'
		);
	});
	it('refuses a commitment item on sexual violence without its mark, naming file, id and field', () => {
		const commitments = real['/lessons/commitments.yaml'].replace(
			/(id: accountability-for-sexual-violence[\s\S]*?)\n {2}sensitive: true/,
			'$1'
		);
		expect(commitments).not.toBe(real['/lessons/commitments.yaml']);
		const course = validateCourse({ ...real, '/lessons/commitments.yaml': commitments });
		expect(
			course.commitments.find((c) => c.id === 'accountability-for-sexual-violence')
		).not.toHaveProperty('sensitive');
		expect(auditCourse(course).problems.map((p) => p.message)).toContain(
			'/lessons/commitments.yaml [accountability-for-sexual-violence] sensitive: is about sexual violence: mark it "sensitive: true" so a content note comes first'
		);
	});
	it('passes the real content, and marks the commitment items on sexual violence and detention', () => {
		const course = validateCourse(real);
		expect(auditCourse(course).problems.filter((p) => p.field === 'sensitive')).toEqual([]);
		const marked = course.commitments.filter((c) => c.sensitive).map((c) => c.id);
		for (const id of [
			'recognize-foreign-fighters-and-families-challenge',
			'accountability-for-sexual-violence',
			'appropriate-treatment-of-accused-terrorists',
			'fair-trials-under-international-law',
			'urge-humane-treatment-of-detained-fighters',
			'detainees-in-northeast-syria-grave-concern',
			'comprehensive-approach-to-detainees'
		])
			expect(marked).toContain(id);
		expect(
			course.commitments.find((c) => c.id === 'fight-in-iraq-and-syria')?.sensitive
		).toBeUndefined();
	});
	it('marks the entries on sexual violence and detention', () => {
		const course = validateCourse(real);
		const marked = course.glossary.filter((t) => t.sensitive).map((t) => t.id);
		for (const id of ['sexual-violence-as-terror', 'detainees', 'custodians', 'northeast-syria'])
			expect(marked).toContain(id);
	});
});
