// The rows the benchmarked server stored, loaded into a fresh store of the store's own code:
// shared by the two ceilings of scripts/bench-server.js that store (store-loop.js and
// bare-http.js in its storing mode).
//
// "The store's own code" literally: `openSqlite` and `Store.submit` of src/lib/server/db/sqlite.ts,
// so the same pragmas, the migrations of migrations.ts, and the same IMMEDIATE transaction
// (idempotency key, the assignment still open, attempt count, student cap, the submission with
// its answers and wrong answers in one row) behind the same async `write()`. Nothing is copied or
// read out of the source with regular expressions. The store is TypeScript, which Node 20 cannot
// import, and the build bundles it into a chunk with a hashed name that does not export
// `openSqlite`; so it is loaded with Vite's `runnerImport` (Vite is the project's build tool),
// which compiles the module as it loads it. That is the source, not the build:
// scripts/bench-server.js says when the build is older than src/.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

export const source = 'src/lib/server/db/sqlite.ts';

/**
 * Opens a fresh store at `bareFile`, creates the server's assignments in it, and returns it with
 * every submission the server stored, as the server's `submit` handed them to the store, and
 * `round(r)` for as many more as a ceiling needs.
 * @param {string} serverFile the server's database (read only)
 * @param {string} bareFile the file to create
 */
export async function storeWithServerRows(serverFile, bareFile) {
	/** @type {{ module: typeof import('../../src/lib/server/db/sqlite.js') }} */
	const { module: sqlite } = await runnerImport(resolve(source), {
		configFile: false,
		logLevel: 'error',
		root: process.cwd()
	});
	const from = new Database(serverFile, { readonly: true });
	/** @type {any[]} */
	const assignmentRows = from.prepare('SELECT * FROM assignments ORDER BY id').all();
	/** @type {any[]} */
	const submissionRows = from.prepare('SELECT * FROM submissions ORDER BY id').all();
	from.close();

	const store = sqlite.openSqlite(bareFile);
	/**
	 * A fresh copy of the server's assignments (round 0: the codes as they were; round r: codes
	 * with "-r" added): the server's assignment ids → this file's, with each one's limits.
	 * @param {string} tag
	 */
	async function copyAssignments(tag) {
		const assignments = new Map();
		for (const a of assignmentRows) {
			const settings = JSON.parse(a.settings);
			const id = await store.createAssignment({
				code: a.code + tag,
				tokenHash:
					tag === ''
						? a.token_hash
						: createHash('sha256').update(a.token_hash).update(tag).digest(),
				title: a.title,
				settings,
				ownQuestions: JSON.parse(a.own_questions),
				dueAt: a.due_at,
				createdAt: a.created_at
			});
			if (id === null) throw new Error(`Could not copy assignment ${a.code}`);
			assignments.set(a.id, { id, settings });
		}
		return assignments;
	}
	const first = await copyAssignments('');
	// Parsed once: a later round only renames (no pause of its own in a timed run).
	const submissions = submissionRows.map((r) => {
		const { id, settings } = first.get(r.assignment_id);
		return {
			assignmentId: id,
			receipt: r.receipt,
			idempotencyKey: r.idempotency_key,
			name: r.name,
			nameKey: r.name_key,
			score: r.score,
			maxScore: r.max_score,
			answers: JSON.parse(r.answers),
			wrong: JSON.parse(r.wrong).map((/** @type {string[]} */ [questionId, key, label]) => ({
				questionId,
				key,
				label
			})),
			submittedAt: r.submitted_at,
			late: false,
			maxAttempts: settings.attempts,
			maxStudents: settings.maxStudents,
			serverAssignmentId: r.assignment_id
		};
	});
	/**
	 * Round r of the server's submissions (r ≥ 1): each one again, into round r's copy of its
	 * assignment, with "-r" added to its receipt and key, so that every round stores as many first
	 * attempts as the server did, under the same caps. `next(i)` gives the i-th.
	 * @param {number} round
	 */
	async function round(round) {
		const tag = `-${round}`;
		const assignments = await copyAssignments(tag);
		return {
			size: submissions.length,
			/** @param {number} i */
			next: (i) => {
				const s = submissions[i];
				return {
					...s,
					assignmentId: assignments.get(s.serverAssignmentId).id,
					receipt: s.receipt + tag,
					idempotencyKey: s.idempotencyKey === null ? null : s.idempotencyKey + tag
				};
			}
		};
	}
	return { store, submissions, round };
}
