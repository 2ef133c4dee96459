import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { lanes } from '$lib/content';
import { validateCourse } from '$lib/content/validate';
import { byDate, eventTime, laneKey, legendItems, markKeys, timeDomain } from '$lib/viz/timeline';
import {
	labelOffset,
	labelWidth,
	layoutLanes,
	lineAroundBoxes,
	rangeEndForLabels,
	stackLanes,
	yearColumns
} from '$lib/viz/timeline/lane-layout';
import { dateInYear, yearBands } from '$lib/viz/timeline/year-bands';
import { readLessonFiles } from './load-files';

const course = validateCourse(readLessonFiles());
const ev = (id: string, date: string, extra: Record<string, unknown> = {}) => ({
	id,
	date,
	precision: (date.length === 7 ? 'month' : 'day') as 'day' | 'month',
	lane: 'Iraq' as const,
	label: 'A label',
	...extra
});

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

	it('refuses to span no events, saying so', () => {
		expect(() => timeDomain([])).toThrow('timeDomain: no events to span');
	});
});

describe('yearBands (the phone layout)', () => {
	const options = { headingHeight: 30, rowHeight: 40, emptyHeight: 10, top: 0 };
	it.each([
		{
			name: 'one event',
			events: [ev('a', '2014-06-10')],
			bands: [{ year: 2014, y0: 0, y1: 70, rows: [{ id: 'a', y: 50 }] }]
		},
		{
			name: 'a crowded year gets a row per event, in date order',
			events: [ev('b', '2020-06-04'), ev('a', '2020-01-05'), ev('c', '2020-06-12')],
			bands: [
				{
					year: 2020,
					y0: 0,
					y1: 150,
					rows: [
						{ id: 'a', y: 50 },
						{ id: 'b', y: 90 },
						{ id: 'c', y: 130 }
					]
				}
			]
		},
		{
			name: 'a year without events keeps a short band, so the years run on',
			events: [ev('a', '2015-12-18'), ev('b', '2017-07-10')],
			bands: [
				{ year: 2015, y0: 0, y1: 70, rows: [{ id: 'a', y: 50 }] },
				{ year: 2016, y0: 70, y1: 110, rows: [] },
				{ year: 2017, y0: 110, y1: 180, rows: [{ id: 'b', y: 160 }] }
			]
		},
		{
			name: 'a month-precision event sorts by the middle of its month',
			events: [ev('late', '2020-05-20'), ev('may', '2020-05'), ev('early', '2020-05-02')],
			bands: [
				{
					year: 2020,
					y0: 0,
					y1: 150,
					rows: [
						{ id: 'early', y: 50 },
						{ id: 'may', y: 90 },
						{ id: 'late', y: 130 }
					]
				}
			]
		}
	])('$name', ({ events, bands }) => {
		const layout = yearBands(events, options);
		expect(
			layout.bands.map((b) => ({
				year: b.year,
				y0: b.y0,
				y1: b.y1,
				rows: b.rows.map((r) => ({ id: r.id, y: r.y }))
			}))
		).toEqual(bands);
	});

	it('puts every course event in its own year, rows inside their band, bands touching, none overlapping', () => {
		const layout = yearBands(course.events);
		expect(layout.rows).toHaveLength(course.events.length);
		expect(layout.bands.map((b) => b.year)).toEqual([
			2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021
		]);
		for (const [i, band] of layout.bands.entries()) {
			if (i > 0) expect(band.y0).toBe(layout.bands[i - 1].y1);
			expect(band.headingY).toBeLessThan(band.rows[0]?.y0 ?? band.y1);
			for (const row of band.rows) {
				const e = course.events.find((x) => x.id === row.id)!;
				expect(eventTime(e).getUTCFullYear(), row.id).toBe(band.year);
				expect(row.y0).toBeGreaterThanOrEqual(band.y0);
				expect(row.y1).toBeLessThanOrEqual(band.y1);
			}
		}
		for (let i = 1; i < layout.rows.length; i++)
			expect(layout.rows[i].y0).toBeGreaterThanOrEqual(layout.rows[i - 1].y1);
		expect(layout.rows.map((r) => r.id)).toEqual(byDate(course.events).map((e) => e.id));
	});

	it.each([
		{ name: 'no events', events: [], bands: 0, height: 4 },
		{ name: 'rowHeight 0 is refused', events: [ev('a', '2014-01-01')], rowHeight: 0 }
	])('$name', ({ events, bands, height, rowHeight }) => {
		if (rowHeight === 0)
			expect(() => yearBands(events, { rowHeight })).toThrow('yearBands: sizes must be positive');
		else {
			const layout = yearBands(events);
			expect(layout.bands).toHaveLength(bands!);
			expect(layout.height).toBe(height);
		}
	});
});

describe('dateInYear', () => {
	it.each([
		{ date: '2014-06-10', precision: 'day' as const, expected: '10 Jun' },
		{ date: '2014-09-11', precision: 'day' as const, expected: '11 Sep' },
		{ date: '2015-05', precision: 'month' as const, expected: 'May' },
		{ date: '2020-12-01', precision: 'day' as const, expected: '1 Dec' }
	])('$date → $expected', ({ date, precision, expected }) => {
		expect(dateInYear({ date, precision })).toBe(expected);
	});
});

describe('layoutLanes (the wide layout)', () => {
	it.each([640, 900, 1280])('places no two labels over each other at %ipx', (width) => {
		const x = scaleUtc()
			.domain(timeDomain(course.events))
			.range([114, width - 20]);
		const { events, rows } = layoutLanes(course.events, x, lanes);
		expect(events).toHaveLength(course.events.length);
		for (const a of events) {
			for (const b of events) {
				if (a.id < b.id && a.lane === b.lane && a.row === b.row) {
					expect(a.end + 10 <= b.start || b.end + 10 <= a.start, `${a.id} / ${b.id}`).toBe(true);
				}
			}
			expect(a.labelX, `${a.id}: label right of its dot`).toBe(a.x + labelOffset(8));
			expect(a.row).toBeLessThan(rows[a.lane]);
		}
	});

	it.each([
		{ name: 'far apart events share a row', dates: ['2014-01-01', '2019-01-01'], rows: [0, 0] },
		{ name: 'close events take two rows', dates: ['2020-01-05', '2020-01-13'], rows: [0, 1] },
		{
			name: 'a third event goes back to the first row once it is free',
			dates: ['2020-01-05', '2020-01-13', '2020-09-01'],
			rows: [0, 1, 0]
		}
	])('$name', ({ dates, rows }) => {
		const x = scaleUtc()
			.domain([new Date('2014-01-01'), new Date('2022-01-01')])
			.range([0, 1000]);
		const events = dates.map((date, i) => ev(`e${i}`, date));
		expect(layoutLanes(events, x, lanes).events.map((e) => e.row)).toEqual(rows);
	});

	it('names an event with an unknown lane', () => {
		const x = () => 0;
		expect(() =>
			layoutLanes([ev('odd', '2014-01-01', { lane: 'Mars' })] as never, x, lanes)
		).toThrow('layoutLanes: event odd has an unknown lane "Mars"');
	});
});

describe('rangeEndForLabels', () => {
	it.each([
		{
			name: 'no label near the end: the full width',
			marks: [{ fraction: 0.1, labelWidth: 50 }],
			expected: 1000
		},
		{
			name: 'the last event at the very end: its label must fit after it',
			marks: [{ fraction: 1, labelWidth: 100 }],
			expected: 1000 - 12 - 100
		},
		{
			name: 'the tightest bound wins',
			marks: [
				{ fraction: 0.5, labelWidth: 100 },
				{ fraction: 0.9, labelWidth: 200 }
			],
			expected: 100 + (1000 - 12 - 200 - 100) / 0.9
		},
		{
			name: 'too narrow for any label: never a backwards range',
			marks: [{ fraction: 1, labelWidth: 5000 }],
			expected: 101
		}
	])('$name', ({ marks, expected }) => {
		expect(rangeEndForLabels(marks, { left: 100, right: 1000, offset: 12 })).toBeCloseTo(expected);
	});

	it.each([640, 900, 1280, 1920])(
		'at %ipx every course label ends inside the chart at no zoom',
		(width) => {
			const [from, to] = timeDomain(course.events);
			const span = to.getTime() - from.getTime();
			const fraction = (e: (typeof course.events)[number]) =>
				(eventTime(e).getTime() - from.getTime()) / span;
			const end = rangeEndForLabels(
				course.events.map((e) => ({ fraction: fraction(e), labelWidth: labelWidth(e.label, 13) })),
				{ left: 114, right: width - 8, offset: labelOffset(8) }
			);
			for (const e of course.events) {
				const x = 114 + fraction(e) * (end - 114);
				expect(x + labelOffset(8) + labelWidth(e.label, 13), e.id).toBeLessThanOrEqual(width - 8);
			}
		}
	);
});

describe('stackLanes', () => {
	it.each([
		{
			rows: [1, 1],
			bands: [
				{ y: 40, height: 38 },
				{ y: 78, height: 38 }
			],
			height: 116
		},
		{
			rows: [3, 0],
			bands: [
				{ y: 40, height: 90 },
				{ y: 130, height: 38 }
			],
			height: 168
		}
	])('rows $rows', ({ rows, bands, height }) => {
		expect(stackLanes(rows, { top: 40, rowHeight: 26, pad: 6 })).toEqual({ bands, height });
	});
});

describe('yearColumns', () => {
	const domain: [Date, Date] = [new Date('2014-01-01'), new Date('2016-01-01')];
	const x = scaleUtc().domain(domain).range([100, 300]);
	it.each([
		{
			name: 'all in view: labels in the middle of each column',
			visible: [100, 300] as [number, number],
			labels: [150, 250]
		},
		{
			name: 'panned: a label stays in the middle of the visible part',
			visible: [180, 300] as [number, number],
			labels: [null, 250]
		},
		{
			name: 'partly visible but wide enough',
			visible: [140, 300] as [number, number],
			labels: [170, 250]
		}
	])('$name', ({ visible, labels }) => {
		const columns = yearColumns(x, domain, visible);
		expect(columns.map((c) => c.year)).toEqual([2014, 2015]);
		expect(columns.map((c) => [c.x0, c.x1].map(Math.round))).toEqual([
			[100, 200],
			[200, 300]
		]);
		expect(columns.map((c) => (c.labelX === null ? null : Math.round(c.labelX)))).toEqual(labels);
	});
});

describe('lineAroundBoxes (the meeting line never cuts a label)', () => {
	it.each([
		{ name: 'nothing in the way', boxes: [], pieces: [[0, 100]] },
		{
			name: 'a label across the line splits it',
			boxes: [{ x0: 40, x1: 80, y0: 40, y1: 50 }],
			pieces: [
				[0, 37],
				[53, 100]
			]
		},
		{
			name: 'a label beside the line does not',
			boxes: [{ x0: 60, x1: 80, y0: 40, y1: 50 }],
			pieces: [[0, 100]]
		},
		{
			name: 'overlapping labels make one gap',
			boxes: [
				{ x0: 40, x1: 80, y0: 10, y1: 20 },
				{ x0: 45, x1: 70, y0: 18, y1: 30 },
				{ x0: 45, x1: 70, y0: 35, y1: 98 }
			],
			pieces: [[0, 7]]
		}
	])('$name', ({ boxes, pieces }) => {
		expect(lineAroundBoxes(50, 0, 100, boxes)).toEqual(pieces);
	});
});

describe('legendItems: the legend shows what is drawn, and only that', () => {
	const meeting = course.events.find((e) => e.meeting)!;
	const plain = course.events.find((e) => !e.inText && !e.meeting && e.lane === 'Syria')!;
	it.each([
		{
			name: 'every event: all lanes, diamonds and the meeting',
			shown: course.events,
			keys: [...lanes.map(laneKey), 'diamond', 'meeting']
		},
		{ name: 'one plain Syria event: its lane only', shown: [plain], keys: ['lane-syria'] },
		{
			name: 'the meeting alone: its lane, a diamond, the meeting',
			shown: [meeting],
			keys: ['lane-coalition-diplomacy', 'diamond', 'meeting']
		},
		{ name: 'nothing shown: nothing in the legend', shown: [], keys: [] }
	])('$name', ({ shown, keys }) => {
		expect(legendItems(shown, lanes).map((i) => i.key)).toEqual(keys);
	});

	it('labels the meeting with its date, and marks carry the keys the legend uses', () => {
		expect(legendItems([meeting], lanes).at(-1)?.label).toBe('This meeting, 4 June 2020');
		expect(markKeys(meeting)).toBe('lane-coalition-diplomacy diamond');
		expect(markKeys(plain)).toBe('lane-syria');
	});
});
