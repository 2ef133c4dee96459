// Durability: a server killed with SIGKILL in the middle of a stream of submissions loses none
// that it answered 201 for, and its database opens again undamaged.
import { afterAll, describe, expect, it } from 'vitest';
import { bankQuestion, rightResponse } from '../support/bank';
import { openDatabaseProbe } from '../support/db-counts';
import { startServer, type RunningServer } from '../support/server-process';
import { create, request, results, sleep, submit, type Receipt } from './helpers';

const q = bankQuestion('rc-single-who-invited');
const env = { RATE_LIMIT_SCALE: '50' };
const running: RunningServer[] = [];

afterAll(async () => {
	await Promise.all(running.map((s) => s.stop()));
});

describe('a crash mid-stream', () => {
	it('keeps every submission it answered 201 for, after SIGKILL and a restart', async () => {
		const first = await startServer({ env });
		running.push(first);
		const { code, teacherToken } = await create(
			{ title: 'Crash', questionIds: [q.id], attempts: 10 },
			first.baseUrl
		);

		const acknowledged: { receipt: string; name: string; attempt: number }[] = [];
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
						acknowledged.push({ receipt: r.json.receipt, name, attempt: r.json.attempt });
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
		await sleep(400);
		const exit = new Promise((r) => first.process.once('exit', r));
		killed = true;
		first.process.kill('SIGKILL');
		await exit;
		await Promise.all(workers);

		expect(first.process.signalCode).toBe('SIGKILL');
		expect(acknowledged.length, 'submissions acknowledged before the kill').toBeGreaterThan(10);
		expect(failures, 'requests in flight when the server died').toBeGreaterThan(0);

		// The same data folder, a new process.
		const second = await startServer({ env, dataDir: first.dataDir });
		running.push(second);

		const r = await results(code, teacherToken, second.baseUrl);
		expect(r.status, r.text).toBe(200);
		const stored = new Set(r.json.submissions.map((s) => `${s.name}#${s.attempt}`));
		const lost = acknowledged.filter((a) => !stored.has(`${a.name}#${a.attempt}`));
		expect(lost, 'acknowledged but lost').toEqual([]);
		// Nothing beyond what was sent: at most the requests cut off in flight were stored unacknowledged.
		expect(r.json.submissions.length).toBeGreaterThanOrEqual(acknowledged.length);
		expect(r.json.submissions.length).toBeLessThanOrEqual(acknowledged.length + failures);
		expect(r.json.submissions.every((s) => /^Worker \d student \d+$/.test(s.name))).toBe(true);

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
		const db = openDatabaseProbe(second.dataDir);
		try {
			expect(db.integrityCheck()).toEqual(['ok']);
			expect(db.counts().submissions).toBe(r.json.submissions.length + 1);
		} finally {
			db.close();
		}
	});
});
