import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MapGeometry } from './types';

// The projected maps scripts/cut-regions.js writes before every build (and `npm run dev`).
// Read on the server only, where pages are rendered: they travel to the browser as page data.
const cache = new Map<string, MapGeometry>();

/** The ready-drawn geometry of each region asked for, by id. */
export function mapGeometries(ids: Iterable<string>): Record<string, MapGeometry> {
	const out: Record<string, MapGeometry> = {};
	for (const id of new Set(ids)) {
		let geometry = cache.get(id);
		if (!geometry) {
			const file = join('static', 'maps', `${id}.json`);
			try {
				geometry = JSON.parse(readFileSync(file, 'utf8')) as MapGeometry;
			} catch (error) {
				throw new Error(
					`${file} could not be read (${(error as Error).message}): run node scripts/cut-regions.js`,
					{ cause: error }
				);
			}
			cache.set(id, geometry);
		}
		out[id] = geometry;
	}
	return out;
}
