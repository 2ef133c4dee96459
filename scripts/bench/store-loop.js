// The first ceiling of scripts/bench-server.js, in a process of its own: the rows the server
// stored, stored again into a fresh file by the store's own code, one submission after the
// other, with nothing else in the way (no HTTP, no parsing, no grading). Reports in JSON on its
// last line of output.
//
// "The store's own code" literally: `openSqlite` and `Store.submit` of src/lib/server/db/sqlite.ts,
// so the same pragmas, the migrations of migrations.ts, and the same IMMEDIATE transaction
// (idempotency key, the assignment still open, attempt count, student cap, the submission with
// its answers and wrong answers in one row) behind the same async `write()`. Nothing is copied or read out of the
// source with regular expressions. The store is TypeScript, which Node 20 cannot import, and the
// build bundles it into a chunk with a hashed name that does not export `openSqlite`; so it is
// loaded with Vite's `runnerImport` (Vite is the project's build tool), which compiles the module
// as it loads it. That is the source, not the build: scripts/bench-server.js says when the build
// is older than src/.
//
// SERVER_DB: the server's file (read only). BARE_DB: the file to create. CAP_SECONDS: stop after
// this long even if rows are left.
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const serverFile = String(process.env.SERVER_DB);
const bareFile = String(process.env.BARE_DB);
const capSeconds = Number(process.env.CAP_SECONDS ?? 5);
const source = 'src/lib/server/db/sqlite.ts';

/** @type {{ module: typeof import('../../src/lib/server/db/sqlite.js') }} */
const { module: sqlite } = await runnerImport(resolve(source), {
	configFile: false,
	logLevel: 'error',
	root: process.cwd()
});

// Everything the server stored, as the server's `submit` handed it to the store.
const from = new Database(serverFile, { readonly: true });
/** @type {any[]} */
const assignmentRows = from.prepare('SELECT * FROM assignments ORDER BY id').all();
/** @type {any[]} */
const submissionRows = from.prepare('SELECT * FROM submissions ORDER BY id').all();
from.close();

const store = sqlite.openSqlite(bareFile);
/** The server's assignment ids → this file's, with each one's limits. */
const assignments = new Map();
for (const a of assignmentRows) {
	const settings = JSON.parse(a.settings);
	const id = await store.createAssignment({
		code: a.code,
		tokenHash: a.token_hash,
		title: a.title,
		settings,
		ownQuestions: JSON.parse(a.own_questions),
		dueAt: a.due_at,
		createdAt: a.created_at
	});
	if (id === null) throw new Error(`Could not copy assignment ${a.code}`);
	assignments.set(a.id, { id, settings });
}
const submissions = submissionRows.map((r) => {
	const { id, settings } = assignments.get(r.assignment_id);
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
		maxAttempts: settings.attempts,
		maxStudents: settings.maxStudents
	};
});

let rows = 0;
const start = process.hrtime.bigint();
const cap = start + BigInt(Math.round(capSeconds * 1e9));
for (const s of submissions) {
	const outcome = await store.submit(s);
	if (outcome.kind !== 'stored')
		throw new Error(`The store answered "${outcome.kind}" for ${s.name}: the copy is not faithful`);
	rows++;
	if ((rows & 255) === 0 && process.hrtime.bigint() > cap) break;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const counts = await store.counts();
await store.close();
console.log(JSON.stringify({ rows, seconds, rowsPerSecond: rows / seconds, counts, source }));
