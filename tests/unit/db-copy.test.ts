// `npm run db:copy`: a SQLite database arrives in PostgreSQL whole, and a second copy refuses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { copySqliteToPostgres, CopyRefused } from '$lib/server/db/copy';
import { openPostgres } from '$lib/server/db/postgres';
import { openSqlite } from '$lib/server/db/sqlite';
import type { NewAssignment, Store } from '$lib/server/db/types';
import { createDatabase } from '../support/postgres-cluster.js';

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const drop of drops) await drop();
});

async function emptyPostgres() {
	const server = inject('testDatabaseUrl');
	if (!server)
		throw new Error('No PostgreSQL for the copy tests (see tests/support/postgres-setup.ts)');
	const database = await createDatabase(server, 'copy');
	drops.push(database.drop);
	return database.url;
}

const assignment = (i: number): NewAssignment => ({
	code: `CODE${String.fromCharCode(65 + i)}${String.fromCharCode(65 + i)}`,
	tokenHash: Buffer.alloc(32, i + 1),
	title: `Class ${i} — “quoted”, 日本語`,
	settings: {
		questionIds: ['q1', 'q2'],
		count: null,
		shuffle: i % 2 === 0,
		attempts: 3,
		reveal: 'never',
		maxStudents: 200
	},
	ownQuestions: [],
	dueAt: i === 1 ? '2030-01-01T00:00:00.000Z' : null,
	createdAt: '2026-11-29T12:00:00.000Z'
});

/** A laptop's database: 3 assignments (one closed), 60 submissions with wrong answers. */
async function laptop(): Promise<{ path: string; ids: number[] }> {
	const path = join(mkdtempSync(join(tmpdir(), 'copy-test-')), 'course.db');
	const store = openSqlite(path);
	const ids: number[] = [];
	for (let i = 0; i < 3; i++) ids.push((await store.createAssignment(assignment(i)))!);
	for (let n = 0; n < 60; n++) {
		const id = ids[n % 3];
		const right = n % 4 === 0 ? 0 : 1;
		await store.submit({
			assignmentId: id,
			receipt: `receipt-${n}`,
			idempotencyKey: n % 5 === 0 ? `key-${n}-abcdef` : null,
			name: `Student ${n % 20}`,
			late: n === 7,
			nameKey: `student ${n % 20}`,
			score: right + 0.5,
			maxScore: 2,
			answers: {
				q1: { score: right, response: { type: 'single', choice: right ? 'a' : 'b' } },
				q2: { score: 0.5, response: null }
			},
			wrong: right ? [] : [{ questionId: 'q1', key: 'b', label: 'chose “b”' }],
			submittedAt: `2026-11-29T12:${String(n).padStart(2, '0')}:00.000Z`,
			maxAttempts: 3,
			maxStudents: 200
		});
	}
	await store.setClosed(ids[2], '2026-11-30T00:00:00.000Z');
	await store.close();
	return { path, ids };
}

async function sameContents(a: Store, b: Store, ids: number[]) {
	expect(await b.counts()).toEqual(await a.counts());
	expect((await b.secret('answer-order')).equals(await a.secret('answer-order'))).toBe(true);
	for (const [i, id] of ids.entries()) {
		const code = assignment(i).code;
		expect(await b.assignmentByCode(code)).toEqual(await a.assignmentByCode(code));
		expect(await b.submissions(id)).toEqual(await a.submissions(id));
		expect(await b.summary(id)).toEqual(await a.summary(id));
		expect(await b.wrongCounts(id)).toEqual(await a.wrongCounts(id));
		expect(await b.latestScores(id)).toEqual(await a.latestScores(id));
		const sums = (s: Store) =>
			s.itemSums(id).then((r) => [...r].sort((x, y) => (x.questionId < y.questionId ? -1 : 1)));
		expect(await sums(b)).toEqual(await sums(a));
	}
}

describe('SQLite → PostgreSQL (db:copy)', () => {
	it('copies everything: counts, every record, the secret, the analysis; then refuses a second copy', async () => {
		const { path, ids } = await laptop();
		const url = await emptyPostgres();
		expect(await copySqliteToPostgres(path, url)).toEqual({
			assignments: 3,
			submissions: 60,
			secrets: 1
		});

		const from = openSqlite(path);
		const to = openPostgres(url, { max: 2 });
		try {
			await sameContents(from, to, ids);
			// New rows after the copy get new ids, and the attempts carry over.
			const next = (await to.createAssignment(assignment(5)))!;
			expect(next).toBeGreaterThan(Math.max(...ids));
			expect(await to.attemptsUsed(ids[0], 'student 0')).toBe(
				await from.attemptsUsed(ids[0], 'student 0')
			);
		} finally {
			await from.close();
			await to.close();
		}

		const again = copySqliteToPostgres(path, url);
		await expect(again).rejects.toBeInstanceOf(CopyRefused);
		await expect(copySqliteToPostgres(path, url)).rejects.toThrow(
			/already holds 4 assignments and 60 submissions; db:copy copies only into an empty database/
		);
	});

	it('npm run db:copy copies, says what it copied, and exits 1 with the reason on a second run', async () => {
		const { path } = await laptop();
		const url = await emptyPostgres();
		const run = () =>
			spawnSync('node', ['scripts/db-copy.js', '--from', path, '--to', url], { encoding: 'utf8' });
		const first = run();
		expect([first.status, first.stdout.trim()], first.stderr).toEqual([
			0,
			`Copied 3 assignments, 60 submissions and 1 secret(s) from ${path} into PostgreSQL.`
		]);
		const second = run();
		expect(second.status).toBe(1);
		expect(second.stderr).toMatch(
			/Nothing was copied\. --to: the database already holds 3 assignments/
		);
		const missing = spawnSync('node', ['scripts/db-copy.js', '--from', path], { encoding: 'utf8' });
		expect([missing.status, missing.stderr]).toEqual([
			2,
			expect.stringMatching(/^Name both databases/)
		]);
	}, 60_000);
});
