import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeError, StoreUnavailable } from '$lib/server/db/errors';
import { migrations } from '$lib/server/db/migrations';
import { openSqlite } from '$lib/server/db/sqlite';
import type { NewAssignment, NewSubmission } from '$lib/server/db/types';
import { discriminationFromSums, discriminationIndex } from '$lib/server/item-analysis';

const assignment = (code: string): NewAssignment => ({
	code,
	tokenHash: Buffer.from(code.padEnd(32, '.')),
	title: `Assignment ${code}`,
	settings: { questionIds: ['q1'], count: null, shuffle: true, attempts: 2, reveal: 'never' },
	ownQuestions: [],
	dueAt: null,
	createdAt: '2026-11-29T12:00:00.000Z'
});

const submission = (assignmentId: number, over: Partial<NewSubmission> = {}): NewSubmission => ({
	assignmentId,
	receipt: `r-${Math.random()}`,
	idempotencyKey: null,
	name: 'Ann',
	nameKey: 'ann',
	score: 1,
	maxScore: 1,
	answers: { q1: { score: 1, response: { type: 'single', choice: 'a' } } },
	submittedAt: '2026-11-29T12:01:00.000Z',
	maxAttempts: 2,
	maxStudents: 200,
	wrong: [],
	...over
});

const file = () => join(mkdtempSync(join(tmpdir(), 'store-test-')), 'course.db');

describe('the SQLite store', () => {
	it('creates the schema on first open, at the newest migration, in WAL mode', async () => {
		const path = file();
		openSqlite(path).close();
		const raw = new Database(path);
		expect(raw.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
		expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
		raw.close();
	});

	it('refuses a database from a newer build, saying so', async () => {
		const path = file();
		openSqlite(path).close();
		const raw = new Database(path);
		raw.pragma('user_version = 99');
		raw.close();
		expect(() => openSqlite(path)).toThrow(/schema version 99, newer than this build knows/);
	});

	it('refuses a second assignment with the same code, storing nothing', async () => {
		const store = openSqlite(file());
		expect(await store.createAssignment(assignment('AAAAAA'))).toBeTypeOf('number');
		expect(await store.createAssignment(assignment('AAAAAA'))).toBeNull();
		expect(store.counts().assignments).toBe(1);
		store.close();
	});

	it('counts attempts per name and stops at the limit', async () => {
		const store = openSqlite(file());
		const id = (await store.createAssignment(assignment('CCCCCC')))!;
		expect(await store.submit(submission(id))).toMatchObject({
			kind: 'stored',
			submission: { attempt: 1 }
		});
		expect(await store.submit(submission(id))).toMatchObject({
			kind: 'stored',
			submission: { attempt: 2 }
		});
		expect(await store.submit(submission(id))).toEqual({ kind: 'no-attempts', used: 2 });
		expect(await store.submit(submission(id, { nameKey: 'bo' }))).toMatchObject({ kind: 'stored' });
		expect(store.counts().submissions).toBe(3);
		store.close();
	});

	it('stores a retried submission once (same idempotency key)', async () => {
		const store = openSqlite(file());
		const id = (await store.createAssignment(assignment('DDDDDD')))!;
		const first = await store.submit(
			submission(id, { idempotencyKey: 'key-12345', receipt: 'one' })
		);
		const again = await store.submit(
			submission(id, { idempotencyKey: 'key-12345', receipt: 'two' })
		);
		expect(first.kind).toBe('stored');
		expect(again).toMatchObject({ kind: 'replayed', submission: { receipt: 'one' } });
		expect(store.counts().submissions).toBe(1);
		store.close();
	});

	it('sees a close or a delete made through another connection, despite its cache', async () => {
		const path = file();
		const a = openSqlite(path);
		const b = openSqlite(path);
		const id = (await a.createAssignment(assignment('EEEEEE')))!;
		expect(a.assignmentByCode('EEEEEE')?.closedAt).toBeNull();
		await b.setClosed(id, '2026-11-29T13:00:00.000Z');
		expect(a.assignmentByCode('EEEEEE')?.closedAt).toBe('2026-11-29T13:00:00.000Z');
		await b.deleteAssignment(id);
		expect(a.assignmentByCode('EEEEEE')).toBeUndefined();
		a.close();
		b.close();
	});

	it('never serves a deleted assignment from its cache, even when a new one reuses its id and code', async () => {
		const path = file();
		const reader = openSqlite(path);
		const writer = openSqlite(path);
		const first = (await writer.createAssignment(assignment('HHHHHH')))!;
		expect(reader.assignmentByCode('HHHHHH')?.title).toBe('Assignment HHHHHH');
		await writer.deleteAssignment(first);
		const second = (await writer.createAssignment({
			...assignment('HHHHHH'),
			title: 'A new one',
			tokenHash: Buffer.from('x'.repeat(32))
		}))!;
		expect(second).toBe(first);
		expect(reader.assignmentByCode('HHHHHH')?.title).toBe('A new one');
		reader.close();
		writer.close();
	});

	it('deletes an assignment with all its submissions, and nothing else', async () => {
		const store = openSqlite(file());
		const keep = (await store.createAssignment(assignment('FFFFFF')))!;
		const gone = (await store.createAssignment(assignment('GGGGGG')))!;
		await store.submit(submission(keep));
		await store.submit(submission(gone));
		await store.submit(submission(gone, { nameKey: 'bo' }));
		await store.deleteAssignment(gone);
		expect(store.counts()).toEqual({ assignments: 1, submissions: 1 });
		expect(store.submissions(keep)).toHaveLength(1);
		store.close();
	});

	it('issue 10.5: caps the students (names) per assignment, inside the transaction', async () => {
		const store = openSqlite(file());
		const id = (await store.createAssignment(assignment('JJJJJJ')))!;
		const cap = { maxStudents: 2 };
		expect((await store.submit(submission(id, { ...cap, nameKey: 'a' }))).kind).toBe('stored');
		expect((await store.submit(submission(id, { ...cap, nameKey: 'b' }))).kind).toBe('stored');
		expect(await store.submit(submission(id, { ...cap, nameKey: 'c' }))).toEqual({
			kind: 'full',
			students: 2
		});
		// A student already in gets their next attempt.
		expect((await store.submit(submission(id, { ...cap, nameKey: 'a' }))).kind).toBe('stored');
		expect(store.summary(id)).toMatchObject({ submissions: 3, students: 2 });
		store.close();
	});

	it('issue 10.5: deletes one submission; the student gets the attempt back, numbers stay unique', async () => {
		const store = openSqlite(file());
		const id = (await store.createAssignment(assignment('KKKKKK')))!;
		const one = await store.submit(submission(id));
		await store.submit(submission(id));
		if (one.kind !== 'stored') throw new Error('not stored');
		expect(await store.deleteSubmission(id, one.submission.id)).toBe(true);
		expect(await store.deleteSubmission(id, one.submission.id)).toBe(false);
		expect(store.attemptsUsed(id, 'ann')).toBe(1);
		const again = await store.submit(submission(id));
		expect(again).toMatchObject({ kind: 'stored', submission: { attempt: 3 } });
		expect(store.submissionsPage(id, 0, 10).map((x) => x.attempt)).toEqual([2, 3]);
		store.close();
	});

	it('issue 10.5: aggregates in SQL what the JavaScript item analysis computes', async () => {
		const store = openSqlite(file());
		const id = (await store.createAssignment(assignment('LLLLLL')))!;
		const scores = [
			[1, 0, 1],
			[0, 0, 1],
			[1, 1, 1],
			[0.5, 0, 0],
			[1, 1, 0]
		];
		for (const [i, row] of scores.entries()) {
			const answers = Object.fromEntries(
				row.map((x, q) => [`q${q}`, { score: x, response: null }])
			);
			await store.submit(
				submission(id, {
					nameKey: `s${i}`,
					name: `S${i}`,
					answers,
					score: row.reduce((t, x) => t + x, 0),
					maxScore: 3,
					wrong: row.flatMap((x, q) =>
						x < 1 ? [{ questionId: `q${q}`, key: 'k', label: 'K' }] : []
					)
				})
			);
		}
		const sums = store.itemSums(id);
		for (let q = 0; q < 3; q++) {
			const item = scores.map((r) => r[q]);
			const totals = scores.map((r) => r.reduce((t, x) => t + x, 0));
			const s = sums.find((x) => x.questionId === `q${q}`)!;
			expect(s.n).toBe(5);
			expect(s.sx / s.n).toBeCloseTo(item.reduce((t, x) => t + x, 0) / 5);
			expect(discriminationFromSums(s)).toBe(discriminationIndex(item, totals));
		}
		expect(store.wrongCounts(id).find((w) => w.questionId === 'q1')).toEqual({
			questionId: 'q1',
			label: 'K',
			count: 3
		});
		expect(store.latestScores(id)).toHaveLength(15);
		store.close();
	});

	it('issue 10.2: keeps one answer-order secret, the same for every connection', async () => {
		const path = file();
		const a = openSqlite(path);
		const b = openSqlite(path);
		expect(a.secret('answer-order')).toHaveLength(32);
		expect(a.secret('answer-order').equals(b.secret('answer-order'))).toBe(true);
		a.close();
		b.close();
	});
});

describe('issue 10.3: database errors that are not the request’s fault', () => {
	it('maps a real read-only and a real busy error to 503, a full disk to 507', async () => {
		const path = file();
		openSqlite(path).close();
		const readonly = new Database(path, { readonly: true });
		let caught: unknown;
		try {
			readonly.prepare("INSERT INTO secrets (name, value) VALUES ('x', x'00')").run();
		} catch (e) {
			caught = e;
		}
		readonly.close();
		const ro = storeError(caught);
		expect(ro).toBeInstanceOf(StoreUnavailable);
		expect(ro).toMatchObject({ status: 503, message: expect.stringMatching(/cannot write/) });
		expect(storeError(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }))).toMatchObject({
			status: 507,
			message: expect.stringMatching(/disk is full/)
		});
		expect(storeError(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toMatchObject({
			status: 503,
			retryAfter: 2
		});
		const other = new Error('a bug');
		expect(storeError(other)).toBe(other);
	});

	it('a write waits for another connection’s lock without blocking, then answers 503', async () => {
		const path = file();
		const store = openSqlite(path);
		const holder = new Database(path);
		holder.exec('BEGIN EXCLUSIVE');
		let ticks = 0;
		const timer = setInterval(() => ticks++, 10);
		await expect(store.createAssignment(assignment('MMMMMM'))).rejects.toMatchObject({
			status: 503
		});
		clearInterval(timer);
		// The event loop ran while the write waited: other requests would have been served.
		expect(ticks).toBeGreaterThan(50);
		holder.exec('COMMIT');
		holder.close();
		expect(await store.createAssignment(assignment('MMMMMM'))).toBeTypeOf('number');
		store.close();
	});
});
