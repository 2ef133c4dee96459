// Operations (issue 13): health and readiness, a drain on SIGTERM, WORKERS=N. On whichever
// database the run uses (SQLite, or PostgreSQL in the second run; /readyz with the database gone
// is in processes.test.ts).
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process';
import { freshDatabase, request, sleep } from './helpers';

const databaseUrl = inject('databaseUrl');
const running: RunningServer[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
	await Promise.all(running.map((s) => s.stop('SIGKILL')));
	for (const drop of drops) await drop();
});

/** A server's environment: on PostgreSQL, a database of its own (rate limits start at zero). */
async function envFor(): Promise<Record<string, string>> {
	if (!databaseUrl) return {};
	const database = await freshDatabase('ops');
	drops.push(database.drop);
	return { DATABASE_URL: database.url };
}

describe('health and readiness', () => {
	it('GET /healthz says the process is up; GET /readyz that the database answers', async () => {
		const health = await request('/healthz');
		expect([health.status, health.text]).toEqual([200, 'ok\n']);
		expect(health.headers.get('cache-control')).toBe('no-store');
		const ready = await request('/readyz');
		expect([ready.status, ready.text]).toEqual([
			200,
			`ready (${databaseUrl ? 'postgres' : 'sqlite'})\n`
		]);
	});
});

describe('SIGTERM', () => {
	it('stops accepting, answers the request in flight, then exits 0', async () => {
		const node = await startServer({ env: await envFor() });
		running.push(node);
		const { hostname, port } = new URL(node.baseUrl);
		const body = JSON.stringify({ title: 'In flight', lessons: ['reading-a-communique'] });
		// A create whose body is still arriving when the signal comes.
		const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
			const req = httpRequest(
				{
					host: hostname,
					port,
					method: 'POST',
					path: '/api/assignments',
					headers: {
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(body),
						origin: node.baseUrl
					}
				},
				(res) => {
					let text = '';
					res.on('data', (d) => (text += d));
					res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
				}
			);
			req.on('error', reject);
			req.write(body.slice(0, 10));
			setTimeout(() => req.end(body.slice(10)), 700);
		});
		await sleep(150);
		const exit = new Promise<number | null>((r) => node.process.once('exit', (code) => r(code)));
		node.process.kill('SIGTERM');
		await sleep(200);
		// No new connections once draining.
		await expect(fetch(`${node.baseUrl}/healthz`)).rejects.toThrow();
		const done = await answer;
		expect(done.status, done.text).toBe(201);
		expect(JSON.parse(done.text).code).toMatch(/^[A-Z0-9]{6}$/);
		expect(await exit).toBe(0);
	});
});

describe('WORKERS=2', () => {
	it('starts two server processes on one port, serves, and stops both on SIGTERM', async () => {
		const node = await startServer({ env: { ...(await envFor()), WORKERS: '2' } });
		running.push(node);
		const replies = await Promise.all(
			Array.from({ length: 20 }, () => request('/readyz', {}, node.baseUrl))
		);
		expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
		const log = node.log();
		expect(log).toMatch(/Started 2 server processes/);
		// The first worker up answers the start-up probe; the second follows.
		for (let i = 0; i < 100 && (node.log().match(/\(worker/g) ?? []).length < 2; i++)
			await sleep(100);
		expect(node.log().match(/Listening on .* \(worker \d+, pid \d+\)/g)).toHaveLength(2);
		const exit = new Promise<number | null>((r) => node.process.once('exit', (code) => r(code)));
		node.process.kill('SIGTERM');
		expect(await exit).toBe(0);
	});

	it('refuses a WORKERS that is not a whole number from 1 to 64', async () => {
		await expect(startServer({ env: { WORKERS: 'two' } })).rejects.toThrow(
			/WORKERS must be a whole number from 1 to 64, got "two"/
		);
	});
});
