import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations';
import type {
	AssignmentRecord,
	NewAssignment,
	NewSubmission,
	Store,
	StoredSubmission,
	SubmitOutcome
} from './types';

interface AssignmentRow {
	id: number;
	code: string;
	token_hash: Buffer;
	title: string;
	settings: string;
	own_questions: string;
	due_at: string | null;
	closed_at: string | null;
	created_at: string;
}

interface SubmissionRow {
	id: number;
	receipt: string;
	name: string;
	attempt: number;
	score: number;
	max_score: number;
	answers: string;
	submitted_at: string;
}

const toAssignment = (r: AssignmentRow): AssignmentRecord => ({
	id: r.id,
	code: r.code,
	tokenHash: r.token_hash,
	title: r.title,
	settings: JSON.parse(r.settings),
	ownQuestions: JSON.parse(r.own_questions),
	dueAt: r.due_at,
	closedAt: r.closed_at,
	createdAt: r.created_at
});

const toSubmission = (r: SubmissionRow): StoredSubmission => ({
	id: r.id,
	receipt: r.receipt,
	name: r.name,
	attempt: r.attempt,
	score: r.score,
	maxScore: r.max_score,
	answers: JSON.parse(r.answers),
	submittedAt: r.submitted_at
});

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
	db.pragma('busy_timeout = 5000');
	migrate(db);

	const q = {
		insertAssignment: db.prepare(
			`INSERT INTO assignments (code, token_hash, title, settings, own_questions, due_at, created_at)
			 VALUES (@code, @tokenHash, @title, @settings, @ownQuestions, @dueAt, @createdAt)
			 ON CONFLICT DO NOTHING`
		),
		byCode: db.prepare<[string], AssignmentRow>('SELECT * FROM assignments WHERE code = ?'),
		byToken: db.prepare<[Buffer], AssignmentRow>('SELECT * FROM assignments WHERE token_hash = ?'),
		setClosed: db.prepare('UPDATE assignments SET closed_at = ? WHERE id = ?'),
		deleteSubmissions: db.prepare('DELETE FROM submissions WHERE assignment_id = ?'),
		deleteAssignment: db.prepare('DELETE FROM assignments WHERE id = ?'),
		byKey: db.prepare<[number, string], SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? AND idempotency_key = ?'
		),
		attempts: db
			.prepare<[number, string], number>(
				'SELECT count(*) FROM submissions WHERE assignment_id = ? AND name_key = ?'
			)
			.pluck(),
		insertSubmission: db.prepare(
			`INSERT INTO submissions
			 (assignment_id, receipt, idempotency_key, name, name_key, attempt, score, max_score, answers, submitted_at)
			 VALUES (@assignmentId, @receipt, @idempotencyKey, @name, @nameKey, @attempt, @score, @maxScore, @answers, @submittedAt)`
		),
		submissions: db.prepare<[number], SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? ORDER BY id'
		),
		countAssignments: db.prepare<[], number>('SELECT count(*) FROM assignments').pluck(),
		countSubmissions: db.prepare<[], number>('SELECT count(*) FROM submissions').pluck(),
		byReceipt: db.prepare<[number, string], SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? AND receipt = ?'
		)
	};

	const remove = db.transaction((id: number) => {
		q.deleteSubmissions.run(id);
		q.deleteAssignment.run(id);
	});

	// IMMEDIATE: the attempt count and the insert hold the write lock together, so two server
	// processes cannot both give a name its last attempt.
	const submitTransaction = db.transaction((s: NewSubmission): SubmitOutcome => {
		if (s.idempotencyKey) {
			const before = q.byKey.get(s.assignmentId, s.idempotencyKey);
			if (before) return { kind: 'replayed', submission: toSubmission(before) };
		}
		const used = q.attempts.get(s.assignmentId, s.nameKey) ?? 0;
		if (used >= s.maxAttempts) return { kind: 'no-attempts', used };
		const row = { ...s, attempt: used + 1, answers: JSON.stringify(s.answers) };
		const { lastInsertRowid } = q.insertSubmission.run(row);
		return {
			kind: 'stored',
			submission: {
				id: Number(lastInsertRowid),
				receipt: s.receipt,
				name: s.name,
				attempt: row.attempt,
				score: s.score,
				maxScore: s.maxScore,
				answers: s.answers,
				submittedAt: s.submittedAt
			}
		};
	});

	// Every submission looks its assignment up by code: keep the parsed records (settings, own
	// questions) in memory. Only closed_at ever changes, and another server process may change
	// it or delete the row, so each use re-reads that one column by primary key.
	const byCode = new Map<string, AssignmentRecord>();
	// By id and token hash: a row id (or a code) can be reused after a delete; the hash cannot.
	const stateOf = db.prepare<[number, Buffer], { closed_at: string | null }>(
		'SELECT closed_at FROM assignments WHERE id = ? AND token_hash = ?'
	);

	return {
		createAssignment(a: NewAssignment) {
			const { changes, lastInsertRowid } = q.insertAssignment.run({
				...a,
				settings: JSON.stringify(a.settings),
				ownQuestions: JSON.stringify(a.ownQuestions)
			});
			return changes === 1 ? Number(lastInsertRowid) : null;
		},
		assignmentByCode(code) {
			const cached = byCode.get(code);
			if (cached) {
				const state = stateOf.get(cached.id, cached.tokenHash);
				if (state && state.closed_at === cached.closedAt) return cached;
				// Closed, reopened or deleted since: read it again (another may have its code now).
				byCode.delete(code);
			}
			const row = q.byCode.get(code);
			if (!row) return undefined;
			if (byCode.size >= 1000) byCode.clear();
			const record = toAssignment(row);
			byCode.set(code, record);
			return record;
		},
		assignmentByTokenHash(hash) {
			const row = q.byToken.get(hash);
			return row && toAssignment(row);
		},
		setClosed(id, closedAt) {
			q.setClosed.run(closedAt, id);
		},
		deleteAssignment: remove,
		submit: (s) => submitTransaction.immediate(s),
		attemptsUsed(assignmentId, nameKey) {
			return q.attempts.get(assignmentId, nameKey) ?? 0;
		},
		submissions(assignmentId) {
			return q.submissions.all(assignmentId).map(toSubmission);
		},
		submissionByReceipt(assignmentId, receipt) {
			const row = q.byReceipt.get(assignmentId, receipt);
			return row && toSubmission(row);
		},
		submissionByIdempotencyKey(assignmentId, key) {
			const row = q.byKey.get(assignmentId, key);
			return row && toSubmission(row);
		},
		counts() {
			return {
				assignments: q.countAssignments.get() ?? 0,
				submissions: q.countSubmissions.get() ?? 0
			};
		},
		close() {
			db.close();
		}
	};
}
