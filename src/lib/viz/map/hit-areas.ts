import { Delaunay } from 'd3-delaunay';
import { clipToConvex } from './polygon';
import type { Box, Point, Ring } from './types';

/** A circle as a polygon of n sides. */
export function circleRing([cx, cy]: Point, r: number, n = 24): Ring {
	return Array.from({ length: n }, (_, i): Point => {
		const a = (2 * Math.PI * i) / n;
		return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
	});
}

/**
 * The target each dot answers to: its Voronoi cell (the points nearer it than any other dot),
 * cut to a circle of `radius` and to the drawing. Cells never overlap, so a tap selects exactly
 * one place; with the radius at 32 px each keeps a 24 px square even in a cluster of three dots 6 px apart.
 */
export function hitAreas(points: Point[], radius: number, bounds: Box): Ring[] {
	if (!points.length) return [];
	const voronoi = Delaunay.from(points).voronoi([bounds.x0, bounds.y0, bounds.x1, bounds.y1]);
	return points.map((p, i) => {
		const cell = voronoi.cellPolygon(i);
		const circle = circleRing(p, radius);
		// A dot on top of another has no cell of its own: it shares the first one's circle.
		return cell ? clipToConvex(circle, cell.slice(0, -1) as Ring) : [];
	});
}
