import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBody, joinBody } from '$lib/content/source-text';
import { validateCourse } from '$lib/content/validate';
import { readLessonFiles } from './load-files';

const sharedReference = '../shared/reference/communique-2020-06-04.txt';
const committedCopy = 'tests/fixtures/communique-2020-06-04.txt';
const normaliseLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

describe('the communique as data', () => {
	const course = validateCourse(readLessonFiles());

	it('joins back to the published body exactly', () => {
		const published = readFileSync(
			existsSync(sharedReference) ? sharedReference : committedCopy,
			'utf8'
		);
		expect(normaliseLineBreaks(joinBody(course.source))).toBe(
			normaliseLineBreaks(extractBody(published))
		);
	});

	it('keeps the committed copy identical to the shared reference', () => {
		if (!existsSync(sharedReference)) return; // outside the workspace only the committed copy exists
		expect(readFileSync(committedCopy, 'utf8')).toBe(readFileSync(sharedReference, 'utf8'));
	});

	it('has 9 paragraphs and the sentence ids lessons rely on', () => {
		expect(course.source.paragraphs.map((p) => p.id)).toEqual([
			'p1',
			'p2',
			'p3',
			'p4',
			'p5',
			'p6',
			'p7',
			'p8',
			'p9'
		]);
		expect(course.source.paragraphs.map((p) => p.sentences.length)).toEqual([
			4, 1, 7, 2, 2, 1, 1, 2, 3
		]);
		expect(course.sentences.get('p4.s2')?.text).toMatch(
			/^The Coalition must continue to be vigilant/
		);
		expect(course.sentences.get('p1.s1')?.text).toContain(
			'U.S. Secretary of State Michael R. Pompeo'
		);
	});

	it('carries title, date and hosts', () => {
		expect(course.source.title).toBe(
			'Joint Communique by Ministers of the Global Coalition to Defeat ISIS Small Group'
		);
		expect(course.source.date).toBe('2020-06-04');
		expect(course.source.hosts).toHaveLength(2);
	});

	it('has at least 20 glossary terms, including the ones the course promises', () => {
		const ids = course.glossary.map((t) => t.id);
		expect(ids.length).toBeGreaterThanOrEqual(20);
		for (const id of [
			'daesh',
			'small-group',
			'international-humanitarian-law',
			'international-human-rights-law',
			'unscr-2254',
			'stabilization',
			'foreign-terrorist-fighters',
			'interpol',
			'nato-mission-iraq',
			'coalition-for-the-sahel',
			'sahel',
			'accountability-mechanisms',
			'fair-trial-guarantees',
			'territorial-enclave',
			'lines-of-effort',
			'sovereignty',
			'partner-forces',
			'strategic-communications',
			'affiliates-and-branches',
			'custodians'
		]) {
			expect(ids).toContain(id);
		}
	});
});

describe('extractBody', () => {
	it.each([
		{ name: 'plain', input: 'x\nBegin text:\n\nA.\n\nB.\n\nEnd text\n', expected: 'A.\n\nB.' },
		{ name: 'CRLF line breaks', input: 'Begin text:\r\n\r\nA.\r\n\r\nEnd text', expected: 'A.' }
	])('$name', ({ input, expected }) => {
		expect(extractBody(input)).toBe(expected);
	});

	it('refuses a text without markers', () => {
		expect(() => extractBody('no markers')).toThrow(/Begin text/);
	});
});
