// Build step: cut each region of lessons/regions.yaml into static/maps/<id>.json.
// Fails loudly, naming the region and the country, when a name is not in world-atlas.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { cutRegion } from './lib/cut-regions.js';

const require = createRequire(import.meta.url);
const world = require('world-atlas/countries-50m.json');
const { regions } = parse(readFileSync('lessons/regions.yaml', 'utf8'));

mkdirSync('static/maps', { recursive: true });
try {
	for (const region of regions) {
		const json = JSON.stringify(cutRegion(world, { neighbours: [], ...region }));
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
