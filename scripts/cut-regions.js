// Build step: cut each region of lessons/regions.yaml and project it once, into
// static/maps/<id>.json: ready SVG paths in map units (scripts/lib/project-region.js).
// Fails loudly, naming the region and the country, when a name is not in world-atlas.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { cutRegion } from './lib/cut-regions.js';
import { projectRegion } from './lib/project-region.js';

const require = createRequire(import.meta.url);
const world = require('world-atlas/countries-50m.json');
const { regions } = parse(readFileSync('lessons/regions.yaml', 'utf8'));
const { places } = parse(readFileSync('lessons/places.yaml', 'utf8'));

mkdirSync('static/maps', { recursive: true });
try {
	for (const region of regions) {
		// 40% of the 50m points: finer than a pixel at the largest zoom on a laptop.
		const topo = cutRegion(world, { neighbours: [], ...region }, { keep: 0.4 });
		const json = JSON.stringify(projectRegion(topo, region, places));
		writeFileSync(`static/maps/${region.id}.json`, json);
		const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
		if (!process.argv.includes('--quiet')) {
			console.log(
				`static/maps/${region.id}.json: ${kb(json.length)} (${kb(gzipSync(json, { level: 9 }).length)} gzip)`
			);
		}
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
