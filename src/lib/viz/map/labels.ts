import polylabel from 'polylabel';
import {
	boxInside,
	boxRing,
	boxTouches,
	boxesOverlap,
	clipToConvex,
	edgeDistance,
	insideRings,
	ringArea
} from './polygon';
import type { Box, Point, Ring } from './types';

/** How a label is set: size in CSS pixels; capitals and letter spacing (em) for countries. */
export interface LabelStyle {
	size: number;
	bold?: boolean;
	caps?: boolean;
	spacing?: number;
}
/** The width in CSS pixels of a line set in a style (canvas measureText in a browser). */
export type Measure = (text: string, style: LabelStyle) => number;

export interface PlacedLabel {
	id: string;
	kind: 'country' | 'focus' | 'area' | 'place';
	lines: string[];
	style: LabelStyle;
	/** Centre of the label's box. */
	x: number;
	y: number;
	box: Box;
	/** A short line from the dot to a label set further off. */
	leader?: [Point, Point];
	/** A neighbour's small label against the side of the drawing where the frame cuts it. */
	edge?: FrameSide;
	/** Degrees the label turns about its centre: along a left (−90) or right (90) edge. */
	rotate?: number;
}

export type FrameSide = 'top' | 'right' | 'bottom' | 'left';

const LINE = 1.15;

/**
 * An estimate of text width for the server, where nothing can be measured: average advance
 * widths of a sans-serif by letter class, slightly generous so a real font fits inside.
 */
export const estimateWidth: Measure = (text, { size, bold, caps, spacing = 0 }) => {
	let em = 0;
	for (const ch of caps ? text.toUpperCase() : text) {
		if (/[iljI.,'’:;|!\s]/.test(ch)) em += 0.3;
		else if (/[ftr()-]/.test(ch)) em += 0.38;
		else if (/[MWmw]/.test(ch)) em += 0.88;
		else if (/[A-Z]/.test(ch)) em += 0.7;
		else em += 0.56;
		em += spacing;
	}
	return Math.ceil(em * size * (bold ? 1.1 : 1) * 1.04);
};

function boxAt([x, y]: Point, w: number, h: number): Box {
	return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

const within = (b: Box, frame: Box) =>
	b.x0 >= frame.x0 && b.y0 >= frame.y0 && b.x1 <= frame.x1 && b.y1 <= frame.y1;

/** The ways a name may be set, most readable first: one line, then two, then smaller. */
export function nameVariants(name: string): string[][] {
	const words = name.split(' ');
	if (words.length < 2) return [[name]];
	const mid = Math.ceil(words.length / 2);
	return [[name], [words.slice(0, mid).join(' '), words.slice(mid).join(' ')]];
}

interface Anchor {
	p: Point;
	/** Distance to the nearest edge: a box of height h needs at least h / 2. */
	depth: number;
}

/** The poles of inaccessibility of a shape's largest parts (polylabel), deepest first. */
function poles(rings: Ring[]): Anchor[] {
	return [...rings]
		.sort((a, b) => ringArea(b) - ringArea(a))
		.slice(0, 3)
		.map((r) => {
			const pole = polylabel([r], 1);
			return { p: [pole[0], pole[1]] as Point, depth: pole.distance };
		})
		.filter((a) => insideRings(a.p, rings))
		.sort((a, b) => b.depth - a.depth);
}

/** A grid of points inside the shape, deepest first. */
function gridAnchors(rings: Ring[], grid: number): Anchor[] {
	const [x0, y0, x1, y1] = bounds(rings);
	const inner: Anchor[] = [];
	for (let i = 0.5; i < grid; i++) {
		for (let j = 0.5; j < grid; j++) {
			const p: Point = [x0 + ((x1 - x0) * i) / grid, y0 + ((y1 - y0) * j) / grid];
			if (insideRings(p, rings)) inner.push({ p, depth: edgeDistance(p, rings) });
		}
	}
	return inner.sort((a, b) => b.depth - a.depth);
}

function bounds(rings: Ring[]): [number, number, number, number] {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const r of rings) {
		for (const [x, y] of r) {
			if (x < x0) x0 = x;
			if (x > x1) x1 = x;
			if (y < y0) y0 = y;
			if (y > y1) y1 = y;
		}
	}
	return [x0, y0, x1, y1];
}

/** Points inside a shape, to try a label at: its poles of inaccessibility, then a grid by depth. */
export function anchorCandidates(rings: Ring[], grid = 16): Point[] {
	return [...poles(rings), ...gridAnchors(rings, grid)].map((a) => a.p);
}

export interface ShapeToLabel {
	id: string;
	kind: 'country' | 'focus' | 'area';
	name: string;
	/** On screen, already clipped to what is visible. */
	rings: Ring[];
	/** Sizes to try, largest first. */
	sizes: number[];
	caps?: boolean;
	bold?: boolean;
	/** Label it even if no box fits: at its pole, in the smallest size (focus countries). */
	always?: boolean;
}

/** The visible part of a shape: each ring cut to the drawing, slivers dropped. */
export function visibleRings(rings: Ring[], frame: Box, minArea = 4): Ring[] {
	return rings.map((r) => clipToConvex(r, boxRing(frame))).filter((r) => ringArea(r) >= minArea);
}

/**
 * A label inside its own shape or none: tried at the shape's poles of inaccessibility and then at
 * deeper-first points inside it, in each size and line break, and kept at the first spot where
 * the whole box lies inside the shape and clear of every obstacle (dots, labels already placed).
 */
export function labelInside(
	shape: ShapeToLabel,
	obstacles: Box[],
	frame: Box,
	measure: Measure
): PlacedLabel | null {
	if (!shape.rings.length) return null;
	const [x0, y0, x1, y1] = bounds(shape.rings);
	const settings = shape.sizes.flatMap((size) => {
		const style: LabelStyle = {
			size,
			bold: shape.bold,
			caps: shape.caps,
			spacing: shape.caps ? 0.04 : 0
		};
		return nameVariants(shape.name).map((lines) => ({
			style,
			lines,
			w: Math.max(...lines.map((l) => measure(l, style))) + 2,
			h: lines.length * size * LINE
		}));
	});
	const found = (a: Anchor, s: (typeof settings)[number]): PlacedLabel => ({
		id: shape.id,
		kind: shape.kind,
		lines: s.lines,
		style: s.style,
		x: a.p[0],
		y: a.p[1],
		box: boxAt(a.p, s.w, s.h)
	});
	const fits = settings.filter((s) => s.w <= x1 - x0 && s.h <= y1 - y0);
	const tops = poles(shape.rings);
	let grid: Anchor[] | null = null;
	for (const s of fits) {
		for (const phase of [0, 1]) {
			const anchors = phase === 0 ? tops : (grid ??= gridAnchors(shape.rings, 16));
			const halfDiagonal = Math.hypot(s.w, s.h) / 2;
			// The 48 deepest points are plenty: further ones sit ever nearer the edge.
			for (const a of anchors.slice(0, 48)) {
				// Deepest first: once a point is nearer an edge than half the box, none further fits.
				if (a.depth < s.h / 2) break;
				const box = boxAt(a.p, s.w, s.h);
				if (!within(box, frame) || obstacles.some((o) => boxesOverlap(o, box))) continue;
				// A box inside the circle free of edges needs no exact test.
				if (a.depth >= halfDiagonal || boxInside(box, shape.rings)) return found(a, s);
			}
		}
	}
	if (!shape.always) return null;
	// Too small for its name at this zoom: the smallest setting at the deepest point clear of the
	// obstacles (its centre still inside the country); zooming in gives it room.
	const s = settings[settings.length - 1];
	const anchors = [...tops, ...(grid ?? gridAnchors(shape.rings, 16))];
	if (!anchors.length) return null;
	const clear = (a: Anchor) => !obstacles.some((o) => boxesOverlap(o, boxAt(a.p, s.w, s.h)));
	return found(anchors.find(clear) ?? anchors[0], s);
}

/** Where a place's label may go around its dot, in order of preference (as locator maps do). */
export const PLACE_POSITIONS = [
	'right',
	'left',
	'above',
	'below',
	'above-right',
	'below-right',
	'above-left',
	'below-left'
] as const;
export type PlacePosition = (typeof PLACE_POSITIONS)[number];

/** The box of a w × h label at a position around a dot of radius r, `gap` pixels off it. */
export function placeBox(
	[x, y]: Point,
	position: PlacePosition,
	w: number,
	h: number,
	r: number,
	gap: number
): Box {
	const d = r + gap;
	const diag = r * 0.7 + gap * 0.5;
	switch (position) {
		case 'right':
			return { x0: x + d, x1: x + d + w, y0: y - h / 2, y1: y + h / 2 };
		case 'left':
			return { x0: x - d - w, x1: x - d, y0: y - h / 2, y1: y + h / 2 };
		case 'above':
			return { x0: x - w / 2, x1: x + w / 2, y0: y - d - h, y1: y - d };
		case 'below':
			return { x0: x - w / 2, x1: x + w / 2, y0: y + d, y1: y + d + h };
		case 'above-right':
			return { x0: x + diag, x1: x + diag + w, y0: y - diag - h, y1: y - diag };
		case 'below-right':
			return { x0: x + diag, x1: x + diag + w, y0: y + diag, y1: y + diag + h };
		case 'above-left':
			return { x0: x - diag - w, x1: x - diag, y0: y - diag - h, y1: y - diag };
		case 'below-left':
			return { x0: x - diag - w, x1: x - diag, y0: y + diag, y1: y + diag + h };
	}
}

const boxDistance = (b: Box, [x, y]: Point) =>
	Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));
const centre = (b: Box): Point => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];

/** Whether a label box is unmistakably its dot's: nearer it than any other dot, edge and centre. */
export function belongsTo(box: Box, own: Point, others: Point[]): boolean {
	const c = centre(box);
	const dOwn = boxDistance(box, own);
	const cOwn = Math.hypot(c[0] - own[0], c[1] - own[1]);
	return others.every(
		(o) => boxDistance(box, o) > dOwn + 1 && Math.hypot(c[0] - o[0], c[1] - o[1]) > cOwn
	);
}

export interface DotToLabel {
	id: string;
	name: string;
	at: Point;
	/** Radius of its marker. */
	r: number;
}

/**
 * Each place's label beside its own dot: the first candidate position (right, left, above, below,
 * then the diagonals) inside the drawing, clear of obstacles, dots and labels already placed, and
 * nearer its own dot than any other; failing those, the same a little further off with a short
 * leader. A label with nowhere to go is dropped (the place keeps its accessible name).
 */
export function labelDots(
	dots: DotToLabel[],
	allDots: DotToLabel[],
	obstacles: Box[],
	frame: Box,
	measure: Measure,
	size = 12
): PlacedLabel[] {
	const style: LabelStyle = { size };
	const placed: PlacedLabel[] = [];
	const dotBoxes = allDots.map((d) => boxAt(d.at, 2 * d.r + 2, 2 * d.r + 2));
	for (const dot of dots) {
		const w = measure(dot.name, style) + 2;
		const h = size * LINE;
		const others = allDots.filter((d) => d.id !== dot.id).map((d) => d.at);
		const tries = [
			...PLACE_POSITIONS.map((p) => ({ box: placeBox(dot.at, p, w, h, dot.r, 3), far: false })),
			...PLACE_POSITIONS.slice(0, 4).map((p) => ({
				box: placeBox(dot.at, p, w, h, dot.r, 16),
				far: true
			}))
		];
		const taken = [...obstacles, ...placed.map((l) => l.box)];
		const found = tries.find(
			({ box }) =>
				within(box, frame) &&
				!taken.some((o) => boxesOverlap(o, box)) &&
				!dotBoxes.some((o) => boxesOverlap(o, box)) &&
				belongsTo(box, dot.at, others)
		);
		if (!found) continue;
		const [cx, cy] = centre(found.box);
		const label: PlacedLabel = {
			id: dot.id,
			kind: 'place',
			lines: [dot.name],
			style,
			x: cx,
			y: cy,
			box: found.box
		};
		if (found.far) {
			const target: Point = [
				Math.max(found.box.x0, Math.min(dot.at[0], found.box.x1)),
				Math.max(found.box.y0, Math.min(dot.at[1], found.box.y1))
			];
			const len = Math.hypot(target[0] - dot.at[0], target[1] - dot.at[1]) || 1;
			const from: Point = [
				dot.at[0] + ((target[0] - dot.at[0]) * (dot.r + 1)) / len,
				dot.at[1] + ((target[1] - dot.at[1]) * (dot.r + 1)) / len
			];
			label.leader = [from, target];
		}
		placed.push(label);
	}
	return placed;
}

/** The stretches of each side of the frame a shape touches (where the frame cuts it), in order. */
export function frameContacts(
	rings: Ring[],
	frame: Box,
	tolerance = 0.5
): { side: FrameSide; from: number; to: number }[] {
	const sides: { side: FrameSide; on: (p: Point) => boolean; along: (p: Point) => number }[] = [
		{ side: 'top', on: ([, y]) => Math.abs(y - frame.y0) <= tolerance, along: ([x]) => x },
		{ side: 'right', on: ([x]) => Math.abs(x - frame.x1) <= tolerance, along: ([, y]) => y },
		{ side: 'bottom', on: ([, y]) => Math.abs(y - frame.y1) <= tolerance, along: ([x]) => x },
		{ side: 'left', on: ([x]) => Math.abs(x - frame.x0) <= tolerance, along: ([, y]) => y }
	];
	return sides.flatMap(({ side, on, along }) => {
		// Clipping to the frame leaves a shape's cut as an edge along the side: both ends on it.
		const spans: [number, number][] = [];
		for (const ring of rings) {
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				if (on(ring[i]) && on(ring[j])) {
					const [a, b] = [along(ring[j]), along(ring[i])];
					if (Math.abs(b - a) > tolerance) spans.push([Math.min(a, b), Math.max(a, b)]);
				}
			}
		}
		return spans.map(([from, to]) => ({ side, from, to }));
	});
}

export interface EdgeToLabel {
	id: string;
	name: string;
	/** Its visible part on screen (clipped to the frame). */
	rings: Ring[];
	/** Every other country's visible part: the label may cover none of them. */
	others: Ring[][];
	sizes?: number[];
}

/** The first spot along a cut where a w × h box against the frame's side fits (see labelAtEdge). */
function edgeSpot(
	shape: EdgeToLabel,
	cut: { side: FrameSide; from: number; to: number },
	w: number,
	h: number,
	obstacles: Box[],
	frame: Box
): Omit<PlacedLabel, 'style'> | null {
	const horizontal = cut.side === 'top' || cut.side === 'bottom';
	const [lo, hi] = horizontal
		? [frame.x0 + w / 2, frame.x1 - w / 2]
		: [frame.y0 + h / 2, frame.y1 - h / 2];
	const middle = (cut.from + cut.to) / 2;
	const reach = (cut.to - cut.from) / 2;
	for (let d = 0; d <= reach; d += 4) {
		for (const along of d ? [middle - d, middle + d] : [middle]) {
			const c = Math.max(lo, Math.min(hi, along));
			const box: Box =
				cut.side === 'top'
					? { x0: c - w / 2, x1: c + w / 2, y0: frame.y0, y1: frame.y0 + h }
					: cut.side === 'bottom'
						? { x0: c - w / 2, x1: c + w / 2, y0: frame.y1 - h, y1: frame.y1 }
						: cut.side === 'left'
							? { x0: frame.x0, x1: frame.x0 + w, y0: c - h / 2, y1: c + h / 2 }
							: { x0: frame.x1 - w, x1: frame.x1, y0: c - h / 2, y1: c + h / 2 };
			const centre: Point = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
			if (!insideRings(centre, shape.rings)) continue;
			if (obstacles.some((o) => boxesOverlap(o, box))) continue;
			if (shape.others.some((rings) => boxTouches(box, rings))) continue;
			return {
				id: shape.id,
				kind: 'country',
				lines: [shape.name],
				x: centre[0],
				y: centre[1],
				box,
				edge: cut.side
			};
		}
	}
	return null;
}

/**
 * A small label for a neighbour the frame cuts and that has no room for a label inside: set
 * against the side of the drawing where the frame cuts it, over that stretch of its own shape,
 * its centre inside it, covering no other country (water and the world beyond the frame are
 * fine), clear of the obstacles. Longest cut first, then from each cut's middle outwards. Null
 * where none fits: the neighbour stays unlabelled.
 */
export function labelAtEdge(
	shape: EdgeToLabel,
	obstacles: Box[],
	frame: Box,
	measure: Measure
): PlacedLabel | null {
	const cuts = frameContacts(shape.rings, frame).sort((a, b) => b.to - b.from - (a.to - a.from));
	for (const size of shape.sizes ?? [10, 9]) {
		const style: LabelStyle = { size, caps: true, spacing: 0.04 };
		const long = measure(shape.name, style) + 2;
		const short = size * LINE;
		for (const cut of cuts) {
			const horizontal = cut.side === 'top' || cut.side === 'bottom';
			// Along a left or right edge the name runs up or down the edge, as locator maps set it.
			for (const turned of horizontal ? [false] : [true, false]) {
				const [w, h] = turned ? [short, long] : [long, short];
				const label = edgeSpot(shape, cut, w, h, obstacles, frame);
				if (label)
					return {
						...label,
						style,
						rotate: turned ? (cut.side === 'left' ? -90 : 90) : undefined
					};
			}
		}
	}
	return null;
}
