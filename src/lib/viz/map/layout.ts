import { hitAreas } from './hit-areas';
import {
	labelAtEdge,
	labelDots,
	labelInside,
	visibleRings,
	estimateWidth,
	type Measure,
	type PlacedLabel
} from './labels';
import { parsePath, ringPath } from './polygon';
import type { Box, MapGeometry, Point, Ring, View } from './types';
import { toScreen, viewBox } from './view';

/** A geometry's paths as rings, parsed once per map (not per zoom step). */
export interface MapShapes {
	geometry: MapGeometry;
	countries: { name: string; focus: boolean; rings: Ring[] }[];
	areas: { id: string; rings: Ring[] }[];
}

export function mapShapes(geometry: MapGeometry): MapShapes {
	return {
		geometry,
		countries: geometry.countries.map((c) => ({
			name: c.name,
			focus: c.focus,
			rings: parsePath(c.d)
		})),
		areas: geometry.areas.map((a) => ({ id: a.id, rings: parsePath(a.d) }))
	};
}

export interface MarkerInput {
	id: string;
	name: string;
	kind: string;
}

export interface MapLayout {
	dots: { id: string; at: Point; r: number }[];
	/** Each dot's target, as an SVG path in screen pixels. */
	hits: Record<string, string>;
	labels: PlacedLabel[];
}

/** Radius of each kind of marker, in CSS pixels. */
export const markerRadius = (kind: string) => (kind === 'lake' ? 8 : kind === 'camp' ? 6 : 5);
/** How far a dot's target reaches (cut where it meets a neighbour's). */
export const HIT_RADIUS = 32;

/**
 * Everything drawn in screen pixels for one view (size and zoom): dots, their targets, and the
 * labels, placed in order of importance: focus countries, places, drawn areas, then neighbours.
 */
export function layoutMap(
	shapes: MapShapes,
	view: View,
	markers: MarkerInput[],
	areaNames: { id: string; name: string }[],
	{ hidden = [], measure = estimateWidth }: { hidden?: string[]; measure?: Measure } = {}
): MapLayout {
	const { geometry } = shapes;
	const frame: Box = viewBox(view, 3);
	const screen = (rings: Ring[]) => rings.map((r) => r.map((p) => toScreen(view, geometry, p)));
	const all = markers
		.filter((m) => geometry.places[m.id])
		.map((m) => ({
			id: m.id,
			name: m.name,
			at: toScreen(view, geometry, geometry.places[m.id]),
			r: markerRadius(m.kind)
		}));
	const dots = all.filter(
		({ at: [x, y] }) => x >= 0 && y >= 0 && x <= view.width && y <= view.height
	);
	const labels: PlacedLabel[] = [];
	const dotBoxes = all.map(({ at: [x, y], r }) => ({
		x0: x - r - 1,
		y0: y - r - 1,
		x1: x + r + 1,
		y1: y + r + 1
	}));
	const taken = () => [...dotBoxes, ...labels.map((l) => l.box)];

	const countries = shapes.countries.map((c) => ({
		...c,
		visible: visibleRings(screen(c.rings), frame)
	}));
	for (const c of countries.filter((c) => c.focus)) {
		const l = labelInside(
			{
				id: `country:${c.name}`,
				kind: 'focus',
				name: c.name,
				rings: c.visible,
				sizes: [13, 11.5, 10, 9],
				caps: true,
				bold: true,
				always: true
			},
			taken(),
			frame,
			measure
		);
		if (l) labels.push(l);
	}
	labels.push(
		...labelDots(
			dots.filter((d) => !hidden.includes(d.id)),
			all,
			taken(),
			frame,
			measure
		)
	);
	for (const a of shapes.areas) {
		const name = areaNames.find((n) => n.id === a.id)?.name;
		if (!name || hidden.includes(a.id)) continue;
		const l = labelInside(
			{
				id: `area:${a.id}`,
				kind: 'area',
				name,
				rings: visibleRings(screen(a.rings), frame),
				sizes: [12, 11]
			},
			taken(),
			frame,
			measure
		);
		if (l) labels.push(l);
	}
	for (const c of countries.filter((c) => !c.focus)) {
		const l = labelInside(
			{
				id: `country:${c.name}`,
				kind: 'country',
				name: c.name,
				rings: c.visible,
				sizes: [11, 10],
				caps: true
			},
			taken(),
			frame,
			measure
		);
		// No room inside: where the frame cuts it, a small label against that edge, or none.
		const edge = l
			? null
			: labelAtEdge(
					{
						id: `country:${c.name}`,
						name: c.name,
						rings: c.visible,
						others: countries.filter((o) => o !== c).map((o) => o.visible)
					},
					taken(),
					frame,
					measure
				);
		if (l ?? edge) labels.push((l ?? edge)!);
	}
	const rings = hitAreas(
		dots.map((d) => d.at),
		HIT_RADIUS,
		{ x0: 0, y0: 0, x1: view.width, y1: view.height }
	);
	return {
		dots,
		hits: Object.fromEntries(dots.map((d, i) => [d.id, ringPath(rings[i])])),
		labels
	};
}
