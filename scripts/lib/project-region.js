// Build step, after cutting: projects a region once, so pages receive ready SVG paths.
// Mercator (familiar shapes at this scale) fitted to the focus countries and the region's places,
// in a frame MAP_WIDTH units wide; every path is clipped to the frame and written with one decimal.
import { geoCircle, geoClipRectangle, geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

/** The width of every map frame, in map units (the client scales it to the screen). */
export const MAP_WIDTH = 1000;
/** The frame's height ÷ width stays within these bounds, so a phone map is not a thin strip. */
const ASPECT = [0.72, 1.05];
const MARGIN = 40;

/**
 * @param {any} topo a region cut by cutRegion
 * @param {{ id: string, focus: string[], areas?: any[] }} region from lessons/regions.yaml
 * @param {{ id: string, lon: number, lat: number, region: string }[]} places every place of places.yaml
 */
export function projectRegion(topo, region, places) {
	const countries = /** @type {any} */ (feature(topo, topo.objects.countries)).features;
	const focus = countries.filter((/** @type {any} */ f) =>
		region.focus.includes(f.properties.name)
	);
	const mine = places.filter((p) => p.region === region.id);
	const fit = /** @type {any} */ ({
		type: 'FeatureCollection',
		features: [
			...focus,
			...mine.map((p) => ({
				type: 'Feature',
				properties: {},
				geometry: { type: 'Point', coordinates: [p.lon, p.lat] }
			}))
		]
	});
	const probe = geoPath(geoMercator().fitWidth(MAP_WIDTH, fit)).bounds(fit);
	const natural = (probe[1][1] - probe[0][1]) / (probe[1][0] - probe[0][0]);
	const width = MAP_WIDTH;
	const height = Math.round(width * Math.min(Math.max(natural, ASPECT[0]), ASPECT[1]));
	const frame = /** @type {[[number, number], [number, number]]} */ ([
		[MARGIN, MARGIN],
		[width - MARGIN, height - MARGIN]
	]);
	const projection = () => geoMercator().fitExtent(frame, fit);
	const clipped = projection().clipExtent([
		[-2, -2],
		[width + 2, height + 2]
	]);
	const path = geoPath(clipped).digits(1);
	const unclipped = geoPath(projection());
	const round = (/** @type {number} */ n) => Math.round(n * 10) / 10;

	const areas = (region.areas ?? []).map((a) => {
		if (a.shape === 'circle') {
			const p = places.find((pl) => pl.id === a.place);
			if (!p)
				throw new Error(`lessons/regions.yaml [${region.id}] area ${a.id}: no place "${a.place}"`);
			const circle = geoCircle()
				.center([p.lon, p.lat])
				.radius(a.radiusKm / 111.2)();
			return { id: a.id, d: path(circle) ?? '' };
		}
		const country = countries.find((/** @type {any} */ f) => f.properties.name === a.country);
		if (!country)
			throw new Error(
				`lessons/regions.yaml [${region.id}] area ${a.id}: no country "${a.country}"`
			);
		const [[x0, y0], [x1, y1]] = unclipped.bounds(country);
		const [cx, cy] = unclipped.centroid(country);
		const [rx0, rx1] = a.corner.endsWith('east') ? [cx, x1] : [x0, cx];
		const [ry0, ry1] = a.corner.startsWith('north') ? [y0, cy] : [cy, y1];
		const quadrant = geoPath(projection().postclip(geoClipRectangle(rx0, ry0, rx1, ry1))).digits(1);
		return { id: a.id, d: quadrant(country) ?? '' };
	});

	return {
		region: region.id,
		width,
		height,
		countries: countries
			.map((/** @type {any} */ f) => ({
				name: f.properties.name,
				focus: region.focus.includes(f.properties.name),
				d: path(f) ?? ''
			}))
			.filter((/** @type {{ d: string }} */ c) => c.d !== ''),
		areas,
		places: Object.fromEntries(
			mine.map((p) => {
				const [x, y] = clipped([p.lon, p.lat]) ?? [NaN, NaN];
				return [p.id, [round(x), round(y)]];
			})
		)
	};
}
