// Processes and CPU time for scripts/bench-server.js: child node processes that never outlive the
// script, waiting for a server to answer, and how much CPU each side of a run used.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** @param {string} message @returns {never} */
export function fail(message) {
	console.error(message);
	process.exit(1);
}

/** All cores' time so far, in milliseconds: in total, and idle. */
export function cpuTimes() {
	return os.cpus().reduce(
		(t, { times }) => {
			const all = times.user + times.nice + times.sys + times.irq + times.idle;
			return { all: t.all + all, idle: t.idle + times.idle };
		},
		{ all: 0, idle: 0 }
	);
}

/**
 * The share of all cores' time spent busy over the next `ms` milliseconds, in percent.
 * @param {number} ms
 */
export async function busyShare(ms) {
	const a = cpuTimes();
	await new Promise((r) => setTimeout(r, ms));
	const b = cpuTimes();
	return Math.round((1 - (b.idle - a.idle) / (b.all - a.all)) * 100);
}

/**
 * CPU seconds a process has used so far, from /proc (Linux; null elsewhere). Clock ticks are
 * taken to be 100 a second, as on every common Linux build.
 * @param {number | undefined} pid
 */
export function cpuSeconds(pid) {
	if (pid === undefined) return null;
	/** @type {Map<number, { ppid: number, cpu: number }>} */
	const all = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
			all.set(Number(entry), {
				ppid: Number(fields[1]),
				cpu: (Number(fields[11]) + Number(fields[12])) / 100
			});
		} catch {
			// gone meanwhile
		}
	}
	if (!all.has(pid)) return null;
	// The process and its descendants (WORKERS=N: the cluster's workers).
	let total = 0;
	const queue = [pid];
	while (queue.length) {
		const p = /** @type {number} */ (queue.pop());
		total += all.get(p)?.cpu ?? 0;
		for (const [child, s] of all) if (s.ppid === p) queue.push(child);
	}
	return total;
}

/**
 * Runs a child node process, keeping the end of its output for error messages (and, with
 * `keepAll`, all of its standard output, for a child that reports in JSON).
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {{ keepAll?: boolean }} [options]
 */
export function child(args, env, { keepAll = false } = {}) {
	const proc = spawn(process.execPath, args, {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	let out = '';
	/** @param {Buffer} chunk */
	const keep = (chunk) => (log = (log + chunk.toString()).slice(-4000));
	proc.stdout.on('data', (/** @type {Buffer} */ chunk) => {
		keep(chunk);
		if (keepAll) out += chunk.toString();
	});
	proc.stderr.on('data', keep);
	/** @type {Promise<unknown>} */
	const exited = new Promise((done) => proc.once('exit', done));
	// Never leave a server behind, whatever ends this script.
	process.on('exit', () => {
		if (proc.exitCode === null && proc.signalCode === null) proc.kill();
	});
	return {
		proc,
		log: () => log,
		/** All of standard output (with `keepAll`). */
		output: () => out,
		exited,
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
export async function waitFor(url, proc) {
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
