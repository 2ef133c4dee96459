import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isBusy, storeError } from './errors';
import { sqliteMigrations as migrations } from './migrations';
import * as shared from './rows';
import type {
	AssignmentEdit,
	AssignmentRecord,
	EditOutcome,
	ItemSums,
	LatestScore,
	NewAssignment,
	NewSubmission,
	RateWindow,
	Store,
	SubmitOutcome,
	WrongCount
} from './types';

/**
 * Brings the schema up to the newest migration; refuses a database from a newer build. Runs in
 * one IMMEDIATE transaction (it takes the write lock first), so server processes starting
 * together migrate once: the second waits, then finds the schema current.
 */
export function migrate(db: Database.Database): void {
	const newest = migrations.at(-1)?.version ?? 0;
	db.transaction(() => {
		const current = db.pragma('user_version', { simple: true }) as number;
		if (current > newest)
			throw new Error(
				`The database is at schema version ${current}, newer than this build knows (${newest}). ` +
					'Run the newer build, or point DATA_DIR at another folder.'
			);
		for (const m of migrations.filter((m) => m.version > current)) {
			db.exec(m.sql);
			db.pragma(`user_version = ${m.version}`);
		}
	}).immediate();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a write keeps trying to get the write lock before answering 503. */
const writeDeadlineMs = 2000;

/**
 * Runs a synchronous write, retrying while another process holds the write lock. SQLite's own
 * busy wait blocks the whole server (better-sqlite3 is synchronous), so it is kept to a few
 * milliseconds and the retries wait here instead, letting other requests run in between. Errors
 * become `StoreUnavailable` where the database, not the request, is at fault.
 */
async function write<T>(fn: () => T): Promise<T> {
	const deadline = Date.now() + writeDeadlineMs;
	for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
		try {
			return fn();
		} catch (e) {
			const mapped = storeError(e);
			if (!isBusy(mapped) || Date.now() + wait > deadline) throw mapped;
		}
		await sleep(wait * (0.5 + Math.random()));
	}
}

/** Reads run at once; an error the database is to blame for becomes `StoreUnavailable`. */
async function read<T>(fn: () => T): Promise<T> {
	try {
		return fn();
	} catch (e) {
		throw storeError(e);
	}
}

/** The first attempt each student still has (the earliest stored, should one be deleted). */
const firstAttempt = `s.attempt = (SELECT min(f.attempt) FROM submissions f
	WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)`;
const latestAttempt = `s.attempt = (SELECT max(f.attempt) FROM submissions f
	WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)`;
const submissionColumns = `s.id, s.receipt, s.name, s.name_key, s.attempt, s.score, s.max_score, s.answers, s.submitted_at, s.late`;
/** One answer's score in `json_each(s.answers) j`. */
const itemScore = `json_extract(j.value, '$.score')`;

export { answerOrderSecret } from './rows';

/** Opens (creating if needed) the SQLite file, in WAL mode, and migrates it. */
export function openSqlite(file: string): Store {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	let db: Database.Database;
	try {
		db = new Database(file);
	} catch (e) {
		throw new Error(`Cannot open the database at ${file}: ${(e as Error).message}`, { cause: e });
	}
	db.pragma('journal_mode = WAL');
	// NORMAL in WAL mode: a commit survives the process being killed (the WAL is written before
	// the call returns); only a power cut can lose the last commits.
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	// Start and migration wait as long as they need; requests then wait in `write()`.
	db.pragma('busy_timeout = 5000');
	migrate(db);
	// The key that draws answer orders, made once by whichever process starts first.
	db.prepare('INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
		shared.answerOrderSecret,
		randomBytes(32)
	);
	db.pragma('busy_timeout = 10');

	const q = {
		insertAssignment: db.prepare(
			`INSERT INTO assignments (code, token_hash, title, settings, own_questions, due_at, created_at)
			 VALUES (@code, @tokenHash, @title, @settings, @ownQuestions, @dueAt, @createdAt)
			 ON CONFLICT DO NOTHING`
		),
		byCode: db.prepare<[string], shared.AssignmentRow>('SELECT * FROM assignments WHERE code = ?'),
		byToken: db.prepare<[Buffer], shared.AssignmentRow>(
			'SELECT * FROM assignments WHERE token_hash = ?'
		),
		byId: db.prepare<[number], shared.AssignmentRow>('SELECT * FROM assignments WHERE id = ?'),
		state: db.prepare<[number, Buffer], { closed_at: string | null; revision: number }>(
			'SELECT closed_at, revision FROM assignments WHERE id = ? AND token_hash = ?'
		),
		updateAssignment: db.prepare<
			[{ id: number; title: string; settings: string; dueAt: string | null }],
			{ revision: number }
		>(
			`UPDATE assignments SET title = @title, settings = @settings, due_at = @dueAt, revision = revision + 1
			 WHERE id = @id RETURNING revision`
		),
		countOf: db
			.prepare<[number], number>('SELECT count(*) FROM submissions WHERE assignment_id = ?')
			.pluck(),
		submittedNames: db.prepare<[number], { name: string; nameKey: string }>(
			`SELECT s.name, s.name_key AS nameKey FROM submissions s
			 WHERE s.assignment_id = ? AND s.id = (SELECT min(f.id) FROM submissions f
			   WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)
			 ORDER BY s.id`
		),
		closedAt: db.prepare<[number], { closed_at: string | null }>(
			'SELECT closed_at FROM assignments WHERE id = ?'
		),
		setClosed: db.prepare('UPDATE assignments SET closed_at = ? WHERE id = ?'),
		deleteAssignment: db.prepare('DELETE FROM assignments WHERE id = ?'),
		deleteSubmission: db.prepare('DELETE FROM submissions WHERE assignment_id = ? AND id = ?'),
		byKey: db.prepare<[number, string], shared.SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? AND idempotency_key = ?'
		),
		attempts: db.prepare<[number, string], { used: number; last: number | null }>(
			'SELECT count(*) AS used, max(attempt) AS last FROM submissions WHERE assignment_id = ? AND name_key = ?'
		),
		students: db
			.prepare<[number], number>(
				'SELECT count(DISTINCT name_key) FROM submissions WHERE assignment_id = ?'
			)
			.pluck(),
		insertSubmission: db.prepare(
			`INSERT INTO submissions
			 (assignment_id, receipt, idempotency_key, name, name_key, attempt, score, max_score, answers, wrong, submitted_at, analysed, late)
			 VALUES (@assignmentId, @receipt, @idempotencyKey, @name, @nameKey, @attempt, @score, @maxScore, @answers, @wrong, @submittedAt, 1, @late)`
		),
		submissions: db.prepare<[number], shared.SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? ORDER BY id'
		),
		page: db.prepare<[number, number, number], shared.SubmissionRow>(
			`SELECT ${submissionColumns} FROM submissions s WHERE s.assignment_id = ? ORDER BY s.id LIMIT ? OFFSET ?`
		),
		after: db.prepare<[number, number, number], shared.SubmissionRow>(
			`SELECT ${submissionColumns} FROM submissions s WHERE s.assignment_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`
		),
		summary: db.prepare<
			[number],
			{ submissions: number; students: number; lastId: number | null; meanPercent: number | null }
		>(
			`SELECT count(*) AS submissions, count(DISTINCT name_key) AS students, max(id) AS lastId,
			   avg(CASE WHEN max_score > 0 THEN 100.0 * score / max_score ELSE 0 END) AS meanPercent
			 FROM submissions WHERE assignment_id = ?`
		),
		itemSums: db.prepare<[number], ItemSums>(
			`SELECT j.key AS questionId, count(*) AS n,
			   sum(${itemScore}) AS sx, sum(s.score - ${itemScore}) AS sy,
			   sum(${itemScore} * ${itemScore}) AS sxx,
			   sum((s.score - ${itemScore}) * (s.score - ${itemScore})) AS syy,
			   sum(${itemScore} * (s.score - ${itemScore})) AS sxy
			 FROM submissions s, json_each(s.answers) j
			 WHERE s.assignment_id = ? AND ${firstAttempt}
			 GROUP BY j.key`
		),
		// Ties go to the wrong answer stored first: by submission, then its place in the list.
		wrongCounts: db.prepare<[number], WrongCount>(
			`SELECT json_extract(w.value, '$[0]') AS questionId, min(json_extract(w.value, '$[2]')) AS label,
			   count(*) AS count
			 FROM submissions s, json_each(s.wrong) w
			 WHERE s.assignment_id = ? AND ${firstAttempt}
			 GROUP BY json_extract(w.value, '$[0]'), json_extract(w.value, '$[1]')
			 ORDER BY count(*) DESC, min(s.id * 100000 + w.key)`
		),
		latestScores: db.prepare<[number], LatestScore>(
			`SELECT s.id AS submissionId, s.name, j.key AS questionId, ${itemScore} AS score
			 FROM submissions s, json_each(s.answers) j
			 WHERE s.assignment_id = ? AND ${latestAttempt}
			 ORDER BY s.id, j.key`
		),
		countAssignments: db.prepare<[], number>('SELECT count(*) FROM assignments').pluck(),
		countSubmissions: db.prepare<[], number>('SELECT count(*) FROM submissions').pluck(),
		byReceipt: db.prepare<[number, string], shared.SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? AND receipt = ?'
		),
		submissionRow: db.prepare<[number, number], shared.SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? AND id = ?'
		),
		secret: db.prepare<[string], Buffer>('SELECT value FROM secrets WHERE name = ?').pluck(),
		insertSecret: db.prepare(
			'INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'
		),
		countRequest: db.prepare<
			[{ bucket: string; key: string; now: number; over: number }],
			RateWindow
		>(
			`INSERT INTO rate_limits (bucket, key, window_start, count) VALUES (@bucket, @key, @now, 1)
			 ON CONFLICT (bucket, key) DO UPDATE SET
			   count = CASE WHEN window_start <= @over THEN 1 ELSE count + 1 END,
			   window_start = CASE WHEN window_start <= @over THEN @now ELSE window_start END
			 RETURNING count, window_start AS start`
		),
		requestWindow: db.prepare<[string, string], RateWindow>(
			'SELECT count, window_start AS start FROM rate_limits WHERE bucket = ? AND key = ?'
		),
		pruneRequests: db.prepare('DELETE FROM rate_limits WHERE bucket = ? AND window_start <= ?'),
		unanalysed: db.prepare<[], shared.SubmissionRow>(
			'SELECT * FROM submissions WHERE analysed = 0 ORDER BY id LIMIT 500'
		),
		setWrong: db.prepare('UPDATE submissions SET wrong = ?, analysed = 1 WHERE id = ?'),
		allNames: db.prepare<[], { id: number; name: string; name_key: string }>(
			'SELECT id, name, name_key FROM submissions'
		),
		setNameKey: db.prepare('UPDATE submissions SET name_key = ? WHERE id = ?')
	};

	// IMMEDIATE: the checks and the insert hold the write lock together, so two server processes
	// cannot both give a name its last attempt or the class its last seat.
	const submitTransaction = db.transaction((s: NewSubmission): SubmitOutcome => {
		if (s.idempotencyKey) {
			const before = q.byKey.get(s.assignmentId, s.idempotencyKey);
			if (before) return { kind: 'replayed', submission: shared.toSubmission(before) };
		}
		const state = q.closedAt.get(s.assignmentId);
		if (!state) return { kind: 'gone' };
		if (state.closed_at !== null) return { kind: 'closed' };
		const { used, last } = q.attempts.get(s.assignmentId, s.nameKey) ?? { used: 0, last: null };
		if (used >= s.maxAttempts) return { kind: 'no-attempts', used };
		if (used === 0) {
			const students = q.students.get(s.assignmentId) ?? 0;
			if (students >= s.maxStudents) return { kind: 'full', students };
		}
		// After a deleted attempt, numbers go on from the highest: (name, attempt) stays unique.
		const attempt = (last ?? 0) + 1;
		const row = {
			...s,
			attempt,
			answers: JSON.stringify(s.answers),
			wrong: shared.wrongJson(s.wrong),
			late: s.late ? 1 : 0
		};
		const id = Number(q.insertSubmission.run(row).lastInsertRowid);
		return shared.stored(s, id, attempt);
	});

	// IMMEDIATE: no submission can arrive between the count and the write.
	const editTransaction = db.transaction(
		(id: number, edit: AssignmentEdit, questionsChange: boolean): EditOutcome => {
			if (questionsChange) {
				const submissions = q.countOf.get(id) ?? 0;
				if (submissions > 0) return { kind: 'has-submissions', submissions };
			}
			const row = q.updateAssignment.get({
				id,
				title: edit.title,
				settings: JSON.stringify(edit.settings),
				dueAt: edit.dueAt
			});
			return row ? { kind: 'updated', revision: row.revision } : { kind: 'gone' };
		}
	);

	const cache = new shared.AssignmentCache(
		(code) => read(() => q.byCode.get(code)),
		(id, hash) => read(() => q.state.get(id, hash))
	);
	const secrets = new Map<string, Buffer>();
	let counted = 0;

	return {
		kind: 'sqlite',
		shared: Number(process.env.WORKERS ?? 1) > 1,
		ready: async () => {},
		ping: () => read(() => void db.prepare('SELECT 1').get()),
		async secret(name) {
			let value = secrets.get(name) ?? (await read(() => q.secret.get(name)));
			if (!value) {
				await write(() => q.insertSecret.run(name, randomBytes(32)));
				// Another process may have inserted first: read back whichever won.
				value = (await read(() => q.secret.get(name)))!;
			}
			secrets.set(name, value);
			return value;
		},
		createAssignment: (a: NewAssignment) =>
			write(() => {
				const { changes, lastInsertRowid } = q.insertAssignment.run({
					...a,
					...shared.assignmentColumns(a)
				});
				return changes === 1 ? Number(lastInsertRowid) : null;
			}),
		assignmentByCode: (code) => cache.get(code),
		assignmentByTokenHash: (hash) =>
			read(() => {
				const row = q.byToken.get(hash);
				return row && shared.toAssignment(row);
			}),
		setClosed: (id, closedAt) => write(() => void q.setClosed.run(closedAt, id)),
		updateAssignment: (id, edit, questionsChange) =>
			write(() => editTransaction.immediate(id, edit, questionsChange)),
		submittedNames: (assignmentId) => read(() => q.submittedNames.all(assignmentId)),
		// Its submissions go with it (ON DELETE CASCADE).
		deleteAssignment: (id) => write(() => void q.deleteAssignment.run(id)),
		submit: (s) => write(() => submitTransaction.immediate(s)),
		deleteSubmission: (assignmentId, submissionId) =>
			write(() => q.deleteSubmission.run(assignmentId, submissionId).changes === 1),
		attemptsUsed: (assignmentId, nameKey) =>
			read(() => q.attempts.get(assignmentId, nameKey)?.used ?? 0),
		summary: (assignmentId) =>
			read(() => {
				const r = q.summary.get(assignmentId)!;
				return { ...r, lastId: r.lastId ?? 0 };
			}),
		submissionsPage: (assignmentId, offset, limit) =>
			read(() => q.page.all(assignmentId, limit, offset).map(shared.toListed)),
		submissionsAfter: (assignmentId, afterId, limit) =>
			read(() => q.after.all(assignmentId, afterId, limit).map(shared.toListed)),
		itemSums: (assignmentId) => read(() => q.itemSums.all(assignmentId)),
		wrongCounts: (assignmentId) => read(() => q.wrongCounts.all(assignmentId)),
		latestScores: (assignmentId) => read(() => q.latestScores.all(assignmentId)),
		submissions: (assignmentId) =>
			read(() => q.submissions.all(assignmentId).map(shared.toSubmission)),
		submissionByReceipt: (assignmentId, receipt) =>
			read(() => {
				const row = q.byReceipt.get(assignmentId, receipt);
				return row && shared.toSubmission(row);
			}),
		submissionById: (assignmentId, submissionId) =>
			read(() => {
				const row = q.submissionRow.get(assignmentId, submissionId);
				return row && shared.toSubmission(row);
			}),
		submissionByIdempotencyKey: (assignmentId, key) =>
			read(() => {
				const row = q.byKey.get(assignmentId, key);
				return row && shared.toSubmission(row);
			}),
		countRequest: (bucket, key, windowMs, now) =>
			write(() => {
				// Now and then, forget the windows that are over.
				if (++counted % 1000 === 0) q.pruneRequests.run(bucket, now - windowMs);
				return q.countRequest.get({ bucket, key, now, over: now - windowMs })!;
			}),
		requestWindow: (bucket, key, windowMs, now) =>
			read(() => {
				const w = q.requestWindow.get(bucket, key);
				return w && now - w.start < windowMs ? w : undefined;
			}),
		async backfill(wrongOf, nameKey) {
			const assignments = new Map<number, AssignmentRecord | undefined>();
			for (;;) {
				const rows = q.unanalysed.all();
				if (rows.length === 0) break;
				await write(() =>
					db
						.transaction(() => {
							for (const row of rows) {
								if (!assignments.has(row.assignment_id)) {
									const a = q.byId.get(row.assignment_id);
									assignments.set(row.assignment_id, a && shared.toAssignment(a));
								}
								const a = assignments.get(row.assignment_id);
								q.setWrong.run(
									shared.wrongJson(a ? wrongOf(a, shared.toSubmission(row)) : []),
									row.id
								);
							}
						})
						.immediate()
				);
			}
			const refold = q.allNames.all().filter((r) => nameKey(r.name) !== r.name_key);
			for (const r of refold)
				await write(() => {
					try {
						q.setNameKey.run(nameKey(r.name), r.id);
					} catch (e) {
						// Two old names that now fold together, with the same attempt number: keep the
						// old key for this one rather than lose a submission.
						if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
					}
				});
		},
		counts: () =>
			read(() => ({
				assignments: q.countAssignments.get() ?? 0,
				submissions: q.countSubmissions.get() ?? 0
			})),
		async close() {
			db.close();
		}
	};
}
