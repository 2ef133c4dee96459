import { createRequire } from 'node:module';
import { scaleUtc } from 'd3-scale';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { lanes } from '$lib/content';
import { validateCourse } from '$lib/content/validate';
import { boxesOverlap, fitProjection, placeLabels } from '$lib/viz/geo';
import { eventTime, layoutLanes, stackVertically, timeDomain } from '$lib/viz/timeline';
import { countryNames, cutRegion } from '../../scripts/lib/cut-regions.js';
import { readLessonFiles } from './load-files';

const course = validateCourse(readLessonFiles());
const world = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;

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

describe('fitProjection', () => {
	const countries = (
		feature(world, world.objects.countries as never) as unknown as GeoJSON.FeatureCollection
	).features;
	it.each(course.regions.map((r) => ({ region: r.id, focus: r.focus })))(
		'$region: every place of the region falls inside the drawing, at phone and desktop sizes',
		({ region, focus }) => {
			const places = course.places.filter((p) => p.region === region);
			expect(places.length).toBeGreaterThan(0);
			for (const [w, h] of [
				[360, 320],
				[900, 640]
			]) {
				const projection = fitProjection(
					countries.filter((f) => focus.includes(f.properties?.name)),
					places,
					w,
					h
				);
				for (const p of places) {
					const [x, y] = projection([p.lon, p.lat])!;
					expect(x, `${p.id} x`).toBeGreaterThanOrEqual(0);
					expect(x, `${p.id} x`).toBeLessThanOrEqual(w);
					expect(y, `${p.id} y`).toBeGreaterThanOrEqual(0);
					expect(y, `${p.id} y`).toBeLessThanOrEqual(h);
				}
			}
		}
	);
});

describe('placeLabels', () => {
	it('never overlaps labels, obstacles or the edge; drops a label that cannot fit', () => {
		const candidates = [
			{ id: 'a', text: 'Iraq', x: 100, y: 100, fontSize: 14 },
			{ id: 'b', text: 'Syria', x: 104, y: 102, fontSize: 14 },
			{ id: 'c', text: 'Edge', x: 1, y: 1, fontSize: 14 },
			{ id: 'd', text: 'Jordan', x: 100, y: 100, fontSize: 14 }
		];
		const obstacles = [{ x0: 90, y0: 140, x1: 110, y1: 160 }];
		const placed = placeLabels(candidates, obstacles, 300, 300);
		for (const p of placed) {
			expect(obstacles.some((o) => boxesOverlap(o, p.box))).toBe(false);
			for (const q of placed) if (p !== q) expect(boxesOverlap(p.box, q.box)).toBe(false);
			expect(p.box.x0).toBeGreaterThanOrEqual(0);
		}
		expect(placed.map((p) => p.id)).toContain('a');
		expect(placed.map((p) => p.id)).toContain('b');
	});
});

describe('cutRegion (scripts/cut-regions.js)', () => {
	it.each(course.regions.map((r) => ({ id: r.id, region: r })))(
		'$id holds exactly its focus and neighbour countries',
		({ region }) => {
			const topo = cutRegion(world, region);
			expect(countryNames(topo).sort()).toEqual([...region.focus, ...region.neighbours].sort());
		}
	);

	it('fails naming the region and the country it cannot find', () => {
		expect(() =>
			cutRegion(world, { id: 'test', focus: ['Iraq', 'Atlantis'], neighbours: [] })
		).toThrow('lessons/regions.yaml [test] focus/neighbours: "Atlantis" not found');
	});

	it('keeps each region small (under 40 KB gzip)', async () => {
		const { gzipSync } = await import('node:zlib');
		for (const region of course.regions) {
			const size = gzipSync(JSON.stringify(cutRegion(world, region)), { level: 9 }).length;
			expect(size, region.id).toBeLessThan(40 * 1024);
		}
	});
});
