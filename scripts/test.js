// `npm test`: every check, every time, in order — type check, lint, unit and content tests,
// the content report, the production build, then the API tests and the browser tests against
// that build.
// A failing step does not hide the rest: all run, and the exit code is non-zero if any failed.
// Ends with one line "tests: N passed, N failed" (N counts test cases; a failing check counts as one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath } from '../tests/e2e/browser.js';
import { postgresBinDir, startPostgres } from '../tests/support/postgres-cluster.js';

const bin = (name) => `node_modules/.bin/${name}`;

function ensureChromium() {
	if (chromiumPath()) return true;
	if (!isRoot()) {
		console.error(
			'\nThe browser tests need Chromium, and none was found (looked at $CHROME_PATH and /usr/bin/chromium).\n' +
				'Install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n' +
				'or point CHROME_PATH at a Chromium or Chrome binary, then run npm test again.\n'
		);
		return false;
	}
	if (!aptInstall(['chromium', 'fonts-dejavu-core'], 'the browser tests') || !chromiumPath()) {
		console.error('Installing Chromium failed: run `apt-get install -y chromium` and try again.');
		return false;
	}
	return true;
}

/** Whether a command is on the PATH. */
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/**
 * Debian's sqlite3: the API tests use it as "another process" that holds the database's write
 * lock. Installed with apt-get when missing and running as root, like Chromium.
 */
function ensureSqlite3() {
	if (onPath('sqlite3')) return true;
	if (!isRoot()) {
		console.error('\nThe API tests need the sqlite3 command: sudo apt-get install -y sqlite3\n');
		return false;
	}
	aptInstall(['sqlite3'], 'the API tests');
	return onPath('sqlite3');
}

/**
 * Debian's PostgreSQL server programs (initdb, postgres): the store's contract tests and the API
 * tests run against a throwaway server of their own. Installed with apt-get when missing and
 * running as root, like Chromium; not needed when TEST_DATABASE_URL names a server.
 */
function ensurePostgres() {
	if (process.env.TEST_DATABASE_URL || postgresBinDir()) return true;
	if (!isRoot()) {
		console.error(
			'\nThe store and API tests need PostgreSQL (initdb and postgres), and none was found.\n' +
				'Install it with:\n\n    sudo apt-get update && sudo apt-get install -y postgresql\n\n' +
				'or set TEST_DATABASE_URL=postgres://… to a server the tests may create databases on.\n'
		);
		return false;
	}
	aptInstall(['postgresql'], 'the store and API tests');
	return !!postgresBinDir();
}

/** The throwaway server every step shares (TEST_DATABASE_URL), stopped and removed at the end. */
let postgres;
if (ensurePostgres() && !process.env.TEST_DATABASE_URL) {
	try {
		postgres = await startPostgres();
		process.env.TEST_DATABASE_URL = postgres.url;
		console.log(`\n▶ A throwaway PostgreSQL server for the tests at ${postgres.url}`);
	} catch (e) {
		console.error(
			`Starting the test PostgreSQL server failed: ${/** @type {Error} */ (e).message}`
		);
	}
}

/**
 * Debian's poppler-utils: the browser tests read the printed worksheets back with pdftotext and
 * turn them into PNGs with pdftoppm. Installed with apt-get when missing and running as root.
 */
function ensurePoppler() {
	if (onPath('pdftotext') && onPath('pdftoppm')) return true;
	if (!isRoot()) {
		console.error(
			'\nThe print tests need pdftotext and pdftoppm: sudo apt-get install -y poppler-utils\n'
		);
		return false;
	}
	aptInstall(['poppler-utils'], 'the print tests');
	return onPath('pdftotext') && onPath('pdftoppm');
}

mkdirSync('test-results', { recursive: true });
const unitReport = 'test-results/unit.json';
const apiReport = 'test-results/api.json';
const apiPostgresReport = 'test-results/api-postgres.json';
const e2eReport = 'test-results/e2e.json';
for (const report of [unitReport, apiReport, apiPostgresReport, e2eReport])
	rmSync(report, { force: true });

const steps = [
	{ name: 'SvelteKit sync', cmd: [bin('svelte-kit'), 'sync'] },
	{
		name: 'Type check (svelte-check)',
		cmd: [bin('svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings']
	},
	{ name: 'Format (prettier --check)', cmd: [bin('prettier'), '--check', '.'] },
	{ name: 'Lint (eslint)', cmd: [bin('eslint'), '.'] },
	{
		name: 'Unit and content tests (vitest)',
		cmd: [
			bin('vitest'),
			'run',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${unitReport}`
		],
		report: unitReport
	},
	{ name: 'Content report (content:check)', cmd: ['node', 'scripts/content-check.js'] },
	{ name: 'Production build', cmd: ['npm', 'run', 'build', '--silent'] },
	{
		name: 'API tests (HTTP against the build)',
		needs: ['Production build'],
		before: ensureSqlite3,
		cmd: [
			bin('vitest'),
			'run',
			'-c',
			'tests/api/vitest.config.ts',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${apiReport}`
		],
		report: apiReport
	},
	{
		name: 'API tests on PostgreSQL (two app processes sharing the database)',
		needs: ['Production build'],
		before: () => !!process.env.TEST_DATABASE_URL,
		cmd: [
			bin('vitest'),
			'run',
			'-c',
			'tests/api/vitest.postgres.config.ts',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${apiPostgresReport}`
		],
		report: apiPostgresReport
	},
	{
		name: 'Browser tests (Chromium, axe-core)',
		needs: ['Production build'],
		before: () => ensureChromium() && ensurePoppler(),
		cmd: [
			bin('vitest'),
			'run',
			'-c',
			'tests/e2e/vitest.config.ts',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${e2eReport}`
		],
		report: e2eReport
	},
	{
		name: 'Page weight within budget (bench:size --check)',
		needs: ['Production build'],
		before: ensureChromium,
		cmd: ['node', 'scripts/bench-size.js', '--check']
	}
];

const results = [];
let passed = 0;
let failed = 0;
for (const step of steps) {
	console.log(`\n▶ ${step.name}`);
	const blocked = (step.needs ?? []).filter((n) => !results.find((r) => r.name === n)?.ok);
	let ok;
	if (blocked.length) {
		console.log(`  cannot run: ${blocked.join(', ')} failed`);
		ok = false;
	} else if (step.before && !step.before()) {
		ok = false;
	} else {
		ok = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit' }).status === 0;
	}
	if (step.report && existsSync(step.report)) {
		const report = JSON.parse(readFileSync(step.report, 'utf8'));
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		// A suite that fails to load counts no test: count it as a failure.
		if (!ok && report.numFailedTests === 0) failed += 1;
	} else if (!ok) {
		failed += 1;
	}
	results.push({ name: step.name, ok });
}

await postgres?.stop();

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
