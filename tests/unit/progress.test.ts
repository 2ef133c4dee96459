import { describe, expect, it } from 'vitest';
import {
	continueTarget,
	emptyProgress,
	lessonStatus,
	parseProgress,
	type ProgressData
} from '$lib/lesson/progress';

const slugs = ['one', 'two', 'three'];
const with_ = (p: Partial<ProgressData>): ProgressData => ({ ...emptyProgress(), ...p });
const t = '2026-01-01T00:00:00.000Z';

describe('continueTarget', () => {
	it.each([
		{ name: 'nothing done: the first lesson', progress: emptyProgress(), expected: 'one' },
		{
			name: 'the last lesson opened, when not done',
			progress: with_({ started: { two: t }, last: 'two' }),
			expected: 'two'
		},
		{
			name: 'last opened is done: first not done',
			progress: with_({ done: { one: t, two: t }, last: 'two' }),
			expected: 'three'
		},
		{
			name: 'a gap earlier in the course is found',
			progress: with_({ done: { two: t, three: t }, last: 'three' }),
			expected: 'one'
		},
		{
			name: 'a last lesson that no longer exists is ignored',
			progress: with_({ last: 'gone' }),
			expected: 'one'
		},
		{
			name: 'everything done: nowhere',
			progress: with_({ done: { one: t, two: t, three: t } }),
			expected: null
		}
	])('$name', ({ progress, expected }) => {
		expect(continueTarget(progress, slugs)).toBe(expected);
	});
});

describe('lessonStatus', () => {
	it.each([
		{ slug: 'one', expected: 'done' },
		{ slug: 'two', expected: 'started' },
		{ slug: 'three', expected: 'not-started' }
	])('$slug is $expected', ({ slug, expected }) => {
		expect(lessonStatus(with_({ done: { one: t }, started: { one: t, two: t } }), slug)).toBe(
			expected
		);
	});
});

describe('parseProgress', () => {
	it.each([
		{ name: 'nothing stored', raw: null, expected: emptyProgress() },
		{ name: 'not JSON', raw: '{oops', expected: emptyProgress() },
		{
			name: 'another version',
			raw: JSON.stringify({ version: 2, started: {}, done: {} }),
			expected: emptyProgress()
		},
		{ name: 'a JSON array', raw: '[1,2]', expected: emptyProgress() },
		{
			name: 'valid, dropping values that are not text',
			raw: JSON.stringify({ version: 1, started: { one: t, bad: 3 }, done: {}, last: 'one' }),
			expected: with_({ started: { one: t }, last: 'one' })
		}
	])('$name', ({ raw, expected }) => {
		expect(parseProgress(raw)).toEqual(expected);
	});
});
