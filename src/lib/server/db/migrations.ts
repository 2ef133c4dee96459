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
	}
];
