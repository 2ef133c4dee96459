// Cuts Natural Earth country shapes (the world-atlas package) down to one region: only the
// region's focus and neighbour countries, simplified and quantized, as a small TopoJSON file.
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';

/**
 * @param {import('topojson-specification').Topology} world world-atlas countries-50m
 * @param {{ id: string, focus: string[], neighbours: string[] }} region from lessons/regions.yaml
 * @param {{ keep?: number }} [options] share of the points to keep (0–1)
 */
export function cutRegion(world, region, { keep = 0.7 } = {}) {
	const all = /** @type {any} */ (feature(world, /** @type {any} */ (world.objects.countries)))
		.features;
	const byName = new Map(all.map((/** @type {any} */ f) => [f.properties.name, f]));
	const wanted = [...region.focus, ...region.neighbours];
	const missing = wanted.filter((name) => !byName.has(name));
	if (missing.length) {
		throw new Error(
			`lessons/regions.yaml [${region.id}] focus/neighbours: ${missing.map((n) => `"${n}"`).join(', ')} ` +
				'not found among the Natural Earth country names of world-atlas'
		);
	}
	const features = wanted.map((name) => {
		const f = /** @type {any} */ (byName.get(name));
		return { type: 'Feature', id: f.id, properties: { name }, geometry: f.geometry };
	});
	const collection = /** @type {any} */ ({ type: 'FeatureCollection', features });
	const topo = presimplify(/** @type {any} */ (topology({ countries: collection })));
	// Measured, not assumed: simplify(topo, quantile(topo, p)) keeps about a share p of the points.
	return quantize(simplify(topo, quantile(topo, keep)), 1e4);
}

/**
 * The country names a cut region file holds.
 * @param {any} topo
 * @returns {string[]}
 */
export function countryNames(topo) {
	return topo.objects.countries.geometries.map((/** @type {any} */ g) => g.properties.name);
}
