// `npm run bench:server`: how many student submissions a second the production server grades
// and stores, and how close that is to three ceilings measured in the same run, for three setups
// in one run: SQLite with one process, PostgreSQL with one process, PostgreSQL with two
// (WORKERS=2). PostgreSQL is BENCH_DATABASE_URL (a server the benchmark may create databases on)
// or a throwaway server of its own (tests/support/postgres-cluster.js); BENCH_POSTGRES=0 or no
// PostgreSQL on the machine: SQLite only.
//
// 1. Starts scripts/serve.js over a copy of the build (BUILD_DIR, default build/, copied so that
//    a rebuild during the run cannot disturb it) on a free loopback port, with a fresh database
//    (a temporary DATA_DIR, or a new PostgreSQL database) and RATE_LIMIT_SCALE=100000 (so the
//    per-address rate limits of src/lib/server/security.ts never refuse the benchmark, which
//    comes from one address). Assignments ask one whole lesson, with the most attempts (10) and
//    students (1000) an assignment allows; a new one is created whenever the last has given all
//    its seats (scripts/bench/students.js).
// 2. Students: the student view disguises every id per student, and a submission must use the
//    ids of its own view, so each student's view is fetched before the load starts (untimed),
//    and answered: first option, first two options, true, the order shown, left i → right i, a
//    cloze word, the first place. A pool for the warm-up, then one sized from the warm-up's rate
//    for the whole run, so that every request of the run is a new student's first attempt.
// 3. Warms up, then autocannon POSTs /api/assignments/<code>/submissions for BENCH_SECONDS (10)
//    at BENCH_CONNECTIONS (100) connections, one request at a time per connection, each with an
//    Idempotency-Key of its own as the student page sends. Then stops the server and checks,
//    request by request (by key), that the database holds exactly one submission for every 201,
//    with its answers (scripts/bench/verify.js).
// 4. Ceilings, once: (a) the SQLite run's rows stored again into a fresh file by the store's own
//    `openSqlite` and `submit` (src/lib/server/db/sqlite.ts, loaded through Vite:
//    scripts/bench/server-rows.js says why), one submission after the other in a process of its
//    own, for as many rows or at most 5 s; (b) a bare node:http server in a child process that
//    reads each body and answers a fixed 201 (the server's own receipt, byte for byte), under
//    the same autocannon load with the same bodies; (c) the issue's "bare node:http + SQLite
//    insert loop": (b) that also parses each body and stores one of the run's submissions with
//    the store's own submit() before answering. The target is a share of (c).
// 5. Prints a table (one row per setup, then the ceilings) and writes test-results/bench-server.json.
//
// The load generator (autocannon) runs on the same machine as the server and takes a share of
// the same cores (and so does PostgreSQL, whose CPU counts as "other processes"); the CPU each
// side used is printed. A measuring script, never a test: it exits non-zero only when the stored
// rows do not match the 201 responses or requests of the run failed, never because the figures
// are low. Needs a build (npm run build); a copy elsewhere (BUILD_DIR) needs node_modules beside
// or above it. BENCH_WARMUP_SECONDS (2) sets the warm-up, BENCH_STUDENTS the size of the run's
// pool (default: the warm-up's rate × BENCH_SECONDS × 1.5); BENCH_CPU_PROF=1 also writes a V8
// CPU profile of the SQLite server to test-results/bench-server-prof/.
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { hammer, newTracking } from './bench/load.js';
import { busyShare, child, fail, waitFor } from './bench/processes.js';
import { attempts, Classes, maxStudents, Pool } from './bench/students.js';
import { postgresRows, sqliteRows, verify } from './bench/verify.js';
import { freePort, startServer } from './lib/server-process.js';
import {
	createDatabase,
	postgresBinDir,
	startPostgres
} from '../tests/support/postgres-cluster.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** Latencies after this many seconds of a run are reported apart, as the steady state. */
const steadyAfterSeconds = 2;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
const insertCapSeconds = 5;
const rateLimitScale = 100000;
const lesson = 'reading-a-communique';
/**
 * Issue 13: p99 at most 50 ms at 100 connections, and a quarter of the rate of "a bare node:http
 * + SQLite insert loop" (ceiling 4c).
 */
const target = { p99Ms: 50, shareOfBareHttpInsert: 0.25 };
const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
const cpuProf = process.env.BENCH_CPU_PROF === '1';
/** Students of the warm-up: at 10 attempts each, room for 20,000 submissions in it. */
const warmupStudents = 2000;
// Anything else busy on the machine lowers the figures: how busy it was over the second before
// the run is recorded, to tell a disturbed run.
const busyBefore = await busyShare(1000);

/**
 * The run's load at `base`: autocannon at the run's connections for `duration` seconds, each
 * request the pool's next student.
 * @param {string} base @param {Pool} pool @param {number} duration
 * @param {ReturnType<typeof newTracking>} tracking @param {number | undefined} pid
 */
const loadAt = (base, pool, duration, tracking, pid) =>
	hammer({
		base,
		next: () => pool.next(),
		seconds: duration,
		connections,
		steadyAfterSeconds,
		tracking,
		pid
	});

if (!existsSync(join(buildDir, 'handler.js')))
	fail(`No production build in ${buildDir}: run \`npm run build\` first (or set BUILD_DIR).`);
/** The node_modules the build loads better-sqlite3 from. */
let nodeModules = '';
try {
	// The build imports better-sqlite3 from a node_modules beside or above it.
	const found = createRequire(join(buildDir, 'handler.js')).resolve('better-sqlite3');
	nodeModules = found.slice(0, found.lastIndexOf('/node_modules/') + '/node_modules'.length);
} catch {
	fail(
		`The build in ${buildDir} cannot find better-sqlite3 (it loads it from a node_modules beside ` +
			`or above the build). For a copy outside the project: ln -s "${resolve('node_modules')}" "${join(buildDir, 'node_modules')}"`
	);
}

/** The newest modification time of any file under `dir`, in ms. @param {string} dir @returns {number} */
const newest = (dir) =>
	Math.max(
		0,
		...readdirSync(dir, { withFileTypes: true }).map((e) =>
			e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs
		)
	);
// The server runs the build, the store ceiling runs src/: say so when they may differ.
const buildOlderThanSrc = newest('src') > statSync(join(buildDir, 'handler.js')).mtimeMs;
if (buildOlderThanSrc)
	console.warn(
		`Warning: src/ has changed since ${buildDir} was built: the server runs the build, the ` +
			'store ceiling runs src/. Run `npm run build` for figures that compare the same code.'
	);

const work = mkdtempSync(join(os.tmpdir(), 'bench-server-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
// The server runs a copy of the build: SvelteKit loads a route's modules on its first request,
// and a rebuild meanwhile (other work on the project) would take them from under it.
const servedBuild = join(work, 'build');
cpSync(buildDir, servedBuild, { recursive: true });
symlinkSync(nodeModules, join(work, 'node_modules'));

/**
 * @typedef {{ label: string, key: string, workers: number, databaseUrl?: string }} Setup
 * One way to run the server: SQLite in a fresh DATA_DIR, or a fresh PostgreSQL database, with
 * WORKERS processes.
 */

/**
 * 1–3 for one setup: the server on a fresh database, students, warm-up, the measured run, the
 * check that every 201 is stored once.
 * @param {Setup} setup
 */
async function measureServer(setup) {
	const dataDir = join(work, `data-${setup.key}`);
	const profDir = resolve('test-results/bench-server-prof');
	const profile = cpuProf && setup.key === 'sqlite';
	if (profile) mkdirSync(profDir, { recursive: true });
	const started = await startServer({
		// As `npm start` runs it (scripts/start.js).
		nodeArgs: [
			...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
			'--max-semi-space-size=32'
		],
		dataDir,
		env: {
			BUILD_DIR: servedBuild,
			RATE_LIMIT_SCALE: String(rateLimitScale),
			WORKERS: String(setup.workers),
			DATABASE_URL: setup.databaseUrl
		}
	}).catch((e) => fail(/** @type {Error} */ (e).message));
	const base = started.baseUrl;
	const server = {
		proc: started.process,
		log: started.log,
		/** Stops the server; false if it had already exited. */
		stop: async () => {
			const running = started.process.exitCode === null && started.process.signalCode === null;
			await started.stop();
			return running;
		}
	};

	/**
	 * Awaits what the server is asked before a run, or stops it and fails with its output.
	 * @template T @param {Promise<T>} promise @returns {Promise<T>}
	 */
	async function orFail(promise) {
		try {
			return await promise;
		} catch (e) {
			await server.stop();
			fail(`${/** @type {Error} */ (e).message}\n${server.log()}`);
		}
	}

	// 2. Students for the warm-up, and one submission by hand: it must work, and its receipt is
	// what the bare server answers with.
	const classes = new Classes(base, lesson);
	/** @param {number} count */
	async function prepare(count) {
		const t = process.hrtime.bigint();
		const students = await orFail(classes.students(count));
		return { students, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
	}
	const warmup = await prepare(warmupSeconds > 0 ? warmupStudents : 1);
	const warmupPool = new Pool(warmup.students);
	const serverTracking = newTracking();
	const first = warmupPool.next();
	const sampleRes = await orFail(
		fetch(base + first.path, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': first.key },
			body: first.body.toString()
		})
	);
	const sample = { status: sampleRes.status, text: await sampleRes.text() };
	if (sample.status !== 201) {
		await server.stop();
		fail(`A submission answered ${sample.status}: ${sample.text}\n${server.log()}`);
	}
	for (const set of [serverTracking.sent, serverTracking.answered, serverTracking.created])
		set.add(first.key);
	const questions = warmup.students[0].questions;
	const requestBytes = warmup.students[0].body.length;
	const responseBytes = Buffer.byteLength(sample.text);

	// 3. Warm-up; then the run's students, as many as the warm-up's rate says the run will
	// need; then the measured run.
	console.log(
		`${setup.label}: ${questions} questions, ${requestBytes} B request, ${responseBytes} B ` +
			`response; warming up ${warmupSeconds} s, then ${seconds} s at ${connections} connections…`
	);
	/** @param {Pool} pool @param {number} duration */
	const loadServer = (pool, duration) =>
		loadAt(base, pool, duration, serverTracking, server.proc.pid);
	const warmupLoad = warmupSeconds > 0 ? await loadServer(warmupPool, warmupSeconds) : null;
	const warmupRate = warmupLoad ? warmupLoad.ok / warmupLoad.seconds : 0;
	const runStudentCount = Number(
		process.env.BENCH_STUDENTS ??
			Math.min(
				100 * maxStudents,
				Math.max(
					maxStudents,
					Math.ceil(((warmupRate || 3000) * seconds * 1.5) / maxStudents) * maxStudents
				)
			)
	);
	const assignmentsBefore = classes.assignments.length;
	const run = await prepare(runStudentCount);
	classes.close();
	console.log(
		`Fetched the views of ${run.students.length.toLocaleString('en-US')} new students ` +
			`(${classes.assignments.length - assignmentsBefore} assignments of ${maxStudents}) in ` +
			`${run.seconds.toFixed(1)} s, untimed; the measured run starts now.`
	);
	const runPool = new Pool(run.students);
	const createdBefore = serverTracking.created.size;
	const serverLoad = await loadServer(runPool, seconds);
	const serverCreated = serverTracking.created.size - createdBefore;
	const pools = {
		warmup: {
			students: warmup.students.length,
			submissionsSent: warmupPool.handed,
			laterAttempts: warmupPool.repeats,
			viewsFetchSeconds: warmup.seconds
		},
		run: {
			students: run.students.length,
			submissionsSent: runPool.handed,
			laterAttempts: runPool.repeats,
			viewsFetchSeconds: run.seconds
		},
		assignments: classes.assignments.length
	};
	if (!(await server.stop()))
		fail(
			`The server exited during the run (code ${server.proc.exitCode}, signal ` +
				`${server.proc.signalCode}). Its last output:\n${server.log()}`
		);
	const refused = serverLoad.errors || serverLoad.non2xx || (warmupLoad?.non2xx ?? 0);
	if (refused) {
		console.warn(
			'Refusals or errors during the warm-up or the run. The first answer of each status:'
		);
		for (const [status, body] of serverTracking.refusals) console.warn(`  ${status}: ${body}`);
		console.warn(`The server's last output:\n${server.log()}`);
	}
	if (warmupPool.overdrawn || runPool.overdrawn)
		console.warn('A pool of students ran out of attempts: raise BENCH_STUDENTS.');
	const stored = setup.databaseUrl
		? await postgresRows(setup.databaseUrl)
		: sqliteRows(join(dataDir, 'course.db'));
	const verification = verify(stored, serverTracking);
	return {
		setup: {
			label: setup.label,
			workers: setup.workers,
			database: setup.databaseUrl ? 'postgres' : 'sqlite'
		},
		submissionsPerSecond: serverCreated / serverLoad.seconds,
		responses201: serverCreated,
		load: serverLoad,
		warmup: warmupLoad,
		pools,
		verification,
		refused: !!refused,
		sample: sample.text,
		students: run.students,
		dataDir,
		questions,
		requestBytes,
		responseBytes
	};
}

// PostgreSQL for the runs that use it: BENCH_DATABASE_URL (a server the benchmark may create
// databases on), or a throwaway one of its own when the machine has PostgreSQL's programs.
const setups = /** @type {Setup[]} */ ([{ label: 'SQLite, 1 process', key: 'sqlite', workers: 1 }]);
/** @type {{ stop: () => Promise<void> } | undefined} */
let ownPostgres;
const postgresServer =
	process.env.BENCH_DATABASE_URL ??
	(process.env.BENCH_POSTGRES === '0' || !postgresBinDir()
		? undefined
		: await startPostgres().then((pg) => ((ownPostgres = pg), pg.url)));
if (postgresServer)
	for (const workers of [1, 2])
		setups.push({
			label: `PostgreSQL, ${workers} process${workers > 1 ? 'es' : ''}`,
			key: `postgres-${workers}`,
			workers,
			databaseUrl: (await createDatabase(postgresServer, 'bench')).url
		});
else console.warn('No PostgreSQL (set BENCH_DATABASE_URL, or install postgresql): SQLite only.');

const measured = [];
for (const setup of setups) measured.push(await measureServer(setup));
await ownPostgres?.stop();
const sqliteRun = measured[0];
const verification = sqliteRun.verification;
const { questions, requestBytes, responseBytes, pools } = sqliteRun;
const sample = { text: sqliteRun.sample };
const dataDir = sqliteRun.dataDir;
const verifiedAll = measured.every((m) => m.verification.ok);
const serverLoad = sqliteRun.load;
const warmupLoad = sqliteRun.warmup;
const serverCreated = sqliteRun.responses201;
const refused = measured.some((m) => m.refused);

// 4a. The same rows, stored again by the store's own code in a process of its own.
console.log(
	`Store ceiling: storing the same ${verification.storedRows.toLocaleString('en-US')} submissions ` +
		`with src/lib/server/db/sqlite.ts, one transaction each…`
);
const storeLoop = child(
	['--max-semi-space-size=32', 'scripts/bench/store-loop.js'],
	{
		SERVER_DB: join(dataDir, 'course.db'),
		BARE_DB: join(work, 'bare', 'course.db'),
		CAP_SECONDS: String(insertCapSeconds)
	},
	{ keepAll: true }
);
await storeLoop.exited;
if (storeLoop.proc.exitCode !== 0)
	fail(`The store ceiling failed (code ${storeLoop.proc.exitCode}):\n${storeLoop.log()}`);
/** @type {{ rows: number, seconds: number, rowsPerSecond: number, source: string }} */
const storeResult = JSON.parse(storeLoop.output().trim().split('\n').at(-1) ?? '{}');
const sqliteCeiling = {
	...storeResult,
	what:
		"the store's own openSqlite() and submit() (its pragmas, migrations and IMMEDIATE " +
		'transaction: idempotency key, attempts, student cap, submission, answers, wrong answers), ' +
		'one submission after the other, no HTTP, parsing or grading'
};

// 4b. A bare node:http server answering every POST with the server's receipt, once read.
const bodyFile = join(work, 'receipt.json');
writeFileSync(bodyFile, sample.text);
/**
 * Runs a bare node:http server (scripts/bench/bare-http.js) under the same load as the server:
 * the run's requests again (the bare servers check no ids, so any request may be sent again).
 * @param {Record<string, string>} env
 */
async function bareCeiling(env) {
	const port = await freePort();
	const bare = child(['scripts/bench/bare-http.js'], {
		PORT: String(port),
		BODY_FILE: bodyFile,
		...env
	});
	const base = `http://127.0.0.1:${port}`;
	await waitFor(base, bare);
	const pool = new Pool(sqliteRun.students);
	/** @param {number} duration */
	const load = (duration) => loadAt(base, pool, duration, newTracking(), bare.proc.pid);
	if (warmupSeconds > 0) await load(warmupSeconds);
	const result = await load(seconds);
	await bare.stop();
	return result;
}
console.log(`Bare node:http: warming up ${warmupSeconds} s, then ${seconds} s…`);
const bareLoad = await bareCeiling({});
// 4c. The ceiling: the same bare server, parsing each body and storing a submission.
console.log(
	`Bare node:http + SQLite insert (the store's submit()): warming up ${warmupSeconds} s, then ${seconds} s…`
);
const bareStoreLoad = await bareCeiling({
	SERVER_DB: join(dataDir, 'course.db'),
	BARE_DB: join(work, 'bare-http', 'course.db')
});

// 5. The figures.
const cpus = os.cpus();
const percent = (/** @type {number} */ a, /** @type {number} */ b) =>
	Math.round((a / b) * 1000) / 10;
const serverRate = serverCreated / serverLoad.seconds;
const figures = {
	date: new Date().toISOString(),
	machine: {
		cpus: cpus.length,
		model: cpus[0]?.model ?? 'unknown',
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
		memoryGB: Math.round(os.totalmem() / 2 ** 30),
		busyPercentBeforeRun: busyBefore,
		loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100)
	},
	note:
		'autocannon runs on the same machine as the server (and as the bare node:http server), ' +
		'taking a share of the same cores: the figures are lower bounds for a server with the ' +
		'machine to itself.',
	settings: {
		endpoint: 'POST /api/assignments/<code>/submissions',
		connections,
		pipelining: 1,
		seconds,
		warmupSeconds,
		students:
			'one student per request (s-<n>), answering in the ids of the view fetched for that ' +
			'name before the run; each request with an Idempotency-Key of its own',
		assignments: `lesson ${lesson}, attempts ${attempts}, maxStudents ${maxStudents}; a new one each ${maxStudents} students`,
		rateLimitScale,
		buildDir,
		buildOlderThanSrc,
		lesson,
		questions,
		requestBytes,
		responseBytes,
		sqliteInsertCapSeconds: insertCapSeconds
	},
	pools,
	server: { submissionsPerSecond: serverRate, responses201: serverCreated, ...serverLoad },
	warmup: warmupLoad,
	verification,
	ceilings: {
		sqliteInsertLoop: sqliteCeiling,
		bareNodeHttp: bareLoad,
		bareHttpInsert: bareStoreLoad
	},
	ratios: {
		serverOfSqliteInsertLoopPercent: percent(serverRate, sqliteCeiling.rowsPerSecond),
		serverOfBareNodeHttpPercent: percent(serverRate, bareLoad.perSecond),
		serverOfBareHttpInsertPercent: percent(serverRate, bareStoreLoad.perSecond)
	},
	// Every setup of the run, each beside the same two ceilings.
	runs: measured.map((m) => ({
		...m.setup,
		submissionsPerSecond: m.submissionsPerSecond,
		latencyMs: m.load.latencyMs,
		steadyLatencyMs: m.load.steadyLatencyMs,
		warmupLatencyMs: m.warmup?.latencyMs ?? null,
		cpuCores: m.load.cpuCores,
		verified: m.verification.ok,
		serverOfSqliteInsertLoopPercent: percent(m.submissionsPerSecond, sqliteCeiling.rowsPerSecond),
		serverOfBareNodeHttpPercent: percent(m.submissionsPerSecond, bareLoad.perSecond),
		serverOfBareHttpInsertPercent: percent(m.submissionsPerSecond, bareStoreLoad.perSecond)
	})),
	target: {
		...target,
		met:
			serverLoad.latencyMs.p99 <= target.p99Ms &&
			serverRate >= target.shareOfBareHttpInsert * bareStoreLoad.perSecond
	}
};

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench-server.json', JSON.stringify(figures, null, '\t') + '\n');

const n = (/** @type {number} */ x, digits = 0) =>
	x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
// autocannon records whole milliseconds.
const ms = (/** @type {number} */ x) => (x < 1 ? '<1 ms' : `${n(x)} ms`);
const { machine } = figures;
console.log();
console.log(
	`${machine.cpus} × ${machine.model}, Node ${machine.node}; autocannon on the same machine, ` +
		`sharing the cores. RATE_LIMIT_SCALE=${rateLimitScale}.`
);
console.log(
	`The machine was ${busyBefore}% busy in the second before the run ` +
		'(other processes lower every figure).'
);
console.log(
	`${connections} connections, ${seconds} s after ${warmupSeconds} s warm-up; ` +
		`${questions} questions per submission; ${n(pools.run.students)} students of the run in ` +
		`${pools.assignments} assignments in all (at most ${maxStudents} students each), ` +
		`${n(pools.run.laterAttempts)} of the run's submissions a later attempt.`
);
console.log();
console.log(
	'what'.padEnd(36),
	'per second'.padStart(11),
	'p50'.padStart(8),
	'p90'.padStart(8),
	'p99'.padStart(8),
	'non-2xx'.padStart(8),
	'errors'.padStart(7)
);
/** @param {string} what @param {number} rate @param {import('./bench/load.js').Load | null} load */
const row = (what, rate, load) =>
	console.log(
		what.padEnd(36),
		n(rate).padStart(11),
		(load ? ms(load.latencyMs.p50) : '—').padStart(8),
		(load ? ms(load.latencyMs.p90) : '—').padStart(8),
		(load ? ms(load.latencyMs.p99) : '—').padStart(8),
		(load ? n(load.non2xx) : '—').padStart(8),
		(load ? n(load.errors) : '—').padStart(7)
	);
for (const m of measured) row(`server: ${m.setup.label}`, m.submissionsPerSecond, m.load);
row("ceiling: the store's submit() loop", sqliteCeiling.rowsPerSecond, null);
row('ceiling: bare node:http (same POST)', bareLoad.perSecond, bareLoad);
row('ceiling: bare node:http + insert', bareStoreLoad.perSecond, bareStoreLoad);
console.log();
for (const r of figures.runs)
	console.log(
		`${r.label.padEnd(24)} ÷ store submit() loop: ${r.serverOfSqliteInsertLoopPercent}%   ` +
			`÷ bare node:http: ${r.serverOfBareNodeHttpPercent}%   ` +
			`÷ bare node:http + insert: ${r.serverOfBareHttpInsertPercent}%   warm-up p99 ${r.warmupLatencyMs?.p99 ?? '—'} ms`
	);
/** @param {import('./bench/load.js').Load} load */
const cpu = (load) =>
	`${load.cpuCores.server ?? '?'} server + ${load.cpuCores.loadGenerator} autocannon + ` +
	`${load.cpuCores.others ?? '?'} other processes`;
const steady = serverLoad.steadyLatencyMs;
console.log(
	`server after the first ${steadyAfterSeconds} s (all ${connections} connections open, ` +
		`${n(steady.samples)} responses): p50 ${steady.p50} ms, p90 ${steady.p90} ms, p99 ${steady.p99} ms`
);
console.log(
	`store ceiling: ${n(sqliteCeiling.rows)} submissions in ${n(sqliteCeiling.seconds, 2)} s ` +
		`(${sqliteCeiling.source}, through Vite)`
);
console.log(`CPU used (cores of ${machine.cpus}), server run: ${cpu(serverLoad)}`);
console.log(`CPU used (cores of ${machine.cpus}), bare node:http run: ${cpu(bareLoad)}`);
console.log(
	`CPU used (cores of ${machine.cpus}), bare node:http + insert run: ${cpu(bareStoreLoad)}`
);
console.log(
	`target (SQLite, 1 process): p99 ≤ ${target.p99Ms} ms and ≥ ${target.shareOfBareHttpInsert * 100}% ` +
		`of bare node:http + insert: ${figures.target.met ? 'met' : 'NOT met'}`
);
// Closed loop: every connection waits for its answer, so the mean latency is connections ÷
// throughput (Little's law) whatever the server does with its time.
console.log(
	`Closed loop at ${connections} connections: mean latency = ${connections} ÷ throughput ` +
		`(${n(serverLoad.latencyMs.mean, 1)} ms measured, ` +
		`${n((connections / serverRate) * 1000, 1)} ms expected); ` +
		`p99 under ${target.p99Ms} ms needs well over ${n((connections / target.p99Ms) * 1000)}/s.`
);
console.log(
	`stored submissions ${n(verification.storedRows)} = ${n(verification.responses201)} answered 201 ` +
		`(sample, warm-up and run) + ${n(verification.storedForRequestsInFlightAtStop)} in flight ` +
		`when autocannon stopped (of ${n(verification.requestsInFlightAtStop)}), each with its ` +
		`${questions} answers (${n(verification.answers)}, ${n(verification.wrongAnswers)} ` +
		`wrong answers): ${verification.ok ? 'match' : 'MISMATCH'}` +
		(measured.length > 1
			? `; PostgreSQL runs: ${measured
					.slice(1)
					.map((m) => (m.verification.ok ? 'match' : 'MISMATCH'))
					.join(', ')}`
			: '')
);
console.log('Figures written to test-results/bench-server.json');
if (cpuProf) console.log('Server CPU profile (SQLite run) in test-results/bench-server-prof/');
if (!verifiedAll) {
	console.error(
		'The stored submissions do not match the 201 responses:',
		measured.map((m) => [m.setup.label, m.verification])
	);
	process.exit(1);
}
if (refused) {
	console.error(
		'Some requests of the warm-up or the run failed or were refused: these figures are not a measurement.'
	);
	process.exit(1);
}
