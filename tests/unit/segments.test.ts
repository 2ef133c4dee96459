import { describe, expect, it } from 'vitest';
import type { GlossaryTerm, Sentence, SentenceId } from '$lib/content';
import { markTerms } from '$lib/reader/segments';

const sentence = (id: string, text: string): Sentence => ({
	id: id as SentenceId,
	paragraph: Number(id.slice(1, id.indexOf('.'))),
	index: Number(id.slice(id.indexOf('s') + 1)),
	text
});
const term = (id: string, ...matches: string[]): GlossaryTerm => ({
	id,
	term: id,
	matches,
	short: '',
	definition: '',
	facts: [],
	see: []
});

describe('markTerms', () => {
	it.each([
		{
			name: 'marks a term once, at its first occurrence',
			sentences: [sentence('p1.s1', 'Daesh/ISIS in Iraq.'), sentence('p1.s2', 'Again Daesh/ISIS.')],
			terms: [term('daesh', 'Daesh/ISIS')],
			expected: {
				'p1.s1': [{ text: 'Daesh/ISIS', term: 'daesh' }, { text: ' in Iraq.' }],
				'p1.s2': [{ text: 'Again Daesh/ISIS.' }]
			}
		},
		{
			name: 'the longer phrase wins where two start at the same place',
			sentences: [sentence('p1.s1', 'international humanitarian law applies')],
			terms: [term('law', 'international'), term('ihl', 'international humanitarian law')],
			expected: {
				'p1.s1': [{ text: 'international humanitarian law', term: 'ihl' }, { text: ' applies' }]
			}
		},
		{
			name: 'an overlapped term waits for its next free occurrence',
			sentences: [
				sentence('p1.s1', 'Global Coalition here'),
				sentence('p1.s2', 'a Coalition there')
			],
			terms: [term('global', 'Global Coalition'), term('coalition', 'Coalition')],
			expected: {
				'p1.s1': [{ text: 'Global Coalition', term: 'global' }, { text: ' here' }],
				'p1.s2': [{ text: 'a ' }, { text: 'Coalition', term: 'coalition' }, { text: ' there' }]
			}
		},
		{
			name: 'several terms in one sentence, in text order',
			sentences: [sentence('p1.s1', 'INTERPOL and strategic communications.')],
			terms: [term('sc', 'strategic communications'), term('interpol', 'INTERPOL')],
			expected: {
				'p1.s1': [
					{ text: 'INTERPOL', term: 'interpol' },
					{ text: ' and ' },
					{ text: 'strategic communications', term: 'sc', trail: '.' }
				]
			}
		},
		{
			name: 'punctuation after a term travels with it ("Iraq\'s sovereignty and" / "Iraq.")',
			sentences: [sentence('p3.s6', "the role of NATO Mission Iraq, then NATO's.")],
			terms: [term('nmi', 'NATO Mission Iraq'), term('nato', 'NATO')],
			expected: {
				'p3.s6': [
					{ text: 'the role of ' },
					{ text: 'NATO Mission Iraq', term: 'nmi', trail: ',' },
					{ text: ' then ' },
					{ text: 'NATO', term: 'nato', trail: "'" },
					{ text: 's.' }
				]
			}
		},
		{
			name: 'a sentence with no terms is one plain segment',
			sentences: [sentence('p2.s1', 'Plain.')],
			terms: [term('x', 'absent')],
			expected: { 'p2.s1': [{ text: 'Plain.' }] }
		}
	])('$name', ({ sentences, terms, expected }) => {
		const result = markTerms(sentences, terms);
		expect(Object.fromEntries(result)).toEqual(expected);
		for (const s of sentences)
			expect(
				result
					.get(s.id)!
					.map((seg) => seg.text + (seg.trail ?? ''))
					.join('')
			).toBe(s.text);
	});
});
