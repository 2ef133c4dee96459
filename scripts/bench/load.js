// The load of scripts/bench-server.js: autocannon POSTing submissions, one request in flight on
// each connection, with the latencies, the status codes and the CPU each side used.
import autocannon from 'autocannon';
import { cpuSeconds, cpuTimes } from './processes.js';

/**
 * @typedef {{ p50: number, p90: number, p99: number, mean: number, max: number }} Latency
 * @typedef {{ seconds: number, ok: number, perSecond: number, latencyMs: Latency,
 *   steadyLatencyMs: { p50: number, p90: number, p99: number, samples: number },
 *   non2xx: number, statusCodes: Record<string, number>, errors: number, timeouts: number,
 *   cpuCores: { server: number | null, loadGenerator: number, others: number | null } }} Load
 * @typedef {{ sent: Set<string>, answered: Set<string>, created: Set<string>,
 *   refusals: Map<number, string> }} Tracking
 *   Idempotency keys sent, answered and answered 201; the first body of each refused status.
 */

/** @returns {Tracking} */
export const newTracking = () => ({
	sent: new Set(),
	answered: new Set(),
	created: new Set(),
	refusals: new Map()
});

/**
 * autocannon against one server: POSTs of the submissions `next` hands out, each with its own
 * Idempotency-Key, at `connections` connections (one request in flight on each). Records every
 * key sent, answered and answered 201.
 * @param {{ base: string, next: () => import('./students.js').Submission, seconds: number,
 *   connections: number, steadyAfterSeconds: number, tracking: Tracking,
 *   pid: number | undefined }} options pid: the server's, to measure the CPU it used
 * @returns {Promise<Load>}
 */
export async function hammer({
	base,
	next,
	seconds,
	connections,
	steadyAfterSeconds,
	tracking,
	pid
}) {
	const serverCpu = cpuSeconds(pid);
	const ownCpu = process.cpuUsage();
	const machineCpu = cpuTimes();
	const wall = process.hrtime.bigint();
	const instance = autocannon({
		url: base,
		method: 'POST',
		connections,
		pipelining: 1,
		duration: seconds,
		headers: { 'content-type': 'application/json' },
		requests: [
			{
				setupRequest: (/** @type {any} */ req, /** @type {any} */ context) => {
					const s = next();
					// One request in flight per connection: the context is this request's.
					context.key = s.key;
					tracking.sent.add(s.key);
					return {
						...req,
						path: s.path,
						headers: { ...req.headers, 'idempotency-key': s.key },
						body: s.body
					};
				},
				onResponse: (
					/** @type {number} */ status,
					/** @type {string} */ body,
					/** @type {any} */ context
				) => {
					tracking.answered.add(context.key);
					if (status === 201) tracking.created.add(context.key);
					else if (!tracking.refusals.has(status))
						tracking.refusals.set(status, String(body).slice(0, 500));
				}
			}
		]
	});
	// Every response's latency with its time in the run: the first seconds, while all the new
	// connections open at once, are slower than the rest (the steady state is reported apart).
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
