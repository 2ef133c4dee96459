import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { lanes } from '$lib/content';
import { validateCourse } from '$lib/content/validate';
import { eventTime, layoutLanes, stackVertically, timeDomain } from '$lib/viz/timeline';
import { readLessonFiles } from './load-files';

const course = validateCourse(readLessonFiles());

describe('eventTime and timeDomain', () => {
	it.each([
		{ date: '2020-06-04', precision: 'day' as const, expected: '2020-06-04' },
		{ date: '2015-05', precision: 'month' as const, expected: '2015-05-15' }
	])('$date ($precision) → $expected', ({ date, precision, expected }) => {
		expect(eventTime({ date, precision }).toISOString().slice(0, 10)).toBe(expected);
	});

	it('spans 2014 to 2021 for the course events', () => {
		const [from, to] = timeDomain(course.events);
		expect(from.toISOString().slice(0, 10)).toBe('2014-01-01');
		expect(to.toISOString().slice(0, 10)).toBe('2022-01-01');
	});
});

describe('layoutLanes', () => {
	it.each([360, 640, 900, 1280])(
		'places no two labels over each other at %ipx (default zoom)',
		(width) => {
			const x = scaleUtc()
				.domain(timeDomain(course.events))
				.range([110, width - 20]);
			const { events, rows } = layoutLanes(course.events, x, lanes, { right: width - 4 });
			expect(events).toHaveLength(course.events.length);
			for (const a of events) {
				for (const b of events) {
					if (a.id < b.id && a.lane === b.lane && a.row === b.row) {
						expect(a.end + 10 <= b.start || b.end + 10 <= a.start, `${a.id} / ${b.id}`).toBe(true);
					}
				}
				expect(a.labelX + a.labelWidth).toBeLessThanOrEqual(width - 4);
				expect(a.labelX).toBeGreaterThanOrEqual(0);
				expect(a.row).toBeLessThan(rows[a.lane]);
			}
		}
	);

	it.each([
		{
			name: 'far apart events share a row',
			dates: ['2014-01-01', '2019-01-01'],
			expectedRows: [0, 0]
		},
		{
			name: 'close events take two rows',
			dates: ['2020-01-05', '2020-01-13'],
			expectedRows: [0, 1]
		}
	])('$name', ({ dates, expectedRows }) => {
		const x = scaleUtc()
			.domain([new Date('2014-01-01'), new Date('2022-01-01')])
			.range([0, 1000]);
		const events = dates.map((date, i) => ({
			id: `e${i}`,
			lane: 'Iraq' as const,
			label: 'A label',
			date,
			precision: 'day' as const
		}));
		expect(layoutLanes(events, x, lanes).events.map((e) => e.row)).toEqual(expectedRows);
	});
});

describe('stackVertically', () => {
	it('keeps labels at least a line apart, in date order, never above their date', () => {
		const y = scaleUtc().domain(timeDomain(course.events)).range([0, 800]);
		const stacked = stackVertically(course.events, y, 24);
		stacked.forEach((s, i) => {
			expect(s.labelY).toBeGreaterThanOrEqual(s.y);
			if (i > 0) expect(s.labelY - stacked[i - 1].labelY).toBeGreaterThanOrEqual(24);
		});
	});
});
