// Starts the production server (`node scripts/serve.js` over the build) on a free loopback port,
// for tests that need a real process: the browser tests, the API tests, the crash test.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the server runs from there, whatever the caller's working directory. */
const root = fileURLToPath(new URL('../..', import.meta.url));

export interface StartOptions {
	/**
	 * Variables on top of this process's environment. A value of `undefined` removes the variable
	 * (e.g. `{ RATE_LIMIT_SCALE: undefined }` for the default rate limits). ORIGIN is set to the
	 * server's own address unless this names ORIGIN or PROTOCOL_HEADER.
	 */
	env?: Record<string, string | undefined>;
	/** The database folder; a fresh temporary folder when not given. Pass one to restart on it. */
	dataDir?: string;
	/** How long to wait for `GET /` to answer (default 30 s). */
	timeoutMs?: number;
}

export interface RunningServer {
	/** `http://127.0.0.1:<port>`, without a trailing slash. */
	baseUrl: string;
	dataDir: string;
	process: ChildProcess;
	/** Sends the signal (SIGTERM unless given) and resolves once the process has exited. */
	stop(signal?: NodeJS.Signals): Promise<void>;
	/** Everything the server printed so far, stdout and stderr interleaved. */
	log(): string;
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolvePort(port));
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((r) => child.once('exit', () => r()));
}

/** Resolves once `GET <url>` answers 2xx; rejects if the process exits or time runs out. */
async function waitUntilUp(
	url: string,
	child: ChildProcess,
	output: () => string,
	timeoutMs: number
): Promise<void> {
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

async function startOnce(options: StartOptions): Promise<RunningServer> {
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'course-data-'));
	const extra = options.env ?? {};
	const env: Record<string, string | undefined> = { ...process.env };
	if (!('ORIGIN' in extra) && !('PROTOCOL_HEADER' in extra)) env.ORIGIN = baseUrl;
	Object.assign(env, extra, { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir });
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

	const buildDir = resolve(root, env.BUILD_DIR ?? 'build');
	if (!existsSync(join(buildDir, 'handler.js')))
		throw new Error(`No production build in ${buildDir}: run \`npm run build\` first.`);

	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const append = (d: Buffer) => {
		// Keep the end: a long-running server's first lines matter less than its last.
		output = (output + d.toString('utf8')).slice(-200_000);
	};
	child.stdout?.on('data', append);
	child.stderr?.on('data', append);
	child.once('error', (e) => append(Buffer.from(`\n[spawn error] ${e.message}\n`)));
	const log = () => output;

	const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
		const done = exited(child);
		child.kill(signal);
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await done;
		clearTimeout(timer);
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
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	// Another process can take the free port between the probe and the listen: try again then.
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOnce(options);
		} catch (e) {
			if (attempt >= 3 || !String((e as Error).message).includes('EADDRINUSE')) throw e;
		}
	}
}
