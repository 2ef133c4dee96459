// Durability: a server killed with SIGKILL in the middle of a stream of submissions loses none
// that it answered 201 for, and its database opens again undamaged. On PostgreSQL (the API tests'
// second run) another process on the same database serves on and holds every one of them.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { bankQuestion, rightResponse } from '../support/bank';
import { openDatabaseProbe } from '../support/db-counts';
import { startServer, type RunningServer } from '../support/server-process';
import { allSubmissions, create, request, sleep, submit, type Receipt } from './helpers';

const q = bankQuestion('rc-single-who-invited');
const databaseUrl = inject('databaseUrl');
const env = { RATE_LIMIT_SCALE: '50', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
const running: RunningServer[] = [];

afterAll(async () => {
	await Promise.all(running.map((s) => s.stop()));
});

describe('a crash mid-stream', () => {
	it('keeps every submission it answered 201 for, after SIGKILL and a restart', async () => {
		const first = await startServer({ env });
		running.push(first);
		// PostgreSQL: a second process on the database, up before the crash and after it.
		const other = databaseUrl ? await startServer({ env }) : undefined;
		if (other) running.push(other);
		const { code, teacherToken } = await create(
			{ title: 'Crash', questionIds: [q.id], attempts: 10, maxStudents: 1000 },
			first.baseUrl
		);

		const acknowledged: { receipt: string; name: string; attempt: number; score: number }[] = [];
		let failures = 0;
		let killed = false;
		let firstAck: () => void = () => {};
		const acked = new Promise<void>((r) => (firstAck = r));

		/** One client: submits one after another under names of its own until the server is gone. */
		async function worker(w: number) {
			for (let i = 0; ; i++) {
				const name = `Worker ${w} student ${i}`;
				try {
					const r = await submit(
						code,
						{ name, answers: { [q.id]: rightResponse(q) } },
						{},
						first.baseUrl
					);
					if (r.status === 201) {
						acknowledged.push({
							receipt: r.json.receipt,
							name,
							attempt: r.json.attempt,
							score: r.json.score
						});
						firstAck();
					} else throw new Error(`${r.status}: ${r.text}`);
				} catch (e) {
					// The connection dies with the server: that request may or may not have been stored.
					if (!killed) throw e;
					failures++;
					return;
				}
			}
		}

		const workers = Array.from({ length: 8 }, (_, w) => worker(w));
		await acked;
		// Mid-stream: a few hundred milliseconds and at least a dozen acknowledged (a loaded
		// machine, or PostgreSQL's round trips, can make that take longer).
		await sleep(400);
		for (let i = 0; i < 100 && acknowledged.length <= 12; i++) await sleep(100);
		const exit = new Promise((r) => first.process.once('exit', r));
		killed = true;
		first.process.kill('SIGKILL');
		await exit;
		await Promise.all(workers);

		expect(first.process.signalCode).toBe('SIGKILL');
		expect(acknowledged.length, 'submissions acknowledged before the kill').toBeGreaterThan(10);
		// Each answered right, in the ids its student was shown.
		expect(acknowledged.filter((a) => a.score !== 1)).toEqual([]);
		expect(failures, 'requests in flight when the server died').toBeGreaterThan(0);

		// The other process (PostgreSQL), or a new one on the same data folder (SQLite).
		const second = other ?? (await startServer({ env, dataDir: first.dataDir }));
		if (!other) running.push(second);

		// Every page of the list (it holds at most 200 a page), which must add up to its total.
		const { submissions, last } = await allSubmissions(code, teacherToken, second.baseUrl);
		expect(last.json.summary.submissions).toBe(submissions.length);
		const stored = new Set(submissions.map((s) => `${s.name}#${s.attempt}`));
		expect(stored.size, 'a submission listed twice').toBe(submissions.length);
		const lost = acknowledged.filter((a) => !stored.has(`${a.name}#${a.attempt}`));
		expect(lost, 'acknowledged but lost').toEqual([]);
		// Nothing beyond what was sent: at most the requests cut off in flight were stored unacknowledged.
		expect(submissions.length).toBeGreaterThanOrEqual(acknowledged.length);
		expect(submissions.length).toBeLessThanOrEqual(acknowledged.length + failures);
		expect(submissions.every((s) => /^Worker \d student \d+$/.test(s.name))).toBe(true);

		// Each receipt reads back as its student's.
		for (const a of acknowledged) {
			const back = await request<Receipt>(
				`/api/assignments/${code}/submissions/${a.receipt}`,
				{},
				second.baseUrl
			);
			expect([back.status, back.json.name]).toEqual([200, a.name]);
		}

		// Still writable, and SQLite finds the file sound.
		const more = await submit(code, { name: 'After the crash', answers: {} }, {}, second.baseUrl);
		expect(more.status).toBe(201);
		const after = await allSubmissions(code, teacherToken, second.baseUrl);
		expect(after.submissions.length).toBe(submissions.length + 1);
		if (databaseUrl) return;
		const db = openDatabaseProbe(second.dataDir);
		try {
			expect(await db.integrityCheck()).toEqual(['ok']);
			expect((await db.counts()).submissions).toBe(submissions.length + 1);
		} finally {
			await db.close();
		}
	});
});
