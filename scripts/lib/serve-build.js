// Starts the production build (scripts/serve.js over build/) on a free loopback port for a script, and stops it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

/** A TCP port free on loopback right now. @returns {Promise<number>} */
export async function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
			probe.close(() => resolve(port));
		});
	});
}

/** @returns {Promise<{ base: string, stop: () => void }>} */
export async function serveBuild() {
	if (!existsSync('build/handler.js'))
		throw new Error('No production build: run `npm run build` first.');
	const port = await freePort();
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		// A database of its own, so a measurement never writes to ./data.
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: mkdtempSync(join(tmpdir(), 'course-bench-data-'))
		},
		stdio: 'ignore'
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(base)).ok) return { base, stop: () => server.kill() };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	server.kill();
	throw new Error(`The build did not answer at ${base}`);
}
