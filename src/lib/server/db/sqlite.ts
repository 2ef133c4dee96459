import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isBusy, storeError } from './errors';
import { migrations } from './migrations';
import type {
	AssignmentRecord,
	ItemSums,
	LatestScore,
	ListedSubmission,
	NewAssignment,
	NewSubmission,
	Store,
	StoredSubmission,
	SubmitOutcome,
	WrongCount
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
	assignment_id: number;
	receipt: string;
	name: string;
	name_key: string;
	attempt: number;
	score: number;
	max_score: number;
	answers: string;
	submitted_at: string;
}

type ListedRow = Omit<SubmissionRow, 'answers'> & { scores: string | null };

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

/** The columns every submission row has, as the record's fields (answers apart). */
const submissionFields = (r: Omit<SubmissionRow, 'answers'>) => ({
	id: r.id,
	receipt: r.receipt,
	name: r.name,
	nameKey: r.name_key,
	attempt: r.attempt,
	score: r.score,
	maxScore: r.max_score,
	submittedAt: r.submitted_at
});

const toSubmission = (r: SubmissionRow): StoredSubmission => ({
	...submissionFields(r),
	answers: JSON.parse(r.answers)
});

const toListed = (r: ListedRow): ListedSubmission => ({
	...submissionFields(r),
	scores: r.scores ? JSON.parse(r.scores) : {}
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

/** The first attempt each student still has (the earliest stored, should one be deleted). */
const firstAttempt = `s.attempt = (SELECT min(f.attempt) FROM submissions f
	WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)`;
const latestAttempt = `s.attempt = (SELECT max(f.attempt) FROM submissions f
	WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)`;
const listedColumns = `s.id, s.receipt, s.name, s.name_key, s.attempt, s.score, s.max_score, s.submitted_at,
	(SELECT json_group_object(a.question_id, a.score) FROM answers a WHERE a.submission_id = s.id) AS scores`;

/** The secret that draws each student's answer order and ids (see assignments/disguise.ts). */
export const answerOrderSecret = 'answer-order';

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
		answerOrderSecret,
		randomBytes(32)
	);
	db.pragma('busy_timeout = 10');

	const q = {
		insertAssignment: db.prepare(
			`INSERT INTO assignments (code, token_hash, title, settings, own_questions, due_at, created_at)
			 VALUES (@code, @tokenHash, @title, @settings, @ownQuestions, @dueAt, @createdAt)
			 ON CONFLICT DO NOTHING`
		),
		byCode: db.prepare<[string], AssignmentRow>('SELECT * FROM assignments WHERE code = ?'),
		byToken: db.prepare<[Buffer], AssignmentRow>('SELECT * FROM assignments WHERE token_hash = ?'),
		byId: db.prepare<[number], AssignmentRow>('SELECT * FROM assignments WHERE id = ?'),
		setClosed: db.prepare('UPDATE assignments SET closed_at = ? WHERE id = ?'),
		deleteAssignment: db.prepare('DELETE FROM assignments WHERE id = ?'),
		deleteSubmission: db.prepare('DELETE FROM submissions WHERE assignment_id = ? AND id = ?'),
		byKey: db.prepare<[number, string], SubmissionRow>(
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
			 (assignment_id, receipt, idempotency_key, name, name_key, attempt, score, max_score, answers, submitted_at, analysed)
			 VALUES (@assignmentId, @receipt, @idempotencyKey, @name, @nameKey, @attempt, @score, @maxScore, @answers, @submittedAt, 1)`
		),
		insertAnswer: db.prepare(
			'INSERT INTO answers (submission_id, question_id, score) VALUES (?, ?, ?)'
		),
		insertWrong: db.prepare(
			'INSERT INTO wrong_answers (submission_id, question_id, wrong_key, label) VALUES (?, ?, ?, ?)'
		),
		submissions: db.prepare<[number], SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? ORDER BY id'
		),
		page: db.prepare<[number, number, number], ListedRow>(
			`SELECT ${listedColumns} FROM submissions s WHERE s.assignment_id = ? ORDER BY s.id LIMIT ? OFFSET ?`
		),
		after: db.prepare<[number, number, number], ListedRow>(
			`SELECT ${listedColumns} FROM submissions s WHERE s.assignment_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`
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
			`SELECT a.question_id AS questionId, count(*) AS n,
			   sum(a.score) AS sx, sum(s.score - a.score) AS sy,
			   sum(a.score * a.score) AS sxx, sum((s.score - a.score) * (s.score - a.score)) AS syy,
			   sum(a.score * (s.score - a.score)) AS sxy
			 FROM submissions s JOIN answers a ON a.submission_id = s.id
			 WHERE s.assignment_id = ? AND ${firstAttempt}
			 GROUP BY a.question_id`
		),
		wrongCounts: db.prepare<[number], WrongCount>(
			`SELECT w.question_id AS questionId, min(w.label) AS label, count(*) AS count
			 FROM submissions s JOIN wrong_answers w ON w.submission_id = s.id
			 WHERE s.assignment_id = ? AND ${firstAttempt}
			 GROUP BY w.question_id, w.wrong_key
			 ORDER BY count(*) DESC, min(w.rowid)`
		),
		latestScores: db.prepare<[number], LatestScore>(
			`SELECT s.id AS submissionId, s.name, a.question_id AS questionId, a.score
			 FROM submissions s JOIN answers a ON a.submission_id = s.id
			 WHERE s.assignment_id = ? AND ${latestAttempt}
			 ORDER BY s.id`
		),
		countAssignments: db.prepare<[], number>('SELECT count(*) FROM assignments').pluck(),
		countSubmissions: db.prepare<[], number>('SELECT count(*) FROM submissions').pluck(),
		byReceipt: db.prepare<[number, string], SubmissionRow>(
			'SELECT * FROM submissions WHERE assignment_id = ? AND receipt = ?'
		),
		secret: db.prepare<[string], Buffer>('SELECT value FROM secrets WHERE name = ?').pluck(),
		insertSecret: db.prepare(
			'INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'
		),
		unanalysed: db.prepare<[], SubmissionRow>(
			'SELECT * FROM submissions WHERE analysed = 0 ORDER BY id LIMIT 500'
		),
		markAnalysed: db.prepare('UPDATE submissions SET analysed = 1 WHERE id = ?'),
		allNames: db.prepare<[], { id: number; name: string; name_key: string }>(
			'SELECT id, name, name_key FROM submissions'
		),
		setNameKey: db.prepare('UPDATE submissions SET name_key = ? WHERE id = ?')
	};

	// IMMEDIATE: the attempt count, the student cap and the insert hold the write lock together,
	// so two server processes cannot both give a name its last attempt or the class its last seat.
	const submitTransaction = db.transaction((s: NewSubmission): SubmitOutcome => {
		if (s.idempotencyKey) {
			const before = q.byKey.get(s.assignmentId, s.idempotencyKey);
			if (before) return { kind: 'replayed', submission: toSubmission(before) };
		}
		const { used, last } = q.attempts.get(s.assignmentId, s.nameKey) ?? { used: 0, last: null };
		if (used >= s.maxAttempts) return { kind: 'no-attempts', used };
		if (used === 0) {
			const students = q.students.get(s.assignmentId) ?? 0;
			if (students >= s.maxStudents) return { kind: 'full', students };
		}
		// After a deleted attempt, numbers go on from the highest: (name, attempt) stays unique.
		const attempt = (last ?? 0) + 1;
		const row = { ...s, attempt, answers: JSON.stringify(s.answers) };
		const id = Number(q.insertSubmission.run(row).lastInsertRowid);
		for (const [questionId, answer] of Object.entries(s.answers))
			q.insertAnswer.run(id, questionId, answer.score);
		for (const w of s.wrong) q.insertWrong.run(id, w.questionId, w.key, w.label);
		return {
			kind: 'stored',
			submission: {
				id,
				receipt: s.receipt,
				name: s.name,
				nameKey: s.nameKey,
				attempt,
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
	const secrets = new Map<string, Buffer>();

	return {
		secret(name) {
			let value = secrets.get(name) ?? q.secret.get(name);
			if (!value) {
				q.insertSecret.run(name, randomBytes(32));
				// Another process may have inserted first: read back whichever won.
				value = q.secret.get(name)!;
			}
			secrets.set(name, value);
			return value;
		},
		createAssignment: (a: NewAssignment) =>
			write(() => {
				const { changes, lastInsertRowid } = q.insertAssignment.run({
					...a,
					settings: JSON.stringify(a.settings),
					ownQuestions: JSON.stringify(a.ownQuestions)
				});
				return changes === 1 ? Number(lastInsertRowid) : null;
			}),
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
		setClosed: (id, closedAt) => write(() => void q.setClosed.run(closedAt, id)),
		// Submissions, their answers and wrong answers go with it (ON DELETE CASCADE).
		deleteAssignment: (id) => write(() => void q.deleteAssignment.run(id)),
		submit: (s) => write(() => submitTransaction.immediate(s)),
		deleteSubmission: (assignmentId, submissionId) =>
			write(() => q.deleteSubmission.run(assignmentId, submissionId).changes === 1),
		attemptsUsed(assignmentId, nameKey) {
			return q.attempts.get(assignmentId, nameKey)?.used ?? 0;
		},
		summary(assignmentId) {
			const r = q.summary.get(assignmentId)!;
			return { ...r, lastId: r.lastId ?? 0 };
		},
		submissionsPage: (assignmentId, offset, limit) =>
			q.page.all(assignmentId, limit, offset).map(toListed),
		submissionsAfter: (assignmentId, afterId, limit) =>
			q.after.all(assignmentId, afterId, limit).map(toListed),
		itemSums: (assignmentId) => q.itemSums.all(assignmentId),
		wrongCounts: (assignmentId) => q.wrongCounts.all(assignmentId),
		latestScores: (assignmentId) => q.latestScores.all(assignmentId),
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
									assignments.set(row.assignment_id, a && toAssignment(a));
								}
								const a = assignments.get(row.assignment_id);
								if (a)
									for (const w of wrongOf(a, toSubmission(row)))
										q.insertWrong.run(row.id, w.questionId, w.key, w.label);
								q.markAnalysed.run(row.id);
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
