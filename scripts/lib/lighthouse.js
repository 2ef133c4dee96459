// Running Lighthouse 12 from a script: shared by `npm run bench:viz` (the chart pages) and
// `npm run bench:lighthouse` (every route). Mobile defaults (a Moto G Power on slow 4G with 4x
// CPU slowdown, simulated), each run in a Chromium of its own so every load is cold. Lighthouse
// scales the CPU time it observes: on a busy machine its figures are worse than on an idle one, so
// callers print the load average beside them.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../../tests/e2e/browser.js';

export const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu'];

/** @param {number[]} xs */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * @typedef {object} LighthouseRun
 * @property {number} score the performance score, 0–1
 * @property {number | null} accessibility the accessibility score, 0–1 (null when not asked for)
 * @property {number} tbt total blocking time, ms
 * @property {number} lcp largest contentful paint, ms
 * @property {number} cls cumulative layout shift
 * @property {number} benchmarkIndex Lighthouse's measure of how fast this machine ran (higher is faster)
 * @property {{ id: string, title: string, nodes: string[] }[]} failing the accessibility audits
 *   that failed, with (up to five of) the elements each flags
 */

/**
 * One Lighthouse run against `url` in a fresh Chromium; null when its trace failed.
 * @param {string} url
 * @param {string[]} categories e.g. ['performance'] or ['performance', 'accessibility']
 * @returns {Promise<LighthouseRun | null>}
 */
export async function lighthouseOnce(url, categories) {
	const chrome = await launch({ chromePath: chromiumPath() ?? '/usr/bin/chromium', chromeFlags });
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: categories
		});
		const lhr = result?.lhr;
		const score = lhr?.categories.performance?.score;
		if (!lhr || score === null || score === undefined) return null;
		const a11y = lhr.categories.accessibility;
		const failing = (a11y?.auditRefs ?? [])
			.map((ref) => lhr.audits[ref.id])
			.filter((audit) => audit && audit.score !== null && audit.score < 1)
			.map((audit) => ({
				id: audit.id,
				title: audit.title,
				nodes: /** @type {{ items?: { node?: { selector?: string, snippet?: string } }[] }} */ (
					(audit.details ?? {}).items ?? []
				)
					.slice(0, 5)
					.map((item) => item.node?.selector ?? item.node?.snippet ?? '')
			}));
		return {
			score,
			accessibility: a11y?.score ?? null,
			tbt: Math.round(lhr.audits['total-blocking-time'].numericValue ?? 0),
			lcp: Math.round(lhr.audits['largest-contentful-paint'].numericValue ?? 0),
			cls: lhr.audits['cumulative-layout-shift'].numericValue ?? 0,
			benchmarkIndex: lhr.environment.benchmarkIndex,
			failing
		};
	} finally {
		await chrome.kill();
	}
}

/**
 * `runs` Lighthouse runs against `url`: the median of each figure (failed traces not counted),
 * every run's performance score, and every accessibility audit that failed in any run.
 * Null when every run failed.
 * @param {string} url
 * @param {{ runs: number, categories: string[] }} options
 */
export async function lighthouseMedian(url, { runs, categories }) {
	/** @type {LighthouseRun[]} */
	const done = [];
	for (let i = 0; i < runs; i++) {
		const run = await lighthouseOnce(url, categories);
		if (run) done.push(run);
	}
	if (!done.length) return null;
	const a11y = done.map((r) => r.accessibility).filter((s) => s !== null);
	/** @type {Map<string, LighthouseRun['failing'][number]>} */
	const failing = new Map();
	for (const r of done) for (const f of r.failing) if (!failing.has(f.id)) failing.set(f.id, f);
	return {
		runs: done.length,
		score: median(done.map((r) => r.score)),
		scores: done.map((r) => r.score).sort((a, b) => a - b),
		accessibility: a11y.length ? median(a11y) : null,
		tbt: median(done.map((r) => r.tbt)),
		lcp: median(done.map((r) => r.lcp)),
		cls: median(done.map((r) => r.cls)),
		benchmarkIndex: Math.round(median(done.map((r) => r.benchmarkIndex))),
		failing: [...failing.values()]
	};
}
