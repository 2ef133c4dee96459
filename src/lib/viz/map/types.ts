import type { Snippet } from 'svelte';
import type { MapRegion, Place } from '$lib/content';

// The shapes the map code passes around. MapGeometry is what scripts/cut-regions.js writes to
// static/maps/<id>.json at build time: paths already projected, in map units.

export type Point = [number, number];
/** A closed ring of points (the last point is not repeated). */
export type Ring = Point[];

export interface MapGeometry {
	region: string;
	/** The frame, in map units. */
	width: number;
	height: number;
	countries: { name: string; focus: boolean; d: string }[];
	areas: { id: string; d: string }[];
	/** Place id → its projected position in map units. */
	places: Record<string, Point>;
}

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** A zoom: screen = map point × scale × k + (x, y), as d3-zoom's ZoomTransform. */
export interface View {
	/** Drawing size in CSS pixels. */
	width: number;
	height: number;
	k: number;
	x: number;
	y: number;
}

/** What is selected on a map: a place marker, a focus country, or a drawn area. */
export type MapSelection = { type: 'place' | 'country' | 'area'; id: string } | null;

/** What a page gives a map (RegionMap); MapView takes the same with the geometry drawn. */
export interface MapProps {
	region: MapRegion;
	/** The places to draw (all of the region's, or those a lesson talks about). */
	places: Place[];
	selection?: MapSelection;
	/** Places to emphasise, e.g. those of the event selected on the timeline. */
	highlight?: string[];
	/** Print no place or area name on the drawing (a locate question that is still open). */
	hideLabels?: boolean;
	rendered?: boolean;
	/** The detail of what is selected, shown right under the drawing (where the finger is). */
	detail?: Snippet;
}
