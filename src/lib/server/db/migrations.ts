export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/**
 * The SQLite schema, as numbered steps. Each runs once, in its own transaction, and sets
 * `PRAGMA user_version` to its number; a database from an older build is brought forward at
 * start, and one from a newer build is refused rather than misread. Never edit a step that has
 * shipped: add the next one.
 */
export const sqliteMigrations: Migration[] = [
	{
		version: 1,
		name: 'assignments and submissions',
		sql: `
			CREATE TABLE assignments (
				id INTEGER PRIMARY KEY,
				code TEXT NOT NULL UNIQUE,
				token_hash BLOB NOT NULL UNIQUE,
				title TEXT NOT NULL,
				-- AssignmentSettings as JSON: the question pool, count, shuffle, attempts, reveal
				settings TEXT NOT NULL,
				-- Teacher-written questions as JSON (full questions, answers included: never sent to students)
				own_questions TEXT NOT NULL,
				due_at TEXT,
				closed_at TEXT,
				created_at TEXT NOT NULL
			) STRICT;

			CREATE TABLE submissions (
				id INTEGER PRIMARY KEY,
				assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
				-- An unguessable id the student keeps to see their results later
				receipt TEXT NOT NULL UNIQUE,
				idempotency_key TEXT,
				name TEXT NOT NULL,
				-- The name folded for comparison: attempts are counted per name
				name_key TEXT NOT NULL,
				attempt INTEGER NOT NULL,
				score REAL NOT NULL,
				max_score INTEGER NOT NULL,
				-- question id → { score, response } as JSON
				answers TEXT NOT NULL,
				submitted_at TEXT NOT NULL,
				UNIQUE (assignment_id, name_key, attempt),
				UNIQUE (assignment_id, idempotency_key)
			) STRICT;
		`
	},
	{
		version: 2,
		name: 'answer-order secret, per-question scores and wrong answers for the dashboard',
		sql: `
			-- Server-side secrets (the key that draws each student's answer order and ids). One row
			-- per name, created on first use; shared by every process on this database.
			CREATE TABLE secrets (
				name TEXT PRIMARY KEY,
				value BLOB NOT NULL
			) STRICT;

			-- One row per question of each submission, so the dashboard aggregates in SQL.
			CREATE TABLE answers (
				submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
				question_id TEXT NOT NULL,
				score REAL NOT NULL,
				PRIMARY KEY (submission_id, question_id)
			) STRICT, WITHOUT ROWID;
			INSERT INTO answers (submission_id, question_id, score)
				SELECT s.id, j.key, json_extract(j.value, '$.score') FROM submissions s, json_each(s.answers) j;

			-- The wrong parts of answers that did not earn full marks ("chose option c", "matched
			-- A to Y"), for "the most chosen wrong answer". Filled by the server as it stores each
			-- submission; rows stored before this step are filled at the next start (analysed = 0).
			CREATE TABLE wrong_answers (
				submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
				question_id TEXT NOT NULL,
				wrong_key TEXT NOT NULL,
				label TEXT NOT NULL
			) STRICT;
			CREATE INDEX wrong_answers_by_submission ON wrong_answers (submission_id);
			ALTER TABLE submissions ADD COLUMN analysed INTEGER NOT NULL DEFAULT 0;
		`
	},
	{
		version: 3,
		name: 'shared rate limits; answers and wrong answers kept in their submission row',
		sql: `
			-- Fixed-window request counters per rate limit and client, shared by every process.
			CREATE TABLE rate_limits (
				bucket TEXT NOT NULL,
				key TEXT NOT NULL,
				window_start INTEGER NOT NULL,
				count INTEGER NOT NULL,
				PRIMARY KEY (bucket, key)
			) STRICT, WITHOUT ROWID;

			-- One write per submission instead of one row per answer and per wrong part: the wrong
			-- parts become a JSON list [[question id, key, label], …] in the order they were stored
			-- (the order "the first seen first" breaks ties by), and the per-question scores are
			-- read from the answers column, which always held them.
			ALTER TABLE submissions ADD COLUMN wrong TEXT NOT NULL DEFAULT '[]';
			UPDATE submissions SET wrong = (
				SELECT json_group_array(json_array(w.question_id, w.wrong_key, w.label) ORDER BY w.rowid)
				FROM wrong_answers w WHERE w.submission_id = submissions.id
			) WHERE id IN (SELECT submission_id FROM wrong_answers);
			DROP TABLE wrong_answers;
			DROP TABLE answers;
		`
	},
	{
		version: 4,
		name: 'editable assignments (a revision every cache checks) and late submissions',
		sql: `
			-- Raised by every edit of an assignment's title, settings or due date, so each process's
			-- cache of parsed assignments sees an edit made by another process at once.
			ALTER TABLE assignments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
			-- 1 when the submission came after the due date, the teacher accepting late work.
			ALTER TABLE submissions ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
		`
	}
];

/**
 * The PostgreSQL schema (with `DATABASE_URL`), numbered like SQLite's and recorded in
 * `schema_migrations`; its v1 is SQLite's v3 and its v2 SQLite's v4, column for column, so `npm run db:copy`
 * copies rows as they are. Values keep SQLite's forms (times as ISO 8601 text, JSON as text).
 */
export const postgresMigrations: Migration[] = [
	{
		version: 1,
		name: 'assignments, submissions, secrets and rate limits',
		sql: `
			CREATE TABLE assignments (
				id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
				code text NOT NULL UNIQUE,
				token_hash bytea NOT NULL UNIQUE,
				title text NOT NULL,
				settings text NOT NULL,
				own_questions text NOT NULL,
				due_at text,
				closed_at text,
				created_at text NOT NULL
			);

			CREATE TABLE submissions (
				id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
				assignment_id integer NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
				receipt text NOT NULL UNIQUE,
				idempotency_key text,
				name text NOT NULL,
				name_key text NOT NULL,
				attempt integer NOT NULL,
				score double precision NOT NULL,
				max_score integer NOT NULL,
				answers text NOT NULL,
				submitted_at text NOT NULL,
				analysed integer NOT NULL DEFAULT 0,
				wrong text NOT NULL DEFAULT '[]',
				-- The attempt limit's last guard: two processes can never store the same attempt.
				UNIQUE (assignment_id, name_key, attempt),
				UNIQUE (assignment_id, idempotency_key)
			);

			CREATE TABLE secrets (
				name text PRIMARY KEY,
				value bytea NOT NULL
			);

			CREATE TABLE rate_limits (
				bucket text NOT NULL,
				key text NOT NULL,
				window_start bigint NOT NULL,
				count integer NOT NULL,
				PRIMARY KEY (bucket, key)
			);
		`
	},
	{
		version: 2,
		name: 'editable assignments (a revision every cache checks) and late submissions',
		sql: `
			ALTER TABLE assignments ADD COLUMN revision integer NOT NULL DEFAULT 0;
			ALTER TABLE submissions ADD COLUMN late integer NOT NULL DEFAULT 0;
		`
	}
];
