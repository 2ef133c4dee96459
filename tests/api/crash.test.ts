// Durability: a server killed with SIGKILL in the middle of a stream of submissions loses none
// that it answered 201 for, and its database opens again undamaged.
import { afterAll, describe, expect, it } from 'vitest';
import { bankQuestion, rightResponse } from '../support/bank';
import { openDatabaseProbe } from '../support/db-counts';
import { startServer, type RunningServer } from '../support/server-process';
import { allSubmissions, create, request, sleep, submit, type Receipt } from './helpers';

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
		await sleep(400);
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

		// The same data folder, a new process.
		const second = await startServer({ env, dataDir: first.dataDir });
		running.push(second);

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
		const db = openDatabaseProbe(second.dataDir);
		try {
			expect(db.integrityCheck()).toEqual(['ok']);
			expect(db.counts().submissions).toBe(submissions.length + 1);
		} finally {
			db.close();
		}
	});
});
