import { describe, expect, it } from 'vitest';
import { ContentErrors } from '$lib/content/errors';
import { partlyCheckedDays } from '$lib/content/fact-days';
import { validateCourse } from '$lib/content/validate';
import { readLessonFiles } from './load-files';

const event = (
	id: string,
	confidence: 'V' | 'P' | 'U',
	date: string,
	description: string,
	precision: 'day' | 'month' = date.length === 7 ? 'month' : 'day'
) => ({ id, confidence, date, precision, title: id, description });

describe('partlyCheckedDays', () => {
	it.each([
		{
			name: 'a P event with its month only is fine',
			events: [event('p', 'P', '2015-05', 'ISIS recognised it in October 2016.')],
			expected: []
		},
		{
			name: 'issue 8: a day in a P description',
			events: [event('p', 'P', '2015-05', 'ISIS recognised it on 30 October 2016.')],
			expected: ['p description: "30 October 2016" is a day of a partly checked (P) fact']
		},
		{
			name: 'a P event dated to the day',
			events: [event('p', 'P', '2020-05-06', 'A vote.')],
			expected: ['p precision: a partly checked (P) event is shown by month and year only']
		},
		{
			name: 'a V entry naming the day of a P event',
			events: [
				event('p', 'P', '2020-05-06', 'A vote.'),
				event('v', 'V', '2020-06-04', 'A month after 6 May 2020.')
			],
			expected: [
				'p precision: a partly checked (P) event',
				'v description: "6 May 2020" is the day of a partly checked (P) event'
			]
		},
		{
			name: 'a V entry with its own days is fine',
			events: [event('v', 'V', '2017-07-10', 'Victory is declared on 9 July 2017.')],
			expected: []
		}
	])('$name', ({ events, expected }) => {
		const got = partlyCheckedDays(events, []).map((p) => `${p.id} ${p.field}: ${p.problem}`);
		expect(got).toHaveLength(expected.length);
		expected.forEach((line, i) =>
			expect(got[i]).toMatch(new RegExp(`^${line.replace(/[()]/g, '\\$&')}`))
		);
	});

	it('checks the text of P facts too', () => {
		const got = partlyCheckedDays([], [{ id: 'f', confidence: 'P', text: 'On 12 March 2015.' }]);
		expect(got.map((p) => p.field)).toEqual(['text']);
	});
});

describe('facts.yaml', () => {
	it('refuses the day of a P fact in a description (issue 8), naming file, id and field', () => {
		const real = readLessonFiles();
		const facts = real['/lessons/facts.yaml'].replace(
			'ISIS recognised it in October 2016.',
			'ISIS recognised it on 30 October 2016.'
		);
		expect(facts).not.toBe(real['/lessons/facts.yaml']);
		try {
			validateCourse({ ...real, '/lessons/facts.yaml': facts });
			throw new Error('expected the content to be refused');
		} catch (e) {
			expect(e).toBeInstanceOf(ContentErrors);
			expect((e as Error).message).toContain(
				'/lessons/facts.yaml [isgs-pledge-2015] description: "30 October 2016" is a day of a partly checked (P) fact'
			);
		}
	});
});
