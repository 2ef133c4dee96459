// Starts the production server (`node scripts/serve.js` over the build) on a free loopback port:
// the one way the tests, the browser tests and the benchmarks start it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the server runs from there, whatever the caller's working directory. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @typedef {object} StartOptions
 * @property {Record<string, string | undefined>} [env] Variables on top of this process's
 *   environment. A value of `undefined` removes the variable (e.g. `{ RATE_LIMIT_SCALE: undefined }`
 *   for the default rate limits). ORIGIN is set to the server's own address unless this names
 *   ORIGIN or PROTOCOL_HEADER.
 * @property {string} [dataDir] The database folder; a fresh temporary folder when not given. Pass
 *   one to restart on it.
 * @property {number} [timeoutMs] How long to wait for `GET /` to answer (default 30 s).
 * @property {string[]} [nodeArgs] Flags for node itself (e.g. `--cpu-prof`), before the script.
 * @property {number} [port] The port to listen on (a free one when not given): a restart on the
 *   same port keeps the same origin, as a new deploy behind the same address does.
 */

/**
 * @typedef {object} RunningServer
 * @property {string} baseUrl `http://127.0.0.1:<port>`, without a trailing slash.
 * @property {string} dataDir
 * @property {import('node:child_process').ChildProcess} process
 * @property {(signal?: NodeJS.Signals) => Promise<void>} stop Sends the signal (SIGTERM unless
 *   given) and resolves once the process has exited.
 * @property {() => string} log Everything the server printed so far, stdout and stderr interleaved.
 */

/** A TCP port free on loopback right now. @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
			probe.close(() => resolvePort(port));
		});
	});
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {import('node:child_process').ChildProcess} child @returns {Promise<void>} */
function exited(child) {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((r) => child.once('exit', () => r()));
}

/**
 * Resolves once `GET <url>` answers 2xx; rejects if the process exits or time runs out.
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => string} output
 * @param {number} timeoutMs
 */
async function waitUntilUp(url, child, output, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(
				`The server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`
			);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			await response.arrayBuffer();
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	throw new Error(`The server did not answer at ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/** @param {StartOptions} options @returns {Promise<RunningServer>} */
async function startOnce(options) {
	const port = options.port ?? (await freePort());
	const baseUrl = `http://127.0.0.1:${port}`;
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'course-data-'));
	const extra = options.env ?? {};
	/** @type {Record<string, string | undefined>} */
	const env = { ...process.env };
	if (!('ORIGIN' in extra) && !('PROTOCOL_HEADER' in extra)) env.ORIGIN = baseUrl;
	Object.assign(env, extra, { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir });
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

	const buildDir = resolve(root, env.BUILD_DIR ?? 'build');
	if (!existsSync(join(buildDir, 'handler.js')))
		throw new Error(`No production build in ${buildDir}: run \`npm run build\` first.`);

	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'scripts/serve.js'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Never leave a server behind, whatever ends the caller.
	const orphan = () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	};
	process.once('exit', orphan);
	let output = '';
	/** @param {Buffer} d */
	const append = (d) => {
		// Keep the end: a long-running server's first lines matter less than its last.
		output = (output + d.toString('utf8')).slice(-200_000);
	};
	child.stdout?.on('data', append);
	child.stderr?.on('data', append);
	child.once('error', (e) => append(Buffer.from(`\n[spawn error] ${e.message}\n`)));
	const log = () => output;

	/** @param {NodeJS.Signals} [signal] */
	const stop = async (signal = 'SIGTERM') => {
		const done = exited(child);
		child.kill(signal);
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await done;
		clearTimeout(timer);
		process.off('exit', orphan);
	};

	try {
		await waitUntilUp(`${baseUrl}/`, child, log, options.timeoutMs ?? 30_000);
	} catch (e) {
		await stop('SIGKILL');
		throw e;
	}
	return { baseUrl, dataDir, process: child, stop, log };
}

/**
 * Spawns `node scripts/serve.js` with HOST=127.0.0.1, a free PORT and DATA_DIR, and resolves
 * once `GET /` answers. Throws with the server's output if it exits first. BUILD_DIR passes
 * through from the environment (default build/).
 * @param {StartOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
	// Another process can take the free port between the probe and the listen: try again then.
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOnce(options);
		} catch (e) {
			if (attempt >= 3 || !String(/** @type {Error} */ (e).message).includes('EADDRINUSE')) throw e;
		}
	}
}
