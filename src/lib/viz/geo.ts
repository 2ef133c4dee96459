import { geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface Point {
	lon: number;
	lat: number;
}

/**
 * A Mercator projection fitted so that the focus countries and every place fill the drawing,
 * inside a margin. (Mercator keeps shapes familiar at this regional scale.)
 */
export function fitProjection(
	focus: Feature<Geometry>[],
	places: Point[],
	width: number,
	height: number,
	margin = 16
): GeoProjection {
	const collection: FeatureCollection = {
		type: 'FeatureCollection',
		features: [
			...focus,
			...places.map((p): Feature => ({
				type: 'Feature',
				properties: {},
				geometry: { type: 'Point', coordinates: [p.lon, p.lat] }
			}))
		]
	};
	return geoMercator().fitExtent(
		[
			[margin, margin],
			[width - margin, height - margin]
		],
		collection
	);
}

export interface LabelCandidate {
	id: string;
	text: string;
	/** The preferred anchor (centre of the label). */
	x: number;
	y: number;
	fontSize: number;
}

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export interface PlacedLabel {
	id: string;
	text: string;
	x: number;
	y: number;
	box: Box;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Places labels in order of priority (the caller's order) at the first of a few nearby spots
 * where it overlaps no placed label, no obstacle (place markers) and stays inside the drawing.
 * A label that fits nowhere is left out rather than drawn over another.
 */
export function placeLabels(
	candidates: LabelCandidate[],
	obstacles: Box[],
	width: number,
	height: number
): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	for (const c of candidates) {
		const w = Math.ceil(c.text.length * c.fontSize * 0.58) + 4;
		const h = c.fontSize + 4;
		const spots = [
			[0, 0],
			[0, -h],
			[0, h],
			[w * 0.6, 0],
			[-w * 0.6, 0],
			[0, -2 * h],
			[0, 2 * h]
		];
		for (const [dx, dy] of spots) {
			const x = c.x + dx;
			const y = c.y + dy;
			const box = { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
			const inside = box.x0 >= 2 && box.y0 >= 2 && box.x1 <= width - 2 && box.y1 <= height - 2;
			if (
				inside &&
				!obstacles.some((o) => overlaps(o, box)) &&
				!placed.some((p) => overlaps(p.box, box))
			) {
				placed.push({ id: c.id, text: c.text, x, y, box });
				break;
			}
		}
	}
	return placed;
}

export { overlaps as boxesOverlap };
