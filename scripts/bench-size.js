// `npm run bench:size`: what each page really loads, measured by opening it in headless Chromium
// against the production build: its HTML and every JavaScript and CSS file it fetched, each
// gzipped (level 9). Needs a build (npm run build). Prints a table; --json prints the figures;
// --check also compares each page with its budget (scripts/size-budget.js) and exits 1 when one is
// over, naming the page, what is over, by how much, and why the budget is what it is (npm test
// runs it so).
// In a page's path, :code and :token stand for an assignment made for the run (from lesson 1),
// so /a/:code is a student's page and /teach/:token its dashboard.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/browser.js';
import { courseRoutes } from './lib/routes.js';
import { startServer } from './lib/server-process.js';
import { budgetFor } from './size-budget.js';

const check = process.argv.includes('--check');
const pages = process.argv.slice(2).filter((a) => a.startsWith('/'));
if (!pages.length) pages.push(...courseRoutes({ guides: true }));

// A database of its own, so a measurement never writes to ./data.
const server = await startServer();
const base = server.baseUrl;

if (pages.some((p) => p.includes(':code') || p.includes(':token'))) {
	const response = await fetch(`${base}/api/assignments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title: 'Size', lessons: ['reading-a-communique'] })
	});
	const { code, teacherToken } = await response.json();
	for (let i = 0; i < pages.length; i++)
		pages[i] = pages[i].replace(':code', code).replace(':token', teacherToken);
}

const gz = (/** @type {Buffer | string} */ data) => gzipSync(data, { level: 9 }).length;
const browser = await launchBrowser();
// No service worker: it would fetch the whole course in the background of every page.
const context = await browser.newContext({ serviceWorkers: 'block' });
/** @type {{ page: string, route: string, jsFiles: number, jsGzip: number, cssGzip: number, htmlGzip: number }[]} */
const rows = [];
try {
	for (const path of pages) {
		const page = await context.newPage();
		const files = new Set();
		page.on('response', (r) => {
			const url = new URL(r.url());
			if (url.origin === base && /\.(js|css)$/.test(url.pathname)) files.add(url.pathname);
		});
		const response = await page.goto(base + path, { waitUntil: 'networkidle' });
		const html = (await response?.body()) ?? Buffer.from('');
		await page.close();
		const list = [...files];
		const size = (/** @type {string} */ ext) =>
			list
				.filter((f) => f.endsWith(ext))
				.reduce((sum, f) => sum + gz(readFileSync(`build/client${f}`)), 0);
		const route = path
			.replace(/\/teach\/[\w-]{43}/, '/teach/:token')
			.replace(/^\/a\/\w+$/, '/a/:code');
		rows.push({
			page: route.replace(':token', '<token>').replace(':code', '<code>'),
			route,
			jsFiles: list.filter((f) => f.endsWith('.js')).length,
			jsGzip: size('.js'),
			cssGzip: size('.css'),
			htmlGzip: gz(html)
		});
	}
} finally {
	await browser.close();
	await server.stop();
}

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
	console.log(
		'page'.padEnd(36),
		'JS files'.padStart(8),
		'JS gzip'.padStart(10),
		'budget'.padStart(9),
		'HTML gzip'.padStart(10),
		'budget'.padStart(9),
		'CSS gzip'.padStart(10)
	);
	for (const r of rows) {
		const b = budgetFor(r.route);
		console.log(
			r.page.padEnd(36),
			String(r.jsFiles).padStart(8),
			kb(r.jsGzip).padStart(10),
			`${b.js} KB`.padStart(9),
			kb(r.htmlGzip).padStart(10),
			`${b.html} KB`.padStart(9),
			kb(r.cssGzip).padStart(10)
		);
	}
}

if (check) {
	const over = rows.flatMap((r) => {
		const b = budgetFor(r.route);
		return [
			r.jsGzip > b.js * 1024
				? `${r.page}: JavaScript ${kb(r.jsGzip)} is over its budget of ${b.js} KB by ${kb(r.jsGzip - b.js * 1024)} (budget: ${b.why})`
				: null,
			r.htmlGzip > b.html * 1024
				? `${r.page}: HTML ${kb(r.htmlGzip)} is over its budget of ${b.html} KB by ${kb(r.htmlGzip - b.html * 1024)} (budget: ${b.why})`
				: null
		].filter((x) => x !== null);
	});
	if (over.length) {
		console.error(`\nPage weight over budget (scripts/size-budget.js):\n${over.join('\n')}`);
		process.exit(1);
	}
	console.log(`\nEvery page is within its budget (scripts/size-budget.js).`);
}
