// `npm run bench:viz`: how heavy and how fast each page with a chart is, against the production
// build. For each chart page (the timeline, each map, each lesson that shows a chart, a teacher's
// dashboard with its heat map):
//   - the JavaScript it loads (gzip level 9 of every script fetched) on a 390px phone and at 1280px,
//   - the time from navigation start until its chart is drawn and interactive, in headless
//     Chromium (median of `--loads` cold loads, 5 by default), on the phone and at 1280px,
//   - Lighthouse 12's performance score and total blocking time with its mobile defaults
//     (a Moto G Power on slow 4G with 4x CPU slowdown, simulated), the median of `--lighthouse`
//     runs (3 by default; 0 skips Lighthouse). Each run starts its own Chromium, so every load is cold.
// A measuring script, never a test: it prints figures, it asserts nothing. Lighthouse's simulation
// scales the CPU time it observes, so on a busy machine its figures are worse than on an idle one:
// the load average is printed with them. Needs a build (npm run build).
//   node scripts/bench-viz.js [--loads 5] [--lighthouse 3] [--only /timeline] [--json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { launchBrowser } from '../tests/e2e/browser.js';
import { assignmentWithAnswers } from './lib/bench-assignment.js';
import { lighthouseMedian, median } from './lib/lighthouse.js';
import { startServer } from './lib/server-process.js';

const args = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : fallback;
};
const loads = Number(option('--loads', '5'));
const lighthouseRuns = Number(option('--lighthouse', '3'));
const only = option('--only', '');
const json = args.includes('--json');

const { regions } = parse(readFileSync('lessons/regions.yaml', 'utf8'));
// The timeline is drawn when its marks are buttons: the year layout on a phone, the lane layout
// (loaded after the page) in a chart at least 640px wide, as on these pages at 1280px.
const timelineReady = 'TIMELINE';
/** @param {string} selector @param {number} width */
const resolveReady = (selector, width) =>
	selector !== timelineReady
		? selector
		: width < 640
			? '.timeline svg.year-chart .event[role="button"]'
			: '.timeline svg.lane-chart .event[role="button"]';
const mapReady = 'svg[data-rendered="true"]';

/** The lessons that show a chart, read from their tags, with what to wait for. */
const lessonPages = readdirSync('lessons')
	.filter((f) => f.endsWith('.md'))
	.sort()
	.flatMap((file) => {
		const text = readFileSync(`lessons/${file}`, 'utf8');
		const ready = [
			...(/<LessonTimeline\b/.test(text) ? [timelineReady] : []),
			...(/<LessonMap\b/.test(text) ? [mapReady] : [])
		];
		return ready.length
			? [{ path: `/lessons/${file.replace(/\.md$/, '')}`, ready, what: 'lesson' }]
			: [];
	});

/** @type {{ path: string, ready: string[], what: string }[]} */
let pages = [
	{ path: '/timeline', ready: [timelineReady, mapReady], what: 'timeline and map' },
	...regions.map((/** @type {{id: string}} */ r) => ({
		path: `/maps/${r.id}`,
		ready: [mapReady],
		what: 'map'
	})),
	...lessonPages,
	{ path: '/teach/:token', ready: ['figure.heatmap svg'], what: 'dashboard, heat map' }
];
if (only) pages = pages.filter((p) => p.path === only);

const gz = (/** @type {string} */ path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Cold loads in Playwright's Chromium: median time to the drawn chart, and the scripts fetched.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string[]} ready
 * @param {number} width
 */
async function drawTimes(browser, url, ready, width) {
	const times = [];
	const scripts = new Set();
	for (let i = 0; i < loads; i++) {
		const context = await browser.newContext({
			viewport: { width, height: width < 600 ? 844 : 900 }
		});
		const page = await context.newPage();
		page.on('response', (r) => {
			const u = new URL(r.url());
			if (u.pathname.endsWith('.js')) scripts.add(u.pathname);
		});
		await page.goto(url, { waitUntil: 'commit' });
		// A lesson's chart becomes interactive once it nears the screen (LazyChart): scrolled to,
		// as a reader would; the time counts from navigation start all the same.
		if (url.includes('/lessons/'))
			await page.locator('.lazy-chart').first().scrollIntoViewIfNeeded();
		for (const selector of ready)
			await page.locator(resolveReady(selector, width)).first().waitFor();
		times.push(await page.evaluate(() => performance.now()));
		await context.close();
	}
	const js = [...scripts].reduce((sum, f) => sum + gz(`build/client${f}`), 0);
	return { ms: Math.round(median(times)), js };
}

// A database of its own, so a measurement never writes to ./data.
const server = await startServer();
const base = server.baseUrl;
const browser = await launchBrowser();
const rows = [];
try {
	const token = pages.some((p) => p.path.includes(':token'))
		? (await assignmentWithAnswers(base)).teacherToken
		: '';
	for (const p of pages) {
		const url = base + p.path.replace(':token', token);
		const phone = await drawTimes(browser, url, p.ready, 390);
		const desktop = await drawTimes(browser, url, p.ready, 1280);
		const lh =
			lighthouseRuns > 0
				? await lighthouseMedian(url, { runs: lighthouseRuns, categories: ['performance'] })
				: null;
		const row = {
			page: p.path.replace(':token', '<token>'),
			what: p.what,
			jsPhone: phone.js,
			jsDesktop: desktop.js,
			drawnPhoneMs: phone.ms,
			drawnDesktopMs: desktop.ms,
			lighthouse: lh,
			load: loadavg()[0]
		};
		rows.push(row);
		if (!json)
			console.log(
				`${row.page.padEnd(38)} JS ${kb(row.jsPhone).padStart(8)} phone ${kb(row.jsDesktop).padStart(8)} 1280px` +
					`   drawn ${String(row.drawnPhoneMs).padStart(5)} ms phone ${String(row.drawnDesktopMs).padStart(5)} ms 1280px` +
					(lh
						? `   Lighthouse ${lh.score.toFixed(2)} (runs ${lh.scores.map((s) => s.toFixed(2)).join(' ')}) TBT ${lh.tbt} ms LCP ${lh.lcp} ms CLS ${lh.cls.toFixed(3)}`
						: '') +
					`   load ${row.load.toFixed(1)}`
			);
	}
	if (json) console.log(JSON.stringify(rows, null, 2));
	else {
		console.log('Region files (static/maps, fetched only where a map is shown)');
		for (const r of regions) {
			const file = `build/client/maps/${r.id}.json`;
			if (!existsSync(file)) continue;
			console.log(
				`  ${r.id.padEnd(30)} ${kb(readFileSync(file).length).padStart(9)}   ${kb(gz(file))} gzip`
			);
		}
		console.log(
			`Median of ${loads} cold loads (drawn: navigation start → chart drawn and interactive); Lighthouse ` +
				`12 mobile defaults, median of ${lighthouseRuns} runs. Load average at the end: ${loadavg()
					.map((l) => l.toFixed(1))
					.join(' ')} on this machine's cores.`
		);
	}
} finally {
	await browser.close();
	await server.stop();
}
