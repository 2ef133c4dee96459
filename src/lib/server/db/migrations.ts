/**
 * The schema, as numbered steps. Each runs once, in its own transaction, and sets
 * `PRAGMA user_version` to its number; a database from an older build is brought forward at
 * start, and one from a newer build is refused rather than misread. Never edit a step that has
 * shipped: add the next one.
 */
export const migrations: { version: number; name: string; sql: string }[] = [
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
	}
];
