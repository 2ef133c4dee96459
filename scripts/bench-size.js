// `npm run bench:size`: the JavaScript and CSS each page really loads, measured by opening it in
// headless Chromium against the production build and gzipping (level 9) every file it fetched.
// Needs a build (npm run build). Prints a table; --json prints machine-readable figures.
// In a page's path, :code and :token stand for an assignment made for the run (from lesson 1),
// so /a/:code is a student's page and /teach/:token its dashboard.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/browser.js';
import { startServer } from './lib/server-process.js';

const pages = process.argv.slice(2).filter((a) => a.startsWith('/'));
if (!pages.length)
	pages.push(
		'/',
		'/read',
		'/glossary',
		'/lessons/reading-a-communique',
		'/teach',
		'/join',
		'/a/:code',
		'/teach/:token'
	);

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

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const browser = await launchBrowser();
const rows = [];
try {
	for (const path of pages) {
		const page = await browser.newPage();
		const files = new Set();
		page.on('response', (r) => {
			const url = new URL(r.url());
			if (url.origin === base && /\.(js|css)$/.test(url.pathname)) files.add(url.pathname);
		});
		await page.goto(base + path, { waitUntil: 'networkidle' });
		await page.close();
		const list = [...files];
		const size = (ext) =>
			list.filter((f) => f.endsWith(ext)).reduce((sum, f) => sum + gz(`build/client${f}`), 0);
		rows.push({
			page: path.replace(/\/teach\/[\w-]{43}/, '/teach/<token>').replace(/^\/a\/\w+$/, '/a/<code>'),
			jsFiles: list.filter((f) => f.endsWith('.js')).length,
			jsGzip: size('.js'),
			cssGzip: size('.css')
		});
	}
} finally {
	await browser.close();
	await server.stop();
}

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
	const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
	console.log(
		'page'.padEnd(34),
		'JS files'.padStart(8),
		'JS gzip'.padStart(10),
		'CSS gzip'.padStart(10)
	);
	for (const r of rows)
		console.log(
			r.page.padEnd(34),
			String(r.jsFiles).padStart(8),
			kb(r.jsGzip).padStart(10),
			kb(r.cssGzip).padStart(10)
		);
}
