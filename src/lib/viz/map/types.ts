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
