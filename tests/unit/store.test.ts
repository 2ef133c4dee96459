// The store's contract: every test in `contract` runs against both back-ends, SQLite (a file
// per test) and PostgreSQL (a database per test on the server that tests/support/postgres-setup.ts
// provides). "Another connection" is a second store on the same database: another process.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { storeError, StoreUnavailable } from '$lib/server/db/errors';
import { sqliteMigrations } from '$lib/server/db/migrations';
import { openPostgres } from '$lib/server/db/postgres';
import { openSqlite } from '$lib/server/db/sqlite';
import type { NewAssignment, NewSubmission, Store } from '$lib/server/db/types';
import { discriminationFromSums, discriminationIndex } from '$lib/server/item-analysis';
import { createDatabase } from '../support/postgres-cluster.js';

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
	late: false,
	maxAttempts: 2,
	maxStudents: 200,
	wrong: [],
	...over
});

const file = () => join(mkdtempSync(join(tmpdir(), 'store-test-')), 'course.db');

/** One database of a back-end: `open()` makes a store on it (a second call: another process). */
interface Place {
	open(): Promise<Store>;
}

const dropLater: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const drop of dropLater) await drop().catch(() => {});
});

const backends: { name: string; place(): Promise<Place> }[] = [
	{
		name: 'SQLite',
		async place() {
			const path = file();
			return { open: async () => openSqlite(path) };
		}
	},
	{
		name: 'PostgreSQL',
		async place() {
			const server = inject('testDatabaseUrl');
			if (!server)
				throw new Error(
					'No PostgreSQL for the store tests: install Debian’s postgresql (npm test does, as root) or set TEST_DATABASE_URL'
				);
			const database = await createDatabase(server, 'store');
			dropLater.push(database.drop);
			return {
				async open() {
					const store = openPostgres(database.url, { max: 4 });
					await store.ready();
					return store;
				}
			};
		}
	}
];

/** Runs `fn` with `n` stores on one new database, closing them after. */
async function withStores(
	backend: (typeof backends)[number],
	n: number,
	fn: (...stores: Store[]) => Promise<void>
) {
	const place = await backend.place();
	const stores: Store[] = [];
	for (let i = 0; i < n; i++) stores.push(await place.open());
	try {
		await fn(...stores);
	} finally {
		for (const s of stores) await s.close();
	}
}

describe.each(backends)('the store on $name (contract)', (backend) => {
	const one = (fn: (store: Store) => Promise<void>) => () => withStores(backend, 1, fn);
	const two = (fn: (a: Store, b: Store) => Promise<void>) => () => withStores(backend, 2, fn);

	it(
		'refuses a second assignment with the same code, storing nothing',
		one(async (store) => {
			expect(await store.createAssignment(assignment('AAAAAA'))).toBeTypeOf('number');
			expect(await store.createAssignment(assignment('AAAAAA'))).toBeNull();
			expect((await store.counts()).assignments).toBe(1);
			expect(await store.ping()).toBeUndefined();
		})
	);

	it(
		'keeps an assignment whole: settings, own questions, token hash, dates',
		one(async (store) => {
			const made = { ...assignment('BBBBBB'), dueAt: '2027-01-01T00:00:00.000Z' };
			const id = (await store.createAssignment(made))!;
			const byCode = await store.assignmentByCode('BBBBBB');
			expect(byCode).toEqual({ ...made, id, closedAt: null, revision: 0 });
			expect(await store.assignmentByTokenHash(made.tokenHash)).toEqual(byCode);
			expect(await store.assignmentByCode('ZZZZZZ')).toBeUndefined();
		})
	);

	it(
		'counts attempts per name and stops at the limit',
		one(async (store) => {
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
			expect(await store.submit(submission(id, { nameKey: 'bo' }))).toMatchObject({
				kind: 'stored'
			});
			expect((await store.counts()).submissions).toBe(3);
			expect(await store.attemptsUsed(id, 'ann')).toBe(2);
		})
	);

	it(
		'stores a retried submission once (same idempotency key)',
		one(async (store) => {
			const id = (await store.createAssignment(assignment('DDDDDD')))!;
			const first = await store.submit(
				submission(id, { idempotencyKey: 'key-12345', receipt: 'one' })
			);
			const again = await store.submit(
				submission(id, { idempotencyKey: 'key-12345', receipt: 'two' })
			);
			expect(first.kind).toBe('stored');
			expect(again).toMatchObject({ kind: 'replayed', submission: { receipt: 'one' } });
			expect((await store.counts()).submissions).toBe(1);
			expect((await store.submissionByIdempotencyKey(id, 'key-12345'))?.receipt).toBe('one');
			expect((await store.submissionByReceipt(id, 'one'))?.answers).toEqual(submission(id).answers);
		})
	);

	it(
		'finds a submission by its id within its own assignment only',
		one(async (store) => {
			const id = (await store.createAssignment(assignment('IDIDID')))!;
			const other = (await store.createAssignment(assignment('OTHERR')))!;
			const stored = await store.submit(submission(id, { receipt: 'by-id' }));
			if (stored.kind !== 'stored') throw new Error(`not stored: ${stored.kind}`);
			const found = await store.submissionById(id, stored.submission.id);
			expect(found).toMatchObject({ receipt: 'by-id', attempt: 1 });
			expect(found?.answers).toEqual(submission(id).answers);
			expect(await store.submissionById(other, stored.submission.id)).toBeUndefined();
			expect(await store.submissionById(id, stored.submission.id + 1000)).toBeUndefined();
		})
	);

	it(
		'refuses a submission to a closed or deleted assignment inside the transaction',
		two(async (a, b) => {
			const id = (await a.createAssignment(assignment('PPPPPP')))!;
			await b.setClosed(id, '2026-11-29T13:00:00.000Z');
			expect(await a.submit(submission(id))).toEqual({ kind: 'closed' });
			await b.deleteAssignment(id);
			expect(await a.submit(submission(id))).toEqual({ kind: 'gone' });
			expect((await a.counts()).submissions).toBe(0);
		})
	);

	it(
		'sees a close or a delete made through another connection, despite its cache',
		two(async (a, b) => {
			const id = (await a.createAssignment(assignment('EEEEEE')))!;
			expect((await a.assignmentByCode('EEEEEE'))?.closedAt).toBeNull();
			await b.setClosed(id, '2026-11-29T13:00:00.000Z');
			expect((await a.assignmentByCode('EEEEEE'))?.closedAt).toBe('2026-11-29T13:00:00.000Z');
			await b.setClosed(id, null);
			expect((await a.assignmentByCode('EEEEEE'))?.closedAt).toBeNull();
			await b.deleteAssignment(id);
			expect(await a.assignmentByCode('EEEEEE')).toBeUndefined();
		})
	);

	it(
		'never serves a deleted assignment from its cache, even when a new one reuses its code',
		two(async (reader, writer) => {
			const first = (await writer.createAssignment(assignment('HHHHHH')))!;
			expect((await reader.assignmentByCode('HHHHHH'))?.title).toBe('Assignment HHHHHH');
			await writer.deleteAssignment(first);
			await writer.createAssignment({
				...assignment('HHHHHH'),
				title: 'A new one',
				tokenHash: Buffer.from('x'.repeat(32))
			});
			expect((await reader.assignmentByCode('HHHHHH'))?.title).toBe('A new one');
		})
	);

	it(
		'deletes an assignment with all its submissions, and nothing else',
		one(async (store) => {
			const keep = (await store.createAssignment(assignment('FFFFFF')))!;
			const gone = (await store.createAssignment(assignment('GGGGGG')))!;
			await store.submit(submission(keep));
			await store.submit(submission(gone));
			await store.submit(submission(gone, { nameKey: 'bo' }));
			await store.deleteAssignment(gone);
			expect(await store.counts()).toEqual({ assignments: 1, submissions: 1 });
			expect(await store.submissions(keep)).toHaveLength(1);
		})
	);

	it(
		'issue 10.5: caps the students (names) per assignment, inside the transaction',
		one(async (store) => {
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
			expect(await store.summary(id)).toMatchObject({ submissions: 3, students: 2 });
		})
	);

	it(
		'issue 10.5: deletes one submission; the student gets the attempt back, numbers stay unique',
		one(async (store) => {
			const id = (await store.createAssignment(assignment('KKKKKK')))!;
			const first = await store.submit(submission(id));
			await store.submit(submission(id));
			if (first.kind !== 'stored') throw new Error('not stored');
			expect(await store.deleteSubmission(id, first.submission.id)).toBe(true);
			expect(await store.deleteSubmission(id, first.submission.id)).toBe(false);
			expect(await store.attemptsUsed(id, 'ann')).toBe(1);
			const again = await store.submit(submission(id));
			expect(again).toMatchObject({ kind: 'stored', submission: { attempt: 3 } });
			expect((await store.submissionsPage(id, 0, 10)).map((x) => x.attempt)).toEqual([2, 3]);
			const [, last] = await store.submissionsPage(id, 0, 10);
			expect(await store.submissionsAfter(id, last.id - 1, 10)).toEqual([last]);
		})
	);

	it(
		'issue 10.5: aggregates in SQL what the JavaScript item analysis computes',
		one(async (store) => {
			const id = (await store.createAssignment(assignment('LLLLLL')))!;
			const scores = [
				[1, 0, 1],
				[0, 0, 1],
				[1, 1, 1],
				[0.5, 0, 0],
				[1, 1, 0]
			];
			const stored = new Map<string, NewSubmission['wrong']>();
			for (const [i, row] of scores.entries()) {
				const answers = Object.fromEntries(
					row.map((x, q) => [`q${q}`, { score: x, response: null }])
				);
				const receipt = `r${i}`;
				stored.set(
					receipt,
					row.flatMap((x, q) =>
						x < 1
							? [
									{ questionId: `q${q}`, key: i === 3 ? 'b' : 'k', label: i === 3 ? 'B' : 'K' },
									...(i === 1 ? [{ questionId: `q${q}`, key: 'z', label: 'Z' }] : [])
								]
							: []
					)
				);
				await store.submit(
					submission(id, {
						receipt,
						nameKey: `s${i}`,
						name: `S${i}`,
						answers,
						score: row.reduce((t, x) => t + x, 0),
						maxScore: 3,
						wrong: stored.get(receipt)
					})
				);
			}
			const sums = await store.itemSums(id);
			for (let q = 0; q < 3; q++) {
				const item = scores.map((r) => r[q]);
				const totals = scores.map((r) => r.reduce((t, x) => t + x, 0));
				const s = sums.find((x) => x.questionId === `q${q}`)!;
				expect(s.n).toBe(5);
				expect(s.sx / s.n).toBeCloseTo(item.reduce((t, x) => t + x, 0) / 5);
				expect(discriminationFromSums(s)).toBe(discriminationIndex(item, totals));
			}
			// Most chosen first; a tie goes to the one stored first: what a pass in JavaScript finds.
			const seen = new Map<
				string,
				{ questionId: string; label: string; count: number; at: number }
			>();
			for (const s of await store.submissions(id))
				for (const w of stored.get(s.receipt) ?? []) {
					const entry = seen.get(`${w.questionId}/${w.key}`) ?? { ...w, count: 0, at: seen.size };
					entry.count += 1;
					seen.set(`${w.questionId}/${w.key}`, entry);
				}
			const expected = [...seen.values()]
				.sort((x, y) => y.count - x.count || x.at - y.at)
				.map(({ questionId, label, count }) => ({ questionId, label, count }));
			expect(expected.slice(0, 2)).toEqual([
				{ questionId: 'q1', label: 'K', count: 2 },
				{ questionId: 'q0', label: 'K', count: 1 }
			]);
			expect(await store.wrongCounts(id)).toEqual(expected);
			const latest = await store.latestScores(id);
			expect(latest).toHaveLength(15);
			expect(latest.slice(0, 3).map((l) => [l.name, l.questionId, l.score])).toEqual([
				['S0', 'q0', 1],
				['S0', 'q1', 0],
				['S0', 'q2', 1]
			]);
			expect((await store.submissionsPage(id, 3, 1))[0].scores).toEqual({ q0: 0.5, q1: 0, q2: 0 });
			expect(await store.summary(id)).toMatchObject({ submissions: 5, students: 5 });
		})
	);

	it(
		'issue 10.2: keeps one answer-order secret, the same for every connection',
		two(async (a, b) => {
			expect(await a.secret('answer-order')).toHaveLength(32);
			expect((await a.secret('answer-order')).equals(await b.secret('answer-order'))).toBe(true);
			expect((await a.secret('other')).equals(await b.secret('other'))).toBe(true);
		})
	);

	it(
		'issue 13: two processes racing one name store exactly its attempts, and one copy per key',
		two(async (a, b) => {
			const id = (await a.createAssignment(assignment('QQQQQQ')))!;
			const race = await Promise.all(
				Array.from({ length: 20 }, (_, i) =>
					(i % 2 ? a : b).submit(submission(id, { maxAttempts: 1 }))
				)
			);
			expect(race.filter((r) => r.kind === 'stored')).toHaveLength(1);
			expect(race.filter((r) => r.kind === 'no-attempts')).toHaveLength(19);
			const keyed = await Promise.all(
				Array.from({ length: 10 }, (_, i) =>
					(i % 2 ? a : b).submit(submission(id, { nameKey: 'bo', idempotencyKey: 'same-key-1' }))
				)
			);
			expect(keyed.filter((r) => r.kind === 'stored')).toHaveLength(1);
			expect(keyed.filter((r) => r.kind === 'replayed')).toHaveLength(9);
			const names = await Promise.all(
				Array.from({ length: 10 }, (_, i) =>
					(i % 2 ? a : b).submit(submission(id, { nameKey: `n${i}`, maxStudents: 5 }))
				)
			);
			expect(names.filter((r) => r.kind === 'stored')).toHaveLength(3);
			expect(await b.summary(id)).toMatchObject({ submissions: 5, students: 5 });
		})
	);

	it(
		'issue 13: counts rate-limit windows shared by every connection, starting anew when one ends',
		two(async (a, b) => {
			const t = 1_000_000;
			expect(await a.countRequest('join', '1.2.3.4', 60_000, t)).toEqual({ count: 1, start: t });
			expect(await b.countRequest('join', '1.2.3.4', 60_000, t + 10)).toEqual({
				count: 2,
				start: t
			});
			expect(await a.countRequest('submit', '1.2.3.4', 60_000, t + 20)).toEqual({
				count: 1,
				start: t + 20
			});
			expect(await b.requestWindow('join', '1.2.3.4', 60_000, t + 30)).toEqual({
				count: 2,
				start: t
			});
			expect(await b.requestWindow('join', '1.2.3.4', 60_000, t + 60_000)).toBeUndefined();
			expect(await a.countRequest('join', '1.2.3.4', 60_000, t + 60_000)).toEqual({
				count: 1,
				start: t + 60_000
			});
		})
	);

	it(
		'issue 14: an edit is seen at once through another connection, despite its cache',
		two(async (a, b) => {
			const made = assignment('EDITED');
			const id = (await a.createAssignment(made))!;
			expect((await a.assignmentByCode('EDITED'))?.settings.attempts).toBe(2);
			const settings = { ...made.settings, attempts: 5, acceptLate: true, classList: ['Ann'] };
			const edit = { title: 'Renamed', settings, dueAt: '2027-02-01T00:00:00.000Z' };
			expect(await b.updateAssignment(id, edit, false)).toEqual({ kind: 'updated', revision: 1 });
			expect(await a.assignmentByCode('EDITED')).toMatchObject({ ...edit, revision: 1 });
			expect(await a.assignmentByTokenHash(made.tokenHash)).toMatchObject({ title: 'Renamed' });
			expect(await b.updateAssignment(id + 1000, edit, false)).toEqual({ kind: 'gone' });
		})
	);

	it(
		'issue 14: refuses to change the questions once someone has submitted, writing nothing',
		one(async (store) => {
			const made = assignment('QFIXED');
			const id = (await store.createAssignment(made))!;
			const pool = { ...made.settings, questionIds: ['q1', 'q2'] };
			const edit = { title: made.title, settings: pool, dueAt: null };
			expect((await store.updateAssignment(id, edit, true)).kind).toBe('updated');
			await store.submit(submission(id));
			const again = { ...edit, settings: { ...pool, questionIds: ['q2'] } };
			expect(await store.updateAssignment(id, again, true)).toEqual({
				kind: 'has-submissions',
				submissions: 1
			});
			expect((await store.assignmentByCode('QFIXED'))?.settings.questionIds).toEqual(['q1', 'q2']);
			// Settings other than the questions still change.
			expect((await store.updateAssignment(id, { ...edit, title: 'T2' }, false)).kind).toBe(
				'updated'
			);
		})
	);

	it(
		'issue 14: keeps a late mark, and lists each submitted name once, as first typed',
		one(async (store) => {
			const id = (await store.createAssignment(assignment('LATEST')))!;
			await store.submit(submission(id, { name: 'Zoë', nameKey: 'zoe' }));
			const late = await store.submit(submission(id, { name: 'zoe', nameKey: 'zoe', late: true }));
			await store.submit(submission(id, { name: 'Bo', nameKey: 'bo' }));
			expect(late).toMatchObject({ kind: 'stored', submission: { late: true } });
			const all = await store.submissions(id);
			expect(all.map((s) => s.late)).toEqual([false, true, false]);
			expect((await store.submissionsPage(id, 0, 10)).map((s) => s.late)).toEqual([
				false,
				true,
				false
			]);
			expect(await store.submittedNames(id)).toEqual([
				{ name: 'Zoë', nameKey: 'zoe' },
				{ name: 'Bo', nameKey: 'bo' }
			]);
			expect(await store.submittedNames(id + 1000)).toEqual([]);
		})
	);

	it(
		'fills the wrong answers of submissions stored without them, once (backfill)',
		one(async (store) => {
			const id = (await store.createAssignment(assignment('RRRRRR')))!;
			await store.submit(submission(id, { score: 0, wrong: [] }));
			await store.backfill(
				() => [],
				(name) => name.toLowerCase()
			);
			expect(await store.wrongCounts(id)).toEqual([]);
		})
	);
});

describe('the SQLite store', () => {
	it('creates the schema on first open, at the newest migration, in WAL mode', async () => {
		const path = file();
		await openSqlite(path).close();
		const raw = new Database(path);
		expect(raw.pragma('user_version', { simple: true })).toBe(sqliteMigrations.at(-1)!.version);
		expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
		raw.close();
	});

	it('refuses a database from a newer build, saying so', async () => {
		const path = file();
		await openSqlite(path).close();
		const raw = new Database(path);
		raw.pragma('user_version = 99');
		raw.close();
		expect(() => openSqlite(path)).toThrow(/schema version 99, newer than this build knows/);
	});

	it('issue 13: migration 3 moves the answers and wrong answers of a v2 database into their rows, results unchanged', async () => {
		const path = file();
		const raw = new Database(path);
		for (const m of sqliteMigrations.filter((m) => m.version <= 2)) raw.exec(m.sql);
		raw.pragma('user_version = 2');
		raw
			.prepare(
				`INSERT INTO assignments (id, code, token_hash, title, settings, own_questions, created_at)
				 VALUES (1, 'OLDOLD', x'00', 'Old', ?, '[]', '2026-01-01T00:00:00.000Z')`
			)
			.run(JSON.stringify(assignment('OLDOLD').settings));
		const insert = raw.prepare(
			`INSERT INTO submissions (id, assignment_id, receipt, name, name_key, attempt, score, max_score, answers, submitted_at, analysed)
			 VALUES (?, 1, ?, ?, ?, 1, ?, 2, ?, '2026-01-01T00:00:00.000Z', 1)`
		);
		const wrong = raw.prepare(
			'INSERT INTO wrong_answers (submission_id, question_id, wrong_key, label) VALUES (?, ?, ?, ?)'
		);
		const scores = raw.prepare(
			'INSERT INTO answers (submission_id, question_id, score) VALUES (?, ?, ?)'
		);
		for (const [id, q1, q2] of [
			[1, 0, 1],
			[2, 0, 0],
			[3, 1, 0]
		]) {
			const answers = { q1: { score: q1, response: null }, q2: { score: q2, response: null } };
			insert.run(id, `r${id}`, `S${id}`, `s${id}`, q1 + q2, JSON.stringify(answers));
			scores.run(id, 'q1', q1);
			scores.run(id, 'q2', q2);
			if (!q1) wrong.run(id, 'q1', 'a', 'chose A');
			if (!q2) wrong.run(id, 'q2', id === 2 ? 'c' : 'b', id === 2 ? 'chose C' : 'chose B');
		}
		const before = {
			wrong: raw
				.prepare(
					`SELECT question_id AS questionId, min(label) AS label, count(*) AS count FROM wrong_answers
					 GROUP BY question_id, wrong_key ORDER BY count(*) DESC, min(rowid)`
				)
				.all()
		};
		raw.close();

		const store = openSqlite(path);
		expect(await store.wrongCounts(1)).toEqual(before.wrong);
		expect(await store.wrongCounts(1)).toEqual([
			{ questionId: 'q1', label: 'chose A', count: 2 },
			{ questionId: 'q2', label: 'chose C', count: 1 },
			{ questionId: 'q2', label: 'chose B', count: 1 }
		]);
		expect((await store.itemSums(1)).find((s) => s.questionId === 'q1')).toMatchObject({
			n: 3,
			sx: 1
		});
		expect((await store.submissionsPage(1, 0, 5)).map((s) => s.scores)).toEqual([
			{ q1: 0, q2: 1 },
			{ q1: 0, q2: 0 },
			{ q1: 1, q2: 0 }
		]);
		await store.close();
	});
});

describe('the PostgreSQL store', () => {
	const server = () => {
		const url = inject('testDatabaseUrl');
		if (!url)
			throw new Error('No PostgreSQL for the store tests (see tests/support/postgres-setup.ts)');
		return url;
	};

	it('migrates once when processes start together, and refuses a newer schema, saying so', async () => {
		const database = await createDatabase(server(), 'store');
		dropLater.push(database.drop);
		const stores = [1, 2, 3].map(() => openPostgres(database.url, { max: 2 }));
		await Promise.all(stores.map((s) => s.ready()));
		for (const s of stores) await s.close();
		const sql = postgres(database.url, { max: 1, onnotice: () => {} });
		expect(await sql`SELECT version FROM schema_migrations ORDER BY version`).toEqual([
			{ version: 1 },
			{ version: 2 }
		]);
		await sql`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`;
		await sql.end();
		const newer = openPostgres(database.url, { max: 1 });
		await expect(newer.ready()).rejects.toThrow(/schema version 99, newer than this build knows/);
		await newer.close();
	});

	it('answers 503 (StoreUnavailable), not a crash, when the server cannot be reached', async () => {
		const u = new URL(server());
		u.port = '1'; // nothing listens there
		const store = openPostgres(u.toString(), { max: 1 });
		await expect(store.ping()).rejects.toMatchObject({
			status: 503,
			message: expect.stringMatching(/cannot reach its database/)
		});
		await expect(store.createAssignment(assignment('SSSSSS'))).rejects.toBeInstanceOf(
			StoreUnavailable
		);
		await store.close();
	});

	it('maps PostgreSQL error codes: a full disk is 507, a conflict or a shutdown 503', () => {
		const pg = (code: string) => storeError(Object.assign(new Error(code), { code }));
		expect(pg('53100')).toMatchObject({ status: 507 });
		expect(pg('40001')).toMatchObject({ status: 503, retryAfter: 2 });
		expect(pg('57P01')).toMatchObject({ status: 503 });
		expect(pg('ECONNREFUSED')).toMatchObject({ status: 503 });
		const other = Object.assign(new Error('syntax'), { code: '42601' });
		expect(pg('42601')).not.toBeInstanceOf(StoreUnavailable);
		expect(storeError(other)).toBe(other);
	});
});

describe('issue 10.3: database errors that are not the request’s fault', () => {
	it('maps a real read-only and a real busy error to 503, a full disk to 507', async () => {
		const path = file();
		await openSqlite(path).close();
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
		await store.close();
	});
});
