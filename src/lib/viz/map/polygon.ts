import type { Box, Point, Ring } from './types';

/** The rings of an SVG path made of absolute M, L and Z commands (what d3-geo's geoPath writes). */
export function parsePath(d: string): Ring[] {
	const rings: Ring[] = [];
	for (const part of d.split('M')) {
		if (!part.trim()) continue;
		const ring: Ring = [];
		for (const pair of part.replace(/Z/g, '').split('L')) {
			const [x, y] = pair.split(',').map(Number);
			if (Number.isFinite(x) && Number.isFinite(y)) ring.push([x, y]);
		}
		if (ring.length >= 3) rings.push(ring);
	}
	return rings;
}

export function ringArea(ring: Ring): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
	}
	return Math.abs(a / 2);
}

/** Even-odd rule over every ring, so holes and islands count right. */
export function insideRings([x, y]: Point, rings: Ring[]): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
	const dx = bx - ax;
	const dy = by - ay;
	const len = dx * dx + dy * dy;
	const t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance from a point to the nearest edge of the rings. */
export function edgeDistance(p: Point, rings: Ring[]): number {
	let best = Infinity;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			best = Math.min(best, segmentDistance(p, ring[j], ring[i]));
		}
	}
	return best;
}

const crosses = (a: Point, b: Point, c: Point, d: Point) => {
	const o = (p: Point, q: Point, r: Point) =>
		Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
	return o(a, b, c) !== o(a, b, d) && o(c, d, a) !== o(c, d, b);
};

/** Whether a box lies wholly inside the shape: its corners inside, and no edge crossing it. */
export function boxInside(box: Box, rings: Ring[]): boolean {
	const corners: Point[] = [
		[box.x0, box.y0],
		[box.x1, box.y0],
		[box.x1, box.y1],
		[box.x0, box.y1]
	];
	if (!corners.every((c) => insideRings(c, rings))) return false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const a = ring[j];
			const b = ring[i];
			// An edge with a point inside the box, or crossing one of its sides, cuts it.
			if (a[0] > box.x0 && a[0] < box.x1 && a[1] > box.y0 && a[1] < box.y1) return false;
			for (let k = 0; k < 4; k++) if (crosses(a, b, corners[k], corners[(k + 1) % 4])) return false;
		}
	}
	return true;
}

/**
 * Whether a box and a shape share any area: a corner of the box inside the shape, a point of the
 * shape inside the box, or an edge of the shape crossing a side of the box.
 */
export function boxTouches(box: Box, rings: Ring[]): boolean {
	const corners: Point[] = [
		[box.x0, box.y0],
		[box.x1, box.y0],
		[box.x1, box.y1],
		[box.x0, box.y1]
	];
	if (corners.some((c) => insideRings(c, rings))) return true;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const a = ring[j];
			if (a[0] > box.x0 && a[0] < box.x1 && a[1] > box.y0 && a[1] < box.y1) return true;
			for (let k = 0; k < 4; k++)
				if (crosses(a, ring[i], corners[k], corners[(k + 1) % 4])) return true;
		}
	}
	return false;
}

/** Sutherland–Hodgman: the part of a ring inside a convex polygon (given counter-clockwise or not). */
export function clipToConvex(subject: Ring, clip: Ring): Ring {
	const sign = Math.sign(signedArea(clip)) || 1;
	let output = subject;
	for (let i = 0; i < clip.length && output.length; i++) {
		const a = clip[i];
		const b = clip[(i + 1) % clip.length];
		const side = (p: Point) =>
			sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
		const input = output;
		output = [];
		for (let j = 0; j < input.length; j++) {
			const p = input[j];
			const q = input[(j + 1) % input.length];
			const sp = side(p);
			const sq = side(q);
			if (sp >= 0) output.push(p);
			if (sp >= 0 !== sq >= 0) {
				const t = sp / (sp - sq);
				output.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
			}
		}
	}
	return output;
}

function signedArea(ring: Ring): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
	}
	return a / 2;
}

export const boxRing = (b: Box): Ring => [
	[b.x0, b.y0],
	[b.x1, b.y0],
	[b.x1, b.y1],
	[b.x0, b.y1]
];

export const boxesOverlap = (a: Box, b: Box) =>
	a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export const ringPath = (ring: Ring) =>
	ring.length ? `M${ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z` : '';
