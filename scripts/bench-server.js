// `npm run bench:server`: how many student submissions a second the production server grades
// and stores, and how close that is to two ceilings measured in the same run.
//
// 1. Starts scripts/serve.js over the build (BUILD_DIR, default build/) on a free loopback port,
//    with a fresh temporary DATA_DIR and RATE_LIMIT_SCALE=100000 (so the per-address rate limits
//    of src/lib/server/security.ts never refuse the benchmark). Creates an assignment from one
//    lesson and answers every question of its student view (first option, first two options,
//    true, the order shown, left i → right i, a cloze word, the first place).
// 2. Warms up, then autocannon POSTs /api/assignments/<code>/submissions for BENCH_SECONDS
//    (10) at BENCH_CONNECTIONS (100) connections, one request at a time per connection, each
//    with a name of its own (attempts are counted per name). Then stops the server and checks,
//    name by name, that the SQLite file holds exactly one row for every 201 response.
// 3. Ceilings: (a) a bare better-sqlite3 loop storing the same rows (read back from the server's
//    file) into a fresh file, one transaction per row like the server, for as many rows or at
//    most 5 s. Nothing is imported from src/ (it is TypeScript): the pragmas are the
//    `db.pragma('…')` calls of src/lib/server/db/sqlite.ts, the schema the `sql:` template
//    strings of migrations.ts, and the two statements the server's submit transaction runs,
//    all read from the source with regular expressions. (b) A bare node:http server in a child
//    process that reads each body and answers a fixed 201 (the server's own receipt, byte for
//    byte), under the same autocannon load.
// 4. Prints a table and writes test-results/bench-server.json.
//
// The load generator (autocannon) runs on the same machine as the server and takes a share of
// the same cores; the CPU each side used is printed. A measuring script, never a test: it exits
// non-zero only when the stored rows do not match the 201 responses or requests of the run
// failed, never because the figures are low. Needs a build (npm run build); a copy elsewhere
// (BUILD_DIR) needs node_modules beside or above it. BENCH_WARMUP_SECONDS (2) sets the warm-up;
// BENCH_CPU_PROF=1 also writes a V8 CPU profile of the server to test-results/bench-server-prof/.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './lib/serve-build.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** Latencies after this many seconds of a run are reported apart, as the steady state. */
const steadyAfterSeconds = 2;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
const insertCapSeconds = 5;
const rateLimitScale = 100000;
const lesson = 'reading-a-communique';
const target = { submissionsPerSecond: 1000, p99Ms: 50 };
const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
const cpuProf = process.env.BENCH_CPU_PROF === '1';
// Anything else busy on the machine lowers the figures: how busy it was over the second before
// the run is recorded, to tell a disturbed run.
const busyBefore = await busyShare(1000);

/**
 * @typedef {{ p50: number, p90: number, p99: number, mean: number, max: number }} Latency
 * @typedef {{ seconds: number, ok: number, perSecond: number, latencyMs: Latency,
 *   steadyLatencyMs: { p50: number, p90: number, p99: number, samples: number },
 *   non2xx: number, statusCodes: Record<string, number>, errors: number, timeouts: number,
 *   cpuCores: { server: number | null, loadGenerator: number, others: number | null } }} Load
 * @typedef {{ sent: Set<string>, answered: Set<string>, created: Set<string> }} Tracking
 * @typedef {{ receipt: string, idempotencyKey: string | null, name: string, nameKey: string,
 *   score: number, maxScore: number, answers: unknown, submittedAt: string }} Row
 */

if (!existsSync(join(buildDir, 'handler.js')))
	fail(`No production build in ${buildDir}: run \`npm run build\` first (or set BUILD_DIR).`);
try {
	// The build imports better-sqlite3 from a node_modules beside or above it.
	createRequire(join(buildDir, 'handler.js')).resolve('better-sqlite3');
} catch {
	fail(
		`The build in ${buildDir} cannot find better-sqlite3 (it loads it from a node_modules beside ` +
			`or above the build). For a copy outside the project: ln -s "${resolve('node_modules')}" "${join(buildDir, 'node_modules')}"`
	);
}

const work = mkdtempSync(join(os.tmpdir(), 'bench-server-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(message);
	process.exit(1);
}

/**
 * The share of all cores' time spent busy over the next `ms` milliseconds, in percent.
 * @param {number} ms
 */
async function busyShare(ms) {
	const a = cpuTimes();
	await new Promise((r) => setTimeout(r, ms));
	const b = cpuTimes();
	return Math.round((1 - (b.idle - a.idle) / (b.all - a.all)) * 100);
}

/** All cores' time so far, in milliseconds: in total, and idle. */
function cpuTimes() {
	return os.cpus().reduce(
		(t, { times }) => {
			const all = times.user + times.nice + times.sys + times.irq + times.idle;
			return { all: t.all + all, idle: t.idle + times.idle };
		},
		{ all: 0, idle: 0 }
	);
}

/**
 * Runs a child node process, keeping the end of its output for error messages.
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
function child(args, env) {
	const proc = spawn(process.execPath, args, {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	/** @param {Buffer} chunk */
	const keep = (chunk) => (log = (log + chunk.toString()).slice(-4000));
	proc.stdout.on('data', keep);
	proc.stderr.on('data', keep);
	const exited = new Promise((done) => proc.once('exit', done));
	// Never leave a server behind, whatever ends this script.
	process.on('exit', () => {
		if (proc.exitCode === null && proc.signalCode === null) proc.kill();
	});
	return {
		proc,
		log: () => log,
		/** Asks the process to stop (SIGTERM) and waits; false if it had already exited. */
		stop: async () => {
			const running = proc.exitCode === null && proc.signalCode === null;
			if (running) proc.kill('SIGTERM');
			await exited;
			return running;
		}
	};
}

/** @param {string} url @param {ReturnType<typeof child>} proc */
async function waitFor(url, proc) {
	for (let i = 0; i < 150; i++) {
		if (proc.proc.exitCode !== null) break;
		try {
			await fetch(url);
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	await proc.stop();
	fail(`Nothing answered at ${url}.\n${proc.log()}`);
}

/**
 * One answer per question of the student view, as a student who answers everything would.
 * @param {{ questions: any[] }} view
 */
function answerAll(view) {
	/** @type {Record<string, unknown>} */
	const answers = {};
	for (const q of view.questions) {
		if (q.type === 'single') answers[q.id] = { choice: q.options[0].id };
		else if (q.type === 'multiple')
			answers[q.id] = { choices: q.options.slice(0, 2).map((/** @type {any} */ o) => o.id) };
		else if (q.type === 'truefalse') answers[q.id] = { answer: true };
		else if (q.type === 'ordering') answers[q.id] = { order: q.events };
		else if (q.type === 'matching')
			answers[q.id] = {
				matches: Object.fromEntries(
					q.lefts.map((/** @type {string} */ l, /** @type {number} */ i) => [l, q.rights[i]])
				)
			};
		else if (q.type === 'cloze') answers[q.id] = { text: 'only' };
		else if (q.type === 'locate') answers[q.id] = { place: q.options[0].place };
		else fail(`Unknown question type "${q.type}" in the student view`);
	}
	return answers;
}

/**
 * CPU seconds a process has used so far, from /proc (Linux; null elsewhere). Clock ticks are
 * taken to be 100 a second, as on every common Linux build.
 * @param {number | undefined} pid
 */
function cpuSeconds(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

let counter = 0;

/**
 * autocannon against one URL: POSTs of the answer set, each under a new name, at `connections`
 * connections (one request in flight on each). Records every name sent and every name answered.
 * @param {string} url
 * @param {string} answersJson
 * @param {number} duration
 * @param {Tracking} tracking
 * @param {number | undefined} pid the server's, to measure the CPU it used
 * @returns {Promise<Load>}
 */
async function hammer(url, answersJson, duration, tracking, pid) {
	const serverCpu = cpuSeconds(pid);
	const ownCpu = process.cpuUsage();
	const machineCpu = cpuTimes();
	const wall = process.hrtime.bigint();
	const instance = autocannon({
		url,
		method: 'POST',
		connections,
		pipelining: 1,
		duration,
		headers: { 'content-type': 'application/json' },
		requests: [
			{
				setupRequest: (/** @type {any} */ req, /** @type {any} */ context) => {
					const name = `s-${++counter}`;
					context.name = name;
					tracking.sent.add(name);
					return { ...req, body: `{"name":"${name}","answers":${answersJson}}` };
				},
				onResponse: (
					/** @type {number} */ status,
					/** @type {string} */ _body,
					/** @type {any} */ context
				) => {
					tracking.answered.add(context.name);
					if (status === 201) tracking.created.add(context.name);
				}
			}
		]
	});
	// Every response's latency with its time in the run: the first seconds, while 100 new
	// connections open at once, are slower than the rest (see `steady` below).
	const started = Date.now();
	/** @type {[number, number][]} */
	const samples = [];
	instance.on(
		'response',
		(
			/** @type {any} */ _client,
			/** @type {number} */ _status,
			/** @type {number} */ _bytes,
			/** @type {number} */ ms
		) => samples.push([Date.now() - started, ms])
	);
	const result = await instance;
	const steadyMs = samples
		.filter(([t]) => t >= steadyAfterSeconds * 1000)
		.map(([, ms]) => ms)
		.sort((a, b) => a - b);
	const at = (/** @type {number} */ p) =>
		steadyMs.length ? Math.round(steadyMs[Math.floor((steadyMs.length - 1) * p)] * 10) / 10 : NaN;
	const wallSeconds = Number(process.hrtime.bigint() - wall) / 1e9;
	const serverCpuAfter = cpuSeconds(pid);
	const own = process.cpuUsage(ownCpu);
	const machineAfter = cpuTimes();
	const busy = (machineAfter.all - machineAfter.idle - (machineCpu.all - machineCpu.idle)) / 1000;
	const serverUsed =
		serverCpu === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpu;
	const ownUsed = (own.user + own.system) / 1e6;
	const cores = (/** @type {number} */ cpu) => Math.round((cpu / wallSeconds) * 100) / 100;
	/** @type {Record<string, number>} */
	const statusCodes = {};
	for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
		statusCodes[code] = count;
	const ok = result['2xx'];
	const l = result.latency;
	return {
		seconds: result.duration,
		ok,
		perSecond: ok / result.duration,
		latencyMs: { p50: l.p50, p90: l.p90, p99: l.p99, mean: l.mean, max: l.max },
		steadyLatencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), samples: steadyMs.length },
		non2xx: result.non2xx,
		statusCodes,
		errors: result.errors,
		timeouts: result.timeouts,
		cpuCores: {
			server: serverUsed === null ? null : cores(serverUsed),
			loadGenerator: cores(ownUsed),
			// Everything else running on the machine meanwhile: other work disturbs the figures.
			others: serverUsed === null ? null : cores(Math.max(0, busy - serverUsed - ownUsed))
		}
	};
}

/** @returns {Tracking} */
const newTracking = () => ({ sent: new Set(), answered: new Set(), created: new Set() });

// 1. The server, a fresh database, an assignment and its answer set.
const dataDir = join(work, 'data');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const profDir = resolve('test-results/bench-server-prof');
if (cpuProf) mkdirSync(profDir, { recursive: true });
const server = child(
	[
		...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
		// As `npm start` runs it (scripts/start.js).
		'--max-semi-space-size=32',
		'scripts/serve.js'
	],
	{
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		BUILD_DIR: buildDir,
		RATE_LIMIT_SCALE: String(rateLimitScale)
	}
);
await waitFor(base, server);

/** @param {string} path @param {RequestInit} [init] */
async function call(path, init) {
	const res = await fetch(base + path, init);
	const text = await res.text();
	return { status: res.status, text };
}
const json = { 'content-type': 'application/json' };
const created = await call('/api/assignments', {
	method: 'POST',
	headers: json,
	body: JSON.stringify({ title: 'Bench', lessons: [lesson], attempts: 10 })
});
if (created.status !== 201) {
	await server.stop();
	fail(`Creating the assignment answered ${created.status}: ${created.text}\n${server.log()}`);
}
const { code } = JSON.parse(created.text);
const view = JSON.parse((await call(`/api/assignments/${code}?name=x`)).text);
const answersJson = JSON.stringify(answerAll(view));
const submitPath = `/api/assignments/${code}/submissions`;

// One submission by hand: it must work, and its receipt is what the bare server answers with.
const serverTracking = newTracking();
const sampleName = 's-0';
const sample = await call(submitPath, {
	method: 'POST',
	headers: json,
	body: `{"name":"${sampleName}","answers":${answersJson}}`
});
if (sample.status !== 201) {
	await server.stop();
	fail(`A submission answered ${sample.status}: ${sample.text}\n${server.log()}`);
}
for (const set of Object.values(serverTracking)) set.add(sampleName);
const requestBytes = Buffer.byteLength(`{"name":"s-10000","answers":${answersJson}}`);
const responseBytes = Buffer.byteLength(sample.text);

// 2. Warm-up, then the measured run.
console.log(
	`Server: ${view.questions.length} questions, ${requestBytes} B request, ${responseBytes} B response; ` +
		`warming up ${warmupSeconds} s, then ${seconds} s at ${connections} connections…`
);
if (warmupSeconds > 0)
	await hammer(base + submitPath, answersJson, warmupSeconds, serverTracking, server.proc.pid);
const createdBefore = serverTracking.created.size;
const serverLoad = await hammer(
	base + submitPath,
	answersJson,
	seconds,
	serverTracking,
	server.proc.pid
);
const serverCreated = serverTracking.created.size - createdBefore;
if (!(await server.stop()))
	fail(
		`The server exited during the run (code ${server.proc.exitCode}, signal ` +
			`${server.proc.signalCode}). Its last output:\n${server.log()}`
	);
if (serverLoad.errors || serverLoad.non2xx)
	console.warn(`Refusals or errors during the run. The server's last output:\n${server.log()}`);

// Every 201 must be one stored row, and nothing may be stored twice or for a refused request.
// A request still in flight when autocannon hung up may have been stored too: the server
// finished it, nobody read the answer. Those are counted apart.
const serverDb = new Database(join(dataDir, 'course.db'));
/** @type {Row[]} */
const storedRows = serverDb
	.prepare(
		`SELECT receipt, idempotency_key AS idempotencyKey, name, name_key AS nameKey, score,
		 max_score AS maxScore, answers, submitted_at AS submittedAt FROM submissions ORDER BY id`
	)
	.all()
	.map((/** @type {any} */ r) => ({ ...r, answers: JSON.parse(r.answers) }));
serverDb.close();
const storedNames = new Set(storedRows.map((r) => r.name));
const storedAnswered = storedRows.filter((r) => serverTracking.answered.has(r.name)).length;
const storedInFlight = storedRows.filter(
	(r) => serverTracking.sent.has(r.name) && !serverTracking.answered.has(r.name)
).length;
const storedUnknown = storedRows.length - storedAnswered - storedInFlight;
const missing = [...serverTracking.created].filter((n) => !storedNames.has(n)).length;
const refusedButStored = storedRows.filter(
	(r) => serverTracking.answered.has(r.name) && !serverTracking.created.has(r.name)
).length;
const verification = {
	responses201: serverTracking.created.size,
	storedRows: storedRows.length,
	storedForAnsweredRequests: storedAnswered,
	storedForRequestsInFlightAtStop: storedInFlight,
	requestsInFlightAtStop: serverTracking.sent.size - serverTracking.answered.size,
	missing201Rows: missing,
	storedForRefusedRequests: refusedButStored,
	storedUnknownNames: storedUnknown,
	storedNamesDistinct: storedNames.size === storedRows.length
};
const verified =
	storedAnswered === serverTracking.created.size &&
	missing === 0 &&
	refusedButStored === 0 &&
	storedUnknown === 0 &&
	verification.storedNamesDistinct;

// 3a. The same rows, stored by a bare better-sqlite3 loop: the pragmas and statements are read
// from the server's own source (src/lib/server/db/sqlite.ts and the `sql:` strings of
// migrations.ts), so the ceiling follows any change there.
const sqliteSource = readFileSync('src/lib/server/db/sqlite.ts', 'utf8');
const migrationSource = readFileSync('src/lib/server/db/migrations.ts', 'utf8');
const pragmas = [...sqliteSource.matchAll(/db\.pragma\('([^']+)'\)/g)].map((m) => m[1]);
const migrationSql = [...migrationSource.matchAll(/sql:\s*`([^`]*)`/g)].map((m) => m[1]);
const insertSql = /insertSubmission:\s*db\.prepare\(\s*`([^`]+)`/.exec(sqliteSource)?.[1];
const attemptsSql = /attempts:\s*db\s*\.prepare(?:<[^>]*>)?\(\s*'([^']+)'/.exec(sqliteSource)?.[1];
if (!pragmas.length || !migrationSql.length || !insertSql || !attemptsSql)
	fail(
		'Could not read the pragmas, the migration SQL or the submission statements from ' +
			'src/lib/server/db/sqlite.ts and migrations.ts: update the patterns in scripts/bench-server.js.'
	);

const bare = new Database(join(work, 'bare.db'));
for (const p of pragmas) bare.pragma(p);
for (const sql of migrationSql) bare.exec(sql);
const assignmentId = Number(
	bare
		.prepare(
			`INSERT INTO assignments (code, token_hash, title, settings, own_questions, created_at)
			 VALUES (?, ?, ?, ?, ?, ?)`
		)
		.run('BENCH1', randomBytes(32), 'Bench', '{}', '[]', new Date().toISOString()).lastInsertRowid
);
const insert = bare.prepare(insertSql);
const attempts = bare.prepare(attemptsSql).pluck();
// As the server's transaction: count the name's attempts, insert with the answers as JSON.
const store = bare.transaction((/** @type {Row} */ s) => {
	const used = /** @type {number} */ (attempts.get(assignmentId, s.nameKey) ?? 0);
	if (used >= 10) throw new Error(`${s.name}: no attempts left`); // the assignment's attempts
	insert.run({ ...s, assignmentId, attempt: used + 1, answers: JSON.stringify(s.answers) });
});
console.log(`Bare SQLite: storing the same ${storedRows.length} rows, one transaction each…`);
let inserted = 0;
const insertStart = process.hrtime.bigint();
const insertCap = insertStart + BigInt(insertCapSeconds * 1e9);
for (const row of storedRows) {
	store(row);
	inserted++;
	if ((inserted & 255) === 0 && process.hrtime.bigint() > insertCap) break;
}
const insertSeconds = Number(process.hrtime.bigint() - insertStart) / 1e9;
bare.close();
const sqliteCeiling = {
	rows: inserted,
	seconds: insertSeconds,
	rowsPerSecond: inserted / insertSeconds,
	pragmas,
	transaction: 'attempt count + insert, answers JSON.stringify-ed, as src/lib/server/db/sqlite.ts'
};

// 3b. A bare node:http server answering every POST with the server's receipt, once read.
const bodyFile = join(work, 'receipt.json');
writeFileSync(bodyFile, sample.text);
const barePort = await freePort();
const bareHttp = child(
	[
		'-e',
		`const http = require('node:http');
const body = require('node:fs').readFileSync(process.env.BODY_FILE);
http.createServer((req, res) => {
	req.on('data', () => {});
	req.on('end', () => {
		res.writeHead(201, { 'content-type': 'application/json', 'content-length': body.length, 'cache-control': 'no-store' });
		res.end(body);
	});
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));`
	],
	{ PORT: String(barePort), BODY_FILE: bodyFile }
);
const bareBase = `http://127.0.0.1:${barePort}`;
await waitFor(bareBase, bareHttp);
console.log(`Bare node:http: warming up ${warmupSeconds} s, then ${seconds} s…`);
const bareTracking = newTracking();
if (warmupSeconds > 0)
	await hammer(bareBase + submitPath, answersJson, warmupSeconds, bareTracking, bareHttp.proc.pid);
const bareLoad = await hammer(
	bareBase + submitPath,
	answersJson,
	seconds,
	bareTracking,
	bareHttp.proc.pid
);
await bareHttp.stop();

// 4. The figures.
const cpus = os.cpus();
const percent = (/** @type {number} */ a, /** @type {number} */ b) =>
	Math.round((a / b) * 1000) / 10;
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
		namesPerRequest: 'one new name per request (s-<n>): attempts are counted per name',
		rateLimitScale,
		buildDir,
		lesson,
		questions: view.questions.length,
		requestBytes,
		responseBytes,
		sqliteInsertCapSeconds: insertCapSeconds
	},
	server: {
		submissionsPerSecond: serverCreated / serverLoad.seconds,
		responses201: serverCreated,
		...serverLoad
	},
	verification: { ok: verified, ...verification },
	ceilings: { sqliteInsertLoop: sqliteCeiling, bareNodeHttp: bareLoad },
	ratios: {
		serverOfSqliteInsertLoopPercent: percent(
			serverCreated / serverLoad.seconds,
			sqliteCeiling.rowsPerSecond
		),
		serverOfBareNodeHttpPercent: percent(serverCreated / serverLoad.seconds, bareLoad.perSecond)
	},
	target: {
		...target,
		met:
			serverCreated / serverLoad.seconds >= target.submissionsPerSecond &&
			serverLoad.latencyMs.p99 < target.p99Ms
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
		`${view.questions.length} questions per submission.`
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
/** @param {string} what @param {number} rate @param {Load | null} load */
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
row('server: submissions stored (201)', figures.server.submissionsPerSecond, serverLoad);
row('ceiling: bare SQLite insert loop', sqliteCeiling.rowsPerSecond, null);
row('ceiling: bare node:http (same POST)', bareLoad.perSecond, bareLoad);
console.log();
console.log(
	`server ÷ bare SQLite insert loop: ${figures.ratios.serverOfSqliteInsertLoopPercent}%   ` +
		`server ÷ bare node:http: ${figures.ratios.serverOfBareNodeHttpPercent}%`
);
/** @param {Load} load */
const cpu = (load) =>
	`${load.cpuCores.server ?? '?'} server + ${load.cpuCores.loadGenerator} autocannon + ` +
	`${load.cpuCores.others ?? '?'} other processes`;
const steady = serverLoad.steadyLatencyMs;
console.log(
	`server after the first ${steadyAfterSeconds} s (all ${connections} connections open, ` +
		`${n(steady.samples)} responses): p50 ${steady.p50} ms, p90 ${steady.p90} ms, p99 ${steady.p99} ms`
);
console.log(`CPU used (cores of ${machine.cpus}), server run: ${cpu(serverLoad)}`);
console.log(`CPU used (cores of ${machine.cpus}), bare node:http run: ${cpu(bareLoad)}`);
console.log(
	`target ≥ ${n(target.submissionsPerSecond)} submissions/s with p99 < ${target.p99Ms} ms: ` +
		(figures.target.met ? 'met' : 'NOT met')
);
// Closed loop: every connection waits for its answer, so the mean latency is connections ÷
// throughput (Little's law) whatever the server does with its time.
console.log(
	`Closed loop at ${connections} connections: mean latency = ${connections} ÷ throughput ` +
		`(${n(serverLoad.latencyMs.mean, 1)} ms measured, ` +
		`${n((connections / figures.server.submissionsPerSecond) * 1000, 1)} ms expected); ` +
		`p99 under ${target.p99Ms} ms needs well over ${n((connections / target.p99Ms) * 1000)}/s.`
);
console.log(
	`stored rows ${n(verification.storedRows)} = ${n(verification.responses201)} answered 201 ` +
		`(sample, warm-up and run) + ${n(storedInFlight)} in flight when autocannon stopped ` +
		`(of ${n(verification.requestsInFlightAtStop)}): ${verified ? 'match' : 'MISMATCH'}`
);
console.log('Figures written to test-results/bench-server.json');
if (cpuProf) console.log(`Server CPU profile in ${profDir}`);
if (!verified) {
	console.error('The stored submissions do not match the 201 responses:', verification);
	process.exit(1);
}
if (serverLoad.errors || serverLoad.non2xx) {
	console.error(
		'Some requests of the run failed or were refused: these figures are not a measurement.'
	);
	process.exit(1);
}
