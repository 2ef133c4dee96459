import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { validateCourse } from '$lib/content/validate';
import { boxesOverlap, fitProjection, placeLabels } from '$lib/viz/geo';
import { countryNames, cutRegion } from '../../scripts/lib/cut-regions.js';
import { readLessonFiles } from './load-files';

const course = validateCourse(readLessonFiles());
const world = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;

// The timeline's layout is tested in timeline.test.ts.

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
