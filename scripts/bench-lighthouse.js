// `npm run bench:lighthouse`: Lighthouse 12 with its mobile defaults (a Moto G Power on slow 4G
// with 4x CPU slowdown, simulated) on every route against the production build: performance and
// accessibility scores, largest contentful paint and total blocking time, and each accessibility
// audit that failed, with the elements it flags. The routes: /, /read, /glossary, /commitments,
// each lesson, /timeline, each map, /quiz, /review, /teach, /join, a student's assignment page
// and its teacher's dashboard (made through the API for the run, with six students' answers).
// A measurement, never a test: it prints figures and asserts nothing. Lighthouse scales the CPU
// time it observes, so on a busy machine its figures are worse than on an idle one: the load
// average is printed before and after. Builds nothing: needs `npm run build` first.
// Writes test-results/bench-lighthouse.json.
//   node scripts/bench-lighthouse.js [--runs 1] [--only /read] [--json]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { assignmentWithAnswers } from './lib/bench-assignment.js';
import { lighthouseMedian } from './lib/lighthouse.js';
import { courseRoutes } from './lib/routes.js';
import { startServer } from './lib/server-process.js';

const args = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '1'));
const only = option('--only', '');
const json = args.includes('--json');
if (!Number.isInteger(runs) || runs < 1)
	throw new Error(`--runs must be a whole number ≥ 1, not ${option('--runs', '')}`);

let routes = courseRoutes();
if (only) routes = routes.filter((r) => r === only);
if (!routes.length) throw new Error(`--only ${only}: no such route among those measured`);

const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');
const before = load();
console.log(
	`Load average before the run: ${before} (1, 5, 15 min) on ${cpus().length} cores. ` +
		'Under load Lighthouse reports more blocking time and lower scores than an idle machine would.'
);

// A database of its own, so a measurement never writes to ./data.
const server = await startServer();
const rows = [];
try {
	const { code, teacherToken } = routes.some((r) => r.includes(':'))
		? await assignmentWithAnswers(server.baseUrl)
		: { code: '', teacherToken: '' };
	for (const route of routes) {
		const url = server.baseUrl + route.replace(':code', code).replace(':token', teacherToken);
		const lh = await lighthouseMedian(url, {
			runs,
			categories: ['performance', 'accessibility']
		});
		const row = {
			route: route.replace(':code', '<code>').replace(':token', '<token>'),
			performance: lh?.score ?? null,
			performanceRuns: lh?.scores ?? [],
			accessibility: lh?.accessibility ?? null,
			lcpMs: lh?.lcp ?? null,
			tbtMs: lh?.tbt ?? null,
			cls: lh?.cls ?? null,
			benchmarkIndex: lh?.benchmarkIndex ?? null,
			failingAccessibilityAudits: lh?.failing ?? [],
			load: Number(loadavg()[0].toFixed(1))
		};
		rows.push(row);
		if (json) continue;
		const score = (/** @type {number | null} */ s) => (s === null ? ' —  ' : s.toFixed(2));
		console.log(
			`${row.route.padEnd(40)} performance ${score(row.performance)}` +
				(runs > 1 ? ` (${row.performanceRuns.map((s) => s.toFixed(2)).join(' ')})` : '') +
				`  accessibility ${score(row.accessibility)}  LCP ${String(row.lcpMs ?? '—').padStart(5)} ms` +
				`  TBT ${String(row.tbtMs ?? '—').padStart(5)} ms  load ${row.load.toFixed(1)}`
		);
		for (const f of row.failingAccessibilityAudits)
			console.log(`    accessibility: ${f.id} (${f.title}): ${f.nodes.join(' | ')}`);
	}
} finally {
	await server.stop();
}

const after = load();
const report = {
	date: new Date().toISOString(),
	lighthouse: '12, mobile defaults (simulated slow 4G, 4x CPU slowdown)',
	runsPerRoute: runs,
	loadAverageBefore: before,
	loadAverageAfter: after,
	cores: cpus().length,
	routes: rows
};
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench-lighthouse.json', `${JSON.stringify(report, null, 2)}\n`);
if (json) console.log(JSON.stringify(report, null, 2));
else
	console.log(
		`Median of ${runs} run${runs === 1 ? '' : 's'} per route. Load average after the run: ${after}. ` +
			'Written to test-results/bench-lighthouse.json.'
	);
