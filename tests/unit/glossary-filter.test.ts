import { describe, expect, it } from 'vitest';
import { countLabel, matchesQuery } from '../../src/lib/glossary/filter';

describe('the glossary filter', () => {
	it.each([
		{ name: 'all shown', shown: 40, total: 40, expected: 'Showing all 40 terms' },
		{ name: 'some match', shown: 3, total: 40, expected: '3 of 40 terms match' },
		{ name: 'none match', shown: 0, total: 40, expected: '0 of 40 terms match' }
	])('says $name', ({ shown, total, expected }) => {
		expect(countLabel(shown, total)).toBe(expected);
	});

	it.each([
		{ name: 'an empty query matches all', words: 'Sovereignty', query: '', expected: true },
		{ name: 'spaces alone match all', words: 'Sovereignty', query: '   ', expected: true },
		{ name: 'case does not matter', words: 'Sovereignty of Iraq', query: 'SOVER', expected: true },
		{ name: 'spaces around are ignored', words: 'Sovereignty', query: ' sover ', expected: true },
		{ name: 'a word not there', words: 'Sovereignty', query: 'daesh', expected: false },
		{ name: 'inside a word', words: 'humanitarian', query: 'manit', expected: true }
	])('$name', ({ words, query, expected }) => {
		expect(matchesQuery(words, query)).toBe(expected);
	});
});
