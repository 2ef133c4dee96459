import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

async function waitUntilUp(url: string, server: ChildProcess, output: () => string): Promise<void> {
	for (let i = 0; i < 150; i++) {
		if (server.exitCode !== null)
			throw new Error(`The server exited (${server.exitCode}):\n${output()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`The server did not answer at ${url} within 15 s:\n${output()}`);
}

/** Starts `node build` for the browser tests and stops it afterwards. */
export default async function setup(project: TestProject) {
	if (!existsSync('build/handler.js'))
		throw new Error('No production build: run `npm run build` first.');
	const port = await freePort();
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATA_DIR: mkdtempSync(join(tmpdir(), 'course-e2e-data-'))
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	server.stdout?.on('data', (d) => (log += d));
	server.stderr?.on('data', (d) => (log += d));
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitUntilUp(`${baseUrl}/`, server, () => log);
	project.provide('baseUrl', baseUrl);
	return () => {
		server.kill('SIGTERM');
	};
}
