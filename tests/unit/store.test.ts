import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '$lib/server/db/migrations';
import { openSqlite } from '$lib/server/db/sqlite';
import type { NewAssignment, NewSubmission } from '$lib/server/db/types';

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
	...over
});

const file = () => join(mkdtempSync(join(tmpdir(), 'store-test-')), 'course.db');

describe('the SQLite store', () => {
	it('creates the schema on first open, at the newest migration, in WAL mode', () => {
		const path = file();
		openSqlite(path).close();
		const raw = new Database(path);
		expect(raw.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
		expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
		raw.close();
	});

	it('refuses a database from a newer build, saying so', () => {
		const path = file();
		openSqlite(path).close();
		const raw = new Database(path);
		raw.pragma('user_version = 99');
		raw.close();
		expect(() => openSqlite(path)).toThrow(/schema version 99, newer than this build knows/);
	});

	it('refuses a second assignment with the same code, storing nothing', () => {
		const store = openSqlite(file());
		expect(store.createAssignment(assignment('AAAAAA'))).toBeTypeOf('number');
		expect(store.createAssignment(assignment('AAAAAA'))).toBeNull();
		expect(store.counts().assignments).toBe(1);
		store.close();
	});

	it('counts attempts per name and stops at the limit', () => {
		const store = openSqlite(file());
		const id = store.createAssignment(assignment('CCCCCC'))!;
		expect(store.submit(submission(id))).toMatchObject({
			kind: 'stored',
			submission: { attempt: 1 }
		});
		expect(store.submit(submission(id))).toMatchObject({
			kind: 'stored',
			submission: { attempt: 2 }
		});
		expect(store.submit(submission(id))).toEqual({ kind: 'no-attempts', used: 2 });
		expect(store.submit(submission(id, { nameKey: 'bo' }))).toMatchObject({ kind: 'stored' });
		expect(store.counts().submissions).toBe(3);
		store.close();
	});

	it('stores a retried submission once (same idempotency key)', () => {
		const store = openSqlite(file());
		const id = store.createAssignment(assignment('DDDDDD'))!;
		const first = store.submit(submission(id, { idempotencyKey: 'key-12345', receipt: 'one' }));
		const again = store.submit(submission(id, { idempotencyKey: 'key-12345', receipt: 'two' }));
		expect(first.kind).toBe('stored');
		expect(again).toMatchObject({ kind: 'replayed', submission: { receipt: 'one' } });
		expect(store.counts().submissions).toBe(1);
		store.close();
	});

	it('sees a close or a delete made through another connection, despite its cache', () => {
		const path = file();
		const a = openSqlite(path);
		const b = openSqlite(path);
		const id = a.createAssignment(assignment('EEEEEE'))!;
		expect(a.assignmentByCode('EEEEEE')?.closedAt).toBeNull();
		b.setClosed(id, '2026-11-29T13:00:00.000Z');
		expect(a.assignmentByCode('EEEEEE')?.closedAt).toBe('2026-11-29T13:00:00.000Z');
		b.deleteAssignment(id);
		expect(a.assignmentByCode('EEEEEE')).toBeUndefined();
		a.close();
		b.close();
	});

	it('never serves a deleted assignment from its cache, even when a new one reuses its id and code', () => {
		const path = file();
		const reader = openSqlite(path);
		const writer = openSqlite(path);
		const first = writer.createAssignment(assignment('HHHHHH'))!;
		expect(reader.assignmentByCode('HHHHHH')?.title).toBe('Assignment HHHHHH');
		writer.deleteAssignment(first);
		const second = writer.createAssignment({
			...assignment('HHHHHH'),
			title: 'A new one',
			tokenHash: Buffer.from('x'.repeat(32))
		})!;
		expect(second).toBe(first);
		expect(reader.assignmentByCode('HHHHHH')?.title).toBe('A new one');
		reader.close();
		writer.close();
	});

	it('deletes an assignment with all its submissions, and nothing else', () => {
		const store = openSqlite(file());
		const keep = store.createAssignment(assignment('FFFFFF'))!;
		const gone = store.createAssignment(assignment('GGGGGG'))!;
		store.submit(submission(keep));
		store.submit(submission(gone));
		store.submit(submission(gone, { nameKey: 'bo' }));
		store.deleteAssignment(gone);
		expect(store.counts()).toEqual({ assignments: 1, submissions: 1 });
		expect(store.submissions(keep)).toHaveLength(1);
		store.close();
	});
});
