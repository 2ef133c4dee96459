import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { validateCourse } from '$lib/content/validate';
import { circleRing, hitAreas } from '$lib/viz/map/hit-areas';
import {
	PLACE_POSITIONS,
	anchorCandidates,
	estimateWidth,
	frameContacts,
	labelAtEdge,
	labelDots,
	labelInside,
	placeBox
} from '$lib/viz/map/labels';
import { HIT_RADIUS, layoutMap, mapShapes, markerRadius } from '$lib/viz/map/layout';
import {
	boxInside,
	boxTouches,
	boxesOverlap,
	clipToConvex,
	insideRings,
	parsePath,
	ringArea
} from '$lib/viz/map/polygon';
import type { MapGeometry, Point, Ring, View } from '$lib/viz/map/types';
import {
	MAX_ZOOM,
	constrain,
	layoutWidth,
	panBy,
	restView,
	toScreen,
	zoomBy
} from '$lib/viz/map/view';
import { countryNames, cutRegion } from '../../scripts/lib/cut-regions.js';
import { MAP_WIDTH, projectRegion } from '../../scripts/lib/project-region.js';
import { readLessonFiles } from './load-files';

const course = validateCourse(readLessonFiles());
const world = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;
const geometries = Object.fromEntries(
	course.regions.map((r) => [
		r.id,
		projectRegion(cutRegion(world, r, { keep: 0.4 }), r, course.places) as MapGeometry
	])
);

/** An L: a 100 × 100 square with its top-right 60 × 60 cut away. */
const L: Ring = [
	[0, 0],
	[40, 0],
	[40, 60],
	[100, 60],
	[100, 100],
	[0, 100]
];
/** A C: concave, its bounding box's middle outside the shape. */
const C: Ring = [
	[0, 0],
	[100, 0],
	[100, 25],
	[25, 25],
	[25, 75],
	[100, 75],
	[100, 100],
	[0, 100]
];
const frame = { x0: 0, y0: 0, x1: 400, y1: 400 };
const fixed = (w: number) => () => w;

describe('polygon helpers', () => {
	it.each([
		{ name: 'M/L/Z path', d: 'M0,0L10,0L10,10Z', rings: 1, area: 50 },
		{ name: 'two parts', d: 'M0,0L10,0L10,10ZM20,20L30,20L30,30Z', rings: 2, area: 50 },
		{ name: 'a degenerate ring is dropped', d: 'M0,0L10,0Z', rings: 0, area: 0 }
	])('parsePath: $name', ({ d, rings, area }) => {
		const parsed = parsePath(d);
		expect(parsed).toHaveLength(rings);
		if (rings) expect(ringArea(parsed[0])).toBe(area);
	});

	it.each([
		{ name: 'inside the L foot', box: { x0: 50, y0: 70, x1: 90, y1: 90 }, expected: true },
		{ name: 'in the cut-away corner', box: { x0: 50, y0: 10, x1: 90, y1: 50 }, expected: false },
		{ name: 'across the inner corner', box: { x0: 30, y0: 50, x1: 60, y1: 70 }, expected: false },
		{
			name: 'corners inside, an edge through it',
			box: { x0: 5, y0: 55, x1: 95, y1: 95 },
			expected: false
		}
	])('boxInside: $name → $expected', ({ box, expected }) => {
		expect(boxInside(box, [L])).toBe(expected);
	});

	it('clips a ring to a rectangle', () => {
		const clipped = clipToConvex(L, [
			[0, 0],
			[50, 0],
			[50, 50],
			[0, 50]
		]);
		expect(ringArea(clipped)).toBeCloseTo(40 * 50, 5);
	});
});

describe('anchorCandidates (the pole of inaccessibility first)', () => {
	it.each([
		{ name: 'L shape', ring: L },
		{ name: 'C shape', ring: C }
	])('$name: the first anchor lies inside the shape, away from its edges', ({ ring }) => {
		const [first] = anchorCandidates([ring]);
		expect(insideRings(first, [ring])).toBe(true);
		// The bounding box's centre (50, 50) is outside the C and on the L's edge: polylabel is not it.
		expect(first).not.toEqual([50, 50]);
	});
});

describe('labelInside', () => {
	const shape = (name: string, rings: Ring[], always = false) => ({
		id: name,
		kind: 'country' as const,
		name,
		rings,
		sizes: [12, 10],
		always
	});
	it.each([
		{ name: 'a short name fits in the L', text: 'Mali', width: 30, rings: [L], placed: true },
		{
			name: 'a name wider than the shape is dropped',
			text: 'Mauritania',
			width: 130,
			rings: [L],
			placed: false
		},
		{
			name: 'a shape wholly outside the drawing is dropped',
			text: 'Mali',
			width: 20,
			rings: [],
			placed: false
		}
	])('$name', ({ text, width, rings, placed }) => {
		const label = labelInside(shape(text, rings), [], frame, fixed(width));
		expect(label !== null).toBe(placed);
		if (label) expect(boxInside(label.box, rings)).toBe(true);
	});

	it('moves off an obstacle but stays inside the shape', () => {
		const dot = { x0: 40, y0: 70, x1: 60, y1: 90 };
		const label = labelInside(shape('Mali', [L]), [dot], frame, fixed(20))!;
		expect(boxesOverlap(label.box, dot)).toBe(false);
		expect(boxInside(label.box, [L])).toBe(true);
	});

	it('breaks a two-word name in two lines when one line does not fit', () => {
		const narrow: Ring = [
			[0, 0],
			[60, 0],
			[60, 60],
			[0, 60]
		];
		const measure = (t: string) => t.length * 7;
		const label = labelInside(shape('Burkina Faso', [narrow]), [], frame, measure)!;
		expect(label.lines).toEqual(['Burkina', 'Faso']);
	});

	it('always labels a focus country, at its pole, even when no box fits', () => {
		const label = labelInside(shape('Mauritania', [L], true), [], frame, fixed(200))!;
		expect(insideRings([label.x, label.y], [L])).toBe(true);
	});
});

describe('labelDots (places beside their own dot)', () => {
	const dot = (id: string, at: Point) => ({ id, name: id, at, r: 5 });

	it('tries right, left, above, below, then the diagonals', () => {
		expect(PLACE_POSITIONS).toEqual([
			'right',
			'left',
			'above',
			'below',
			'above-right',
			'below-right',
			'above-left',
			'below-left'
		]);
		const right = placeBox([100, 100], 'right', 40, 14, 5, 3);
		expect(right.x0).toBeGreaterThan(100);
		const left = placeBox([100, 100], 'left', 40, 14, 5, 3);
		expect(left.x1).toBeLessThan(100);
	});

	it.each([
		{
			name: 'a free dot is labelled on its right',
			dots: [dot('a', [100, 100])],
			obstacles: [],
			expected: { a: 'right' }
		},
		{
			name: 'an obstacle on the right sends it left',
			dots: [dot('a', [100, 100])],
			obstacles: [{ x0: 105, y0: 90, x1: 200, y1: 110 }],
			expected: { a: 'left' }
		},
		{
			name: 'at the right edge it goes left',
			dots: [dot('a', [390, 100])],
			obstacles: [],
			expected: { a: 'left' }
		}
	])('$name', ({ dots, obstacles, expected }) => {
		const labels = labelDots(dots, dots, obstacles, frame, fixed(40));
		for (const [id, position] of Object.entries(expected)) {
			const l = labels.find((x) => x.id === id)!;
			const d = dots.find((x) => x.id === id)!;
			expect(position === 'right' ? l.box.x0 > d.at[0] : l.box.x1 < d.at[0]).toBe(true);
		}
	});

	it('two dots side by side each get a label nearer their own dot, never overlapping', () => {
		const dots = [dot('a', [100, 100]), dot('b', [130, 100])];
		const labels = labelDots(dots, dots, [], frame, fixed(40));
		expect(labels).toHaveLength(2);
		expect(boxesOverlap(labels[0].box, labels[1].box)).toBe(false);
		for (const l of labels) {
			const own = dots.find((d) => d.id === l.id)!.at;
			const other = dots.find((d) => d.id !== l.id)!.at;
			expect(Math.hypot(l.x - own[0], l.y - own[1])).toBeLessThan(
				Math.hypot(l.x - other[0], l.y - other[1])
			);
		}
	});

	it('drops a label that has nowhere to go', () => {
		const tiny = { x0: 0, y0: 0, x1: 30, y1: 30 };
		expect(labelDots([dot('a', [15, 15])], [dot('a', [15, 15])], [], tiny, fixed(40))).toEqual([]);
	});
});

describe('hitAreas (Voronoi cells cut to a circle)', () => {
	const bounds = { x0: 0, y0: 0, x1: 400, y1: 400 };
	/** Whether a convex ring holds a 24 × 24 square centred at c. */
	const holdsSquare = (ring: Ring, [cx, cy]: Point) =>
		[
			[cx - 12, cy - 12],
			[cx + 12, cy - 12],
			[cx + 12, cy + 12],
			[cx - 12, cy + 12]
		].every((p) => insideRings(p as Point, [ring]));

	it.each([
		{
			name: 'two dots 5 px apart',
			points: [
				[200, 200],
				[205, 200]
			] as Point[]
		},
		{
			name: 'two dots 5 px apart, one above the other',
			points: [
				[200, 200],
				[200, 205]
			] as Point[]
		},
		{
			name: 'three dots in a tight triangle',
			points: [
				[200, 200],
				[206, 200],
				[203, 205]
			] as Point[]
		}
	])(
		'$name: separate cells, each holding a 24 px square, each containing its own dot only',
		({ points }) => {
			const cells = hitAreas(points, HIT_RADIUS, bounds);
			points.forEach((p, i) => {
				expect(insideRings(p, [cells[i]]), `dot ${i} in its cell`).toBe(true);
				points.forEach((q, j) => {
					if (i !== j) expect(insideRings(q, [cells[i]]), `dot ${j} not in cell ${i}`).toBe(false);
				});
				// Some 24 px square lies wholly inside each cell (searched on a half-pixel grid).
				let holds = false;
				for (let x = p[0] - 16; x <= p[0] + 16 && !holds; x += 0.5) {
					for (let y = p[1] - 16; y <= p[1] + 16 && !holds; y += 0.5) {
						holds = holdsSquare(cells[i], [x, y]);
					}
				}
				expect(holds, `cell ${i} holds a 24 px square`).toBe(true);
			});
			// No point belongs to two cells.
			for (let x = 170; x < 240; x += 2) {
				for (let y = 170; y < 240; y += 2) {
					expect(cells.filter((c) => insideRings([x, y], [c])).length).toBeLessThanOrEqual(1);
				}
			}
		}
	);

	it('a lone dot gets the whole circle', () => {
		const [cell] = hitAreas([[100, 100]], HIT_RADIUS, bounds);
		expect(ringArea(cell)).toBeCloseTo(ringArea(circleRing([100, 100], HIT_RADIUS)), 5);
	});
});

describe('view (zoom transforms)', () => {
	const rest: View = { width: 400, height: 300, k: 1, x: 0, y: 0 };
	it.each([
		{
			name: 'zoom in about the middle',
			run: () => zoomBy(rest, 2),
			expected: { k: 2, x: -200, y: -150 }
		},
		{
			name: 'zoom in about a corner',
			run: () => zoomBy(rest, 2, [0, 0]),
			expected: { k: 2, x: 0, y: 0 }
		},
		{
			name: 'never out past the frame',
			run: () => zoomBy(rest, 0.5),
			expected: { k: 1, x: 0, y: 0 }
		},
		{ name: `never in past ${MAX_ZOOM}×`, run: () => zoomBy(rest, 100), expected: { k: MAX_ZOOM } },
		{
			name: 'panning at rest does nothing',
			run: () => panBy(rest, 50, 50),
			expected: { x: 0, y: 0 }
		},
		{
			name: 'panning stops at the edge',
			run: () => panBy(zoomBy(rest, 2), 1000, -1000),
			expected: { x: 0, y: -300 }
		},
		{
			name: 'constrain pulls a view back over the frame',
			run: () => constrain({ ...rest, k: 2, x: 50, y: -900 }),
			expected: { x: 0, y: -300 }
		}
	])('$name', ({ run, expected }) => {
		expect(run()).toMatchObject(expected);
	});

	it('zooming keeps the point under the cursor in place', () => {
		const g = { width: 1000 };
		const before = toScreen(rest, g, [500, 300]);
		const after = toScreen(zoomBy(rest, 1.6, before), g, [500, 300]);
		expect(after[0]).toBeCloseTo(before[0], 6);
		expect(after[1]).toBeCloseTo(before[1], 6);
	});
});

describe('edge labels: a neighbour the frame cuts', () => {
	const frame = { x0: 0, y0: 0, x1: 200, y1: 100 };
	// A country the right side of the frame cuts: a strip 14 px wide down the whole edge.
	const strip: Ring = [
		[186, 0],
		[200, 0],
		[200, 100],
		[186, 100]
	];
	// Its neighbour just inside it, across the whole drawing.
	const inland: Ring = [
		[0, 0],
		[186, 0],
		[186, 100],
		[0, 100]
	];
	const measure = estimateWidth;

	it.each([
		{
			name: 'a strip down the right side (cut at the top and bottom too)',
			rings: [strip],
			expected: [
				['top', 186, 200],
				['right', 0, 100],
				['bottom', 186, 200]
			]
		},
		{
			name: 'a corner: the top and the left sides',
			rings: [
				[
					[0, 0],
					[30, 0],
					[0, 20]
				] as Ring
			],
			expected: [
				['top', 0, 30],
				['left', 0, 20]
			]
		},
		{
			name: 'a shape inside the frame touches no side',
			rings: [
				[
					[50, 40],
					[60, 40],
					[60, 50]
				] as Ring
			],
			expected: []
		}
	])('frameContacts: $name', ({ rings, expected }) => {
		expect(frameContacts(rings, frame).map((c) => [c.side, c.from, c.to])).toEqual(expected);
	});

	it.each([
		{
			name: 'a box across an edge of the shape',
			box: { x0: 180, y0: 10, x1: 190, y1: 20 },
			expected: true
		},
		{ name: 'a box wholly inside', box: { x0: 188, y0: 10, x1: 198, y1: 20 }, expected: true },
		{ name: 'a box beside it', box: { x0: 170, y0: 10, x1: 185, y1: 20 }, expected: false }
	])('boxTouches: $name → $expected', ({ box, expected }) => {
		expect(boxTouches(box, [strip])).toBe(expected);
	});

	it('runs its name down the right edge, over its own strip and no other country', () => {
		const l = labelAtEdge(
			{ id: 'country:Sudan', name: 'Sudan', rings: [strip], others: [[inland]] },
			[],
			frame,
			measure
		)!;
		expect(l.edge).toBe('right');
		expect(l.rotate).toBe(90);
		expect(l.box.x1).toBe(200);
		expect(l.box.x0).toBeGreaterThanOrEqual(186);
		expect(insideRings([l.x, l.y], [strip])).toBe(true);
		expect(boxTouches(l.box, [inland])).toBe(false);
	});

	it.each([
		{
			name: 'no cut by the frame: no edge label',
			rings: [
				[
					[150, 40],
					[180, 40],
					[180, 60],
					[150, 60]
				] as Ring
			],
			obstacles: []
		},
		{
			name: 'the strip too thin for even the smallest size: none',
			rings: [
				[
					[196, 0],
					[200, 0],
					[200, 100],
					[196, 100]
				] as Ring
			],
			obstacles: []
		},
		{
			name: 'another label in the way all along the edge: none',
			rings: [strip],
			obstacles: [{ x0: 180, y0: 0, x1: 200, y1: 100 }]
		}
	])('$name', ({ rings, obstacles }) => {
		expect(
			labelAtEdge(
				{ id: 'country:X', name: 'Sudan', rings, others: [[inland]] },
				obstacles,
				frame,
				measure
			)
		).toBeNull();
	});

	it('moves along the cut to a stretch clear of other labels', () => {
		const l = labelAtEdge(
			{ id: 'country:Sudan', name: 'Sudan', rings: [strip], others: [[inland]] },
			[{ x0: 180, y0: 0, x1: 200, y1: 40 }],
			frame,
			measure
		)!;
		expect(l).not.toBeNull();
		expect(l.box.y0).toBeGreaterThanOrEqual(40);
	});

	it('on the real West Africa map at a phone width, Sudan and Gabon get edge labels', () => {
		const g = geometries['west-africa-sahel'];
		const region = course.regions.find((r) => r.id === 'west-africa-sahel')!;
		const markers = course.places.filter(
			(p) =>
				p.region === region.id &&
				!region.areas.some((a) => a.shape === 'circle' && a.place === p.id)
		);
		const layout = layoutMap(mapShapes(g), restView(g, 356), markers, region.areas);
		const edges = layout.labels.filter((l) => l.edge).map((l) => l.id);
		expect(edges).toEqual(expect.arrayContaining(['country:Sudan', 'country:Gabon']));
	});
});

describe('layoutWidth: the server layout kept where the frame is close to it', () => {
	it.each([
		{ name: 'the server width itself', frame: 356, expected: 356 },
		{ name: 'a 412 px phone (Lighthouse)', frame: 378, expected: 356 },
		{ name: '25% wider, the last kept', frame: 445, expected: 356 },
		{ name: 'wider than that: its own layout', frame: 446, expected: 446 },
		{ name: 'a laptop', frame: 719.6, expected: 720 },
		{ name: '5% narrower, the last kept', frame: 338.2, expected: 356 },
		{ name: 'a 320 px phone: its own (labels never shrink)', frame: 286, expected: 286 }
	])('$name: $frame → $expected', ({ frame, expected }) => {
		expect(layoutWidth(frame, 356)).toBe(expected);
	});
});

describe('layoutMap on the real maps', () => {
	const cases = course.regions.flatMap((r) =>
		[356, 720].flatMap((w) => [1, 2.56].map((k) => ({ region: r, width: w, k })))
	);
	it.each(cases.map((c) => ({ ...c, id: c.region.id })))(
		'$id at $width px, zoom $k: country labels inside their own country and no other; place labels by their own dot; no overlaps',
		({ region, width, k }) => {
			const g = geometries[region.id];
			const shapes = mapShapes(g);
			const view = zoomBy(restView(g, width), k);
			const markers = course.places.filter(
				(p) =>
					p.region === region.id &&
					!region.areas.some((a) => a.shape === 'circle' && a.place === p.id)
			);
			const layout = layoutMap(shapes, view, markers, region.areas);
			const screen = (rings: Ring[]) => rings.map((r) => r.map((p) => toScreen(view, g, p)));
			for (const l of layout.labels.filter((l) => l.kind === 'country' || l.kind === 'focus')) {
				const name = l.id.slice('country:'.length);
				for (const c of shapes.countries) {
					expect(insideRings([l.x, l.y], screen(c.rings)), `${name} label in ${c.name}`).toBe(
						c.name === name
					);
				}
			}
			if (k === 1) {
				for (const f of region.focus)
					expect(layout.labels.map((l) => l.id)).toContain(`country:${f}`);
			}
			for (const l of layout.labels.filter((l) => l.kind === 'place')) {
				const own = layout.dots.find((d) => d.id === l.id)!.at;
				for (const d of layout.dots.filter((d) => d.id !== l.id)) {
					expect(
						Math.hypot(l.x - own[0], l.y - own[1]),
						`${l.id} nearer its dot than ${d.id}`
					).toBeLessThan(Math.hypot(l.x - d.at[0], l.y - d.at[1]));
				}
			}
			for (const a of layout.labels) {
				for (const b of layout.labels) {
					if (a !== b) expect(boxesOverlap(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
				}
			}
			// An edge label lies against the frame, over its own country and no other.
			for (const l of layout.labels.filter((l) => l.edge)) {
				const name = l.id.slice('country:'.length);
				for (const c of shapes.countries) {
					const touches = boxTouches(l.box, screen(c.rings));
					if (c.name === name) expect(touches, `${name} edge label on its country`).toBe(true);
					else expect(touches, `${name} edge label over ${c.name}`).toBe(false);
				}
			}
			// Each dot's own target holds its centre, and no other dot's does.
			for (const d of layout.dots) {
				for (const e of layout.dots) {
					expect(
						insideRings(d.at, parsePath(layout.hits[e.id])),
						`${d.id} in ${e.id}'s target`
					).toBe(d === e);
				}
				expect(markerRadius('city')).toBeLessThan(HIT_RADIUS);
			}
		}
	);

	it('estimates a label wider than its letters count alone', () => {
		expect(
			estimateWidth('IRAQ', { size: 13, bold: true, caps: true, spacing: 0.04 })
		).toBeGreaterThan(30);
	});
});

describe('cutRegion and projectRegion (scripts/cut-regions.js)', () => {
	it.each(course.regions.map((r) => ({ id: r.id, region: r })))(
		'$id holds exactly its focus and neighbour countries, and every place inside the frame',
		({ region }) => {
			const topo = cutRegion(world, region);
			expect(countryNames(topo).sort()).toEqual([...region.focus, ...region.neighbours].sort());
			const g = geometries[region.id];
			expect(g.width).toBe(MAP_WIDTH);
			for (const p of course.places.filter((p) => p.region === region.id)) {
				const [x, y] = g.places[p.id];
				expect(x, p.id).toBeGreaterThan(0);
				expect(x, p.id).toBeLessThan(g.width);
				expect(y, p.id).toBeGreaterThan(0);
				expect(y, p.id).toBeLessThan(g.height);
			}
			for (const f of region.focus) expect(g.countries.find((c) => c.name === f)?.d).toMatch(/^M/);
			for (const a of region.areas) expect(g.areas.find((x) => x.id === a.id)?.d).toMatch(/^M/);
		}
	);

	it('fails naming the region and the country it cannot find', () => {
		expect(() =>
			cutRegion(world, { id: 'test', focus: ['Iraq', 'Atlantis'], neighbours: [] })
		).toThrow('lessons/regions.yaml [test] focus/neighbours: "Atlantis" not found');
	});

	it('keeps each projected region small (under 15 KB gzip)', async () => {
		const { gzipSync } = await import('node:zlib');
		for (const region of course.regions) {
			const size = gzipSync(JSON.stringify(geometries[region.id]), { level: 9 }).length;
			expect(size, region.id).toBeLessThan(15 * 1024);
		}
	});
});
