// `npm run bench:viz`: how fast the timeline and the maps draw, and how heavy they are.
// Against the production build in headless Chromium: for each page, the median over 5 cold loads
// of the time from navigation start until the chart is drawn; the gzip bytes of each region file
// and of each page's JavaScript. A measuring script, never a test: it prints figures, it asserts
// nothing. Needs a build (npm run build).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { launchBrowser } from '../tests/e2e/browser.js';
import { startServer } from './lib/server-process.js';

const runs = 5;
const { regions } = parse(readFileSync('lessons/regions.yaml', 'utf8'));
const pages = [
	{ path: '/timeline', ready: '.timeline .event', what: 'timeline (and map beside it)' },
	{ path: '/timeline', ready: 'svg[data-rendered="true"]', what: 'timeline page, map drawn' },
	...regions.map((/** @type {{id: string}} */ r) => ({
		path: `/maps/${r.id}`,
		ready: 'svg[data-rendered="true"]',
		what: `map ${r.id}`
	}))
];
const gz = (/** @type {string} */ path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const median = (/** @type {number[]} */ xs) =>
	[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A database of its own, so a measurement never writes to ./data.
const server = await startServer();
const base = server.baseUrl;
const browser = await launchBrowser();
try {
	console.log(
		'Render time (median of 5 cold loads, navigation start → drawn) and JavaScript loaded'
	);
	for (const p of pages) {
		const times = [];
		const scripts = new Set();
		for (let i = 0; i < runs; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			page.on('response', (r) => {
				const url = new URL(r.url());
				if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
			});
			await page.goto(base + p.path, { waitUntil: 'commit' });
			await page.locator(p.ready).first().waitFor();
			times.push(await page.evaluate(() => performance.now()));
			await context.close();
		}
		const js = [...scripts].reduce((sum, f) => sum + gz(`build/client${f}`), 0);
		console.log(
			`  ${p.what.padEnd(30)} ${median(times).toFixed(0).padStart(5)} ms   JS ${kb(js)} gzip`
		);
	}
	console.log('Region files (static/maps, fetched only where a map is shown)');
	for (const r of regions) {
		const file = `build/client/maps/${r.id}.json`;
		console.log(
			`  ${r.id.padEnd(30)} ${kb(readFileSync(file).length).padStart(9)}   ${kb(gz(file))} gzip`
		);
	}
} finally {
	await browser.close();
	await server.stop();
}
