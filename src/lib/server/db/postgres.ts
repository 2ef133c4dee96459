import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { isRetryable, storeError } from './errors';
import { postgresMigrations as migrations } from './migrations';
import * as shared from './rows';
import type {
	AssignmentRecord,
	EditOutcome,
	ItemSums,
	LatestScore,
	RateWindow,
	Store,
	SubmissionSummary,
	SubmitOutcome,
	WrongCount
} from './types';

type Sql = postgres.Sql;

/** The key of the advisory lock that processes starting together take to migrate once. */
const migrationLock = 4_201_320;

/**
 * Brings the schema up to the newest migration in one transaction under an advisory lock, so
 * processes starting together migrate once; refuses a database from a newer build. Creates the
 * answer-order secret on the way.
 */
export async function migratePostgres(sql: Sql): Promise<void> {
	const newest = migrations.at(-1)?.version ?? 0;
	await sql.begin(async (tx) => {
		await tx`SELECT pg_advisory_xact_lock(${migrationLock})`;
		await tx.unsafe(`CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY,
			name text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`);
		const [{ current }] = await tx<{ current: number }[]>`
			SELECT coalesce(max(version), 0)::int AS current FROM schema_migrations`;
		if (current > newest)
			throw new Error(
				`The database is at schema version ${current}, newer than this build knows (${newest}). ` +
					'Run the newer build, or point DATABASE_URL at another database.'
			);
		for (const m of migrations.filter((m) => m.version > current)) {
			await tx.unsafe(m.sql);
			await tx`INSERT INTO schema_migrations (version, name) VALUES (${m.version}, ${m.name})`;
		}
		await tx`INSERT INTO secrets (name, value) VALUES (${shared.answerOrderSecret}, ${randomBytes(32)})
			ON CONFLICT (name) DO NOTHING`;
	});
}

/** The first attempt each student still has; the latest. */
const firstAttempt = `s.attempt = (SELECT min(f.attempt) FROM submissions f
	WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)`;
const latestAttempt = `s.attempt = (SELECT max(f.attempt) FROM submissions f
	WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)`;

/** How long a write retries a conflict (a serialization failure, a deadlock) before a 503. */
const writeDeadlineMs = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a query or transaction; database trouble becomes `StoreUnavailable`, conflicts retry. */
async function run<T>(fn: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + writeDeadlineMs;
	for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
		try {
			return await fn();
		} catch (e) {
			if (!isRetryable(e) || Date.now() + wait > deadline) throw storeError(e);
		}
		await sleep(wait * (0.5 + Math.random()));
	}
}

export interface PostgresOptions {
	/** Connections in the pool (`DATABASE_POOL`, default 10). */
	max?: number;
}

/**
 * The store on PostgreSQL (`DATABASE_URL=postgres://…`): a pool of connections, opened on first
 * use; `ready()` runs the migrations. Safe for any number of processes on any number of
 * machines: every check that must hold across them happens in a transaction that holds the
 * assignment's row lock, and nothing is cached that another process can change unseen.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Store {
	const sql = postgres(url, {
		max: options.max ?? 10,
		// "relation already exists, skipping" and the like.
		onnotice: () => {},
		connect_timeout: 5,
		idle_timeout: 60,
		connection: { application_name: 'communique-course' }
	});

	let migrated: Promise<void> | undefined;
	/** Migrates once; after a failure (the database was down) the next call tries again. */
	const ready = () => {
		migrated ??= run(() => migratePostgres(sql)).catch((e) => {
			migrated = undefined;
			throw e;
		});
		return migrated;
	};
	/** A query once the schema is current. */
	const q = async <T>(fn: () => Promise<T>) => {
		await ready();
		return run(fn);
	};

	const cache = new shared.AssignmentCache(
		async (code) =>
			(
				await run(() => sql<shared.AssignmentRow[]>`SELECT * FROM assignments WHERE code = ${code}`)
			)[0],
		async (id, hash) =>
			(
				await run(
					() => sql<{ closed_at: string | null; revision: number }[]>`
						SELECT closed_at, revision FROM assignments WHERE id = ${id} AND token_hash = ${hash}`
				)
			)[0]
	);
	const secrets = new Map<string, Buffer>();
	let counted = 0;

	const submissionRows = (rows: shared.SubmissionRow[]) => rows.map(shared.toSubmission);

	return {
		kind: 'postgres',
		shared: true,
		ready,
		ping: () => q(async () => void (await sql`SELECT 1`)),
		async secret(name) {
			const known = secrets.get(name);
			if (known) return known;
			const value = await q(async () => {
				await sql`INSERT INTO secrets (name, value) VALUES (${name}, ${randomBytes(32)})
					ON CONFLICT (name) DO NOTHING`;
				const [row] = await sql<
					{ value: Buffer }[]
				>`SELECT value FROM secrets WHERE name = ${name}`;
				return Buffer.from(row.value);
			});
			secrets.set(name, value);
			return value;
		},
		createAssignment: (a) =>
			q(async () => {
				const { settings, ownQuestions } = shared.assignmentColumns(a);
				const rows = await sql<{ id: number }[]>`
					INSERT INTO assignments (code, token_hash, title, settings, own_questions, due_at, created_at)
					VALUES (${a.code}, ${a.tokenHash}, ${a.title}, ${settings}, ${ownQuestions}, ${a.dueAt}, ${a.createdAt})
					ON CONFLICT DO NOTHING RETURNING id`;
				return rows.length === 1 ? rows[0].id : null;
			}),
		async assignmentByCode(code) {
			await ready();
			return cache.get(code);
		},
		assignmentByTokenHash: (hash) =>
			q(async () => {
				const [row] = await sql<
					shared.AssignmentRow[]
				>`SELECT * FROM assignments WHERE token_hash = ${hash}`;
				return row && shared.toAssignment(row);
			}),
		setClosed: (id, closedAt) =>
			q(
				async () =>
					void (await sql`UPDATE assignments SET closed_at = ${closedAt} WHERE id = ${id}`)
			),
		// The row lock (FOR UPDATE) is the one every submission takes first: none can be stored
		// between the count and the write.
		updateAssignment: (id, edit, questionsChange) =>
			q(() =>
				sql.begin(async (tx): Promise<EditOutcome> => {
					const [a] = await tx`SELECT id FROM assignments WHERE id = ${id} FOR UPDATE`;
					if (!a) return { kind: 'gone' };
					if (questionsChange) {
						const [{ submissions }] = await tx<{ submissions: number }[]>`
							SELECT count(*)::int AS submissions FROM submissions WHERE assignment_id = ${id}`;
						if (submissions > 0) return { kind: 'has-submissions', submissions };
					}
					const [{ revision }] = await tx<{ revision: number }[]>`
						UPDATE assignments SET title = ${edit.title}, settings = ${JSON.stringify(edit.settings)},
						  due_at = ${edit.dueAt}, revision = revision + 1
						WHERE id = ${id} RETURNING revision`;
					return { kind: 'updated', revision };
				})
			),
		submittedNames: (assignmentId) =>
			q(async () => [
				...(await sql<{ name: string; nameKey: string }[]>`
					SELECT s.name, s.name_key AS "nameKey" FROM submissions s
					WHERE s.assignment_id = ${assignmentId} AND s.id = (SELECT min(f.id) FROM submissions f
					  WHERE f.assignment_id = s.assignment_id AND f.name_key = s.name_key)
					ORDER BY s.id`)
			]),
		deleteAssignment: (id) =>
			q(async () => void (await sql`DELETE FROM assignments WHERE id = ${id}`)),
		// The assignment's row lock (FOR UPDATE) orders every submission to it, in any process:
		// each sees the attempts and the names the ones before it stored. The unique constraints
		// on (assignment, name, attempt) and (assignment, idempotency key) are the last guard.
		async submit(s) {
			const once = () =>
				sql.begin(async (tx): Promise<SubmitOutcome> => {
					const [a] = await tx<{ closed_at: string | null }[]>`
						SELECT closed_at FROM assignments WHERE id = ${s.assignmentId} FOR UPDATE`;
					if (s.idempotencyKey) {
						const [before] = await tx<shared.SubmissionRow[]>`
							SELECT * FROM submissions
							WHERE assignment_id = ${s.assignmentId} AND idempotency_key = ${s.idempotencyKey}`;
						if (before) return { kind: 'replayed', submission: shared.toSubmission(before) };
					}
					if (!a) return { kind: 'gone' };
					if (a.closed_at !== null) return { kind: 'closed' };
					const [{ used, last }] = await tx<{ used: number; last: number | null }[]>`
						SELECT count(*)::int AS used, max(attempt) AS last FROM submissions
						WHERE assignment_id = ${s.assignmentId} AND name_key = ${s.nameKey}`;
					if (used >= s.maxAttempts) return { kind: 'no-attempts', used };
					if (used === 0) {
						const [{ students }] = await tx<{ students: number }[]>`
							SELECT count(DISTINCT name_key)::int AS students FROM submissions
							WHERE assignment_id = ${s.assignmentId}`;
						if (students >= s.maxStudents) return { kind: 'full', students };
					}
					const attempt = (last ?? 0) + 1;
					const [{ id }] = await tx<{ id: number }[]>`
						INSERT INTO submissions
						(assignment_id, receipt, idempotency_key, name, name_key, attempt, score, max_score,
						 answers, wrong, submitted_at, analysed, late)
						VALUES (${s.assignmentId}, ${s.receipt}, ${s.idempotencyKey}, ${s.name}, ${s.nameKey},
						 ${attempt}, ${s.score}, ${s.maxScore}, ${JSON.stringify(s.answers)},
						 ${shared.wrongJson(s.wrong)}, ${s.submittedAt}, 1, ${s.late ? 1 : 0})
						RETURNING id`;
					return shared.stored(s, id, attempt);
				});
			try {
				return await q(once);
			} catch (e) {
				// A unique constraint stopped a second copy (a race the lock should rule out): run it
				// again, and it answers as a replay or as no attempts left.
				if ((e as { code?: string }).code !== '23505') throw e;
				return q(once);
			}
		},
		deleteSubmission: (assignmentId, submissionId) =>
			q(async () => {
				const r =
					await sql`DELETE FROM submissions WHERE assignment_id = ${assignmentId} AND id = ${submissionId}`;
				return r.count === 1;
			}),
		attemptsUsed: (assignmentId, nameKey) =>
			q(async () => {
				const [{ used }] = await sql<{ used: number }[]>`
					SELECT count(*)::int AS used FROM submissions
					WHERE assignment_id = ${assignmentId} AND name_key = ${nameKey}`;
				return used;
			}),
		summary: (assignmentId) =>
			q(async () => {
				const [r] = await sql<SubmissionSummary[]>`
					SELECT count(*)::int AS submissions, count(DISTINCT name_key)::int AS students,
					  coalesce(max(id), 0) AS "lastId",
					  avg(CASE WHEN max_score > 0 THEN 100.0 * score / max_score ELSE 0 END)::float8 AS "meanPercent"
					FROM submissions WHERE assignment_id = ${assignmentId}`;
				return r;
			}),
		submissionsPage: (assignmentId, offset, limit) =>
			q(async () =>
				(
					await sql<shared.SubmissionRow[]>`
						SELECT * FROM submissions WHERE assignment_id = ${assignmentId}
						ORDER BY id LIMIT ${limit} OFFSET ${offset}`
				).map(shared.toListed)
			),
		submissionsAfter: (assignmentId, afterId, limit) =>
			q(async () =>
				(
					await sql<shared.SubmissionRow[]>`
						SELECT * FROM submissions WHERE assignment_id = ${assignmentId} AND id > ${afterId}
						ORDER BY id LIMIT ${limit}`
				).map(shared.toListed)
			),
		itemSums: (assignmentId) =>
			q(
				() => sql<ItemSums[]>`
					SELECT j.key AS "questionId", count(*)::int AS n,
					  sum(x) AS sx, sum(s.score - x) AS sy, sum(x * x) AS sxx,
					  sum((s.score - x) * (s.score - x)) AS syy, sum(x * (s.score - x)) AS sxy
					FROM submissions s, jsonb_each(s.answers::jsonb) j,
					  LATERAL (SELECT (j.value ->> 'score')::float8 AS x) v
					WHERE s.assignment_id = ${assignmentId} AND ${sql.unsafe(firstAttempt)}
					GROUP BY j.key`
			).then((rows) => [...rows]),
		// Ties go to the wrong answer stored first: by submission, then its place in the list.
		wrongCounts: (assignmentId) =>
			q(
				() => sql<WrongCount[]>`
					SELECT w.value ->> 0 AS "questionId", min((w.value ->> 2) COLLATE "C") AS label,
					  count(*)::int AS count
					FROM submissions s, jsonb_array_elements(s.wrong::jsonb) WITH ORDINALITY w (value, idx)
					WHERE s.assignment_id = ${assignmentId} AND ${sql.unsafe(firstAttempt)}
					GROUP BY w.value ->> 0, w.value ->> 1
					ORDER BY count(*) DESC, min(s.id::bigint * 100000 + w.idx)`
			).then((rows) => [...rows]),
		latestScores: (assignmentId) =>
			q(
				() => sql<LatestScore[]>`
					SELECT s.id AS "submissionId", s.name, j.key AS "questionId",
					  (j.value ->> 'score')::float8 AS score
					FROM submissions s, jsonb_each(s.answers::jsonb) j
					WHERE s.assignment_id = ${assignmentId} AND ${sql.unsafe(latestAttempt)}
					ORDER BY s.id, j.key COLLATE "C"`
			).then((rows) => [...rows]),
		submissions: (assignmentId) =>
			q(async () =>
				submissionRows(
					await sql<shared.SubmissionRow[]>`
						SELECT * FROM submissions WHERE assignment_id = ${assignmentId} ORDER BY id`
				)
			),
		// PostgreSQL's text holds no NUL character, so no stored receipt has one (SQLite finds none).
		submissionByReceipt: (assignmentId, receipt) =>
			q(async () => {
				if (receipt.includes('\0')) return undefined;
				const [row] = await sql<shared.SubmissionRow[]>`
					SELECT * FROM submissions WHERE assignment_id = ${assignmentId} AND receipt = ${receipt}`;
				return row && shared.toSubmission(row);
			}),
		submissionById: (assignmentId, submissionId) =>
			q(async () => {
				const [row] = await sql<shared.SubmissionRow[]>`
					SELECT * FROM submissions WHERE assignment_id = ${assignmentId} AND id = ${submissionId}`;
				return row && shared.toSubmission(row);
			}),
		submissionByIdempotencyKey: (assignmentId, key) =>
			q(async () => {
				const [row] = await sql<shared.SubmissionRow[]>`
					SELECT * FROM submissions WHERE assignment_id = ${assignmentId} AND idempotency_key = ${key}`;
				return row && shared.toSubmission(row);
			}),
		countRequest: (bucket, key, windowMs, now) =>
			q(async () => {
				if (++counted % 1000 === 0)
					await sql`DELETE FROM rate_limits WHERE bucket = ${bucket} AND window_start <= ${now - windowMs}`;
				const [w] = await sql<RateWindow[]>`
					INSERT INTO rate_limits (bucket, key, window_start, count) VALUES (${bucket}, ${key}, ${now}, 1)
					ON CONFLICT (bucket, key) DO UPDATE SET
					  count = CASE WHEN rate_limits.window_start <= ${now - windowMs} THEN 1 ELSE rate_limits.count + 1 END,
					  window_start = CASE WHEN rate_limits.window_start <= ${now - windowMs} THEN ${now}
					    ELSE rate_limits.window_start END
					RETURNING count, window_start::float8 AS start`;
				return w;
			}),
		requestWindow: (bucket, key, windowMs, now) =>
			q(async () => {
				const [w] = await sql<RateWindow[]>`
					SELECT count, window_start::float8 AS start FROM rate_limits
					WHERE bucket = ${bucket} AND key = ${key}`;
				return w && now - w.start < windowMs ? w : undefined;
			}),
		async backfill(wrongOf, nameKey) {
			const assignments = new Map<number, AssignmentRecord | undefined>();
			for (;;) {
				const rows = await q(
					() => sql<(shared.SubmissionRow & { assignment_id: number })[]>`
						SELECT * FROM submissions WHERE analysed = 0 ORDER BY id LIMIT 500`
				);
				if (rows.length === 0) break;
				await q(() =>
					sql.begin(async (tx) => {
						for (const row of rows) {
							if (!assignments.has(row.assignment_id)) {
								const [a] = await tx<shared.AssignmentRow[]>`
									SELECT * FROM assignments WHERE id = ${row.assignment_id}`;
								assignments.set(row.assignment_id, a && shared.toAssignment(a));
							}
							const a = assignments.get(row.assignment_id);
							const wrong = shared.wrongJson(a ? wrongOf(a, shared.toSubmission(row)) : []);
							await tx`UPDATE submissions SET wrong = ${wrong}, analysed = 1 WHERE id = ${row.id}`;
						}
					})
				);
			}
			const names = await q(
				() => sql<{ id: number; name: string; name_key: string }[]>`
					SELECT id, name, name_key FROM submissions`
			);
			for (const r of names.filter((r) => nameKey(r.name) !== r.name_key)) {
				try {
					await q(
						async () =>
							void (await sql`UPDATE submissions SET name_key = ${nameKey(r.name)} WHERE id = ${r.id}`)
					);
				} catch (e) {
					// Two old names that now fold together, with the same attempt number: keep the
					// old key for this one rather than lose a submission.
					if ((e as { code?: string }).code !== '23505') throw e;
				}
			}
		},
		counts: () =>
			q(async () => {
				const [r] = await sql<{ assignments: number; submissions: number }[]>`
					SELECT (SELECT count(*)::int FROM assignments) AS assignments,
					  (SELECT count(*)::int FROM submissions) AS submissions`;
				return r;
			}),
		close: () => sql.end({ timeout: 5 })
	};
}
