// The check of scripts/bench-server.js that every 201 is one stored submission, whole: read from
// the server's database (the SQLite file, or the PostgreSQL database) once the server stopped.
import Database from 'better-sqlite3';
import postgres from 'postgres';

/**
 * @typedef {{ key: string | null, score: number, analysed: number, answers: string,
 *   wrong: string }} StoredRow
 */

/** The rows to check, from the SQLite file. @param {string} file */
export function sqliteRows(file) {
	const db = new Database(file, { readonly: true });
	const rows = /** @type {StoredRow[]} */ (
		db
			.prepare(
				'SELECT idempotency_key AS key, score, analysed, answers, wrong FROM submissions ORDER BY id'
			)
			.all()
	);
	const assignments = /** @type {number} */ (
		db.prepare('SELECT count(*) FROM assignments').pluck().get()
	);
	db.close();
	return { rows, assignments };
}

/** The rows to check, from a PostgreSQL database. @param {string} url */
export async function postgresRows(url) {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	const rows = /** @type {StoredRow[]} */ (
		/** @type {unknown} */ ([
			...(await sql`SELECT idempotency_key AS key, score, analysed, answers, wrong
				FROM submissions ORDER BY id`)
		])
	);
	const [{ n }] = await sql`SELECT count(*)::int AS n FROM assignments`;
	await sql.end();
	return { rows, assignments: /** @type {number} */ (n) };
}

/**
 * Every 201 must be one stored row, with an answer for every question and the per-question
 * scores adding up to its score; nothing may be stored twice or for a refused request.
 * Requests are told apart by their Idempotency-Key (each request has its own). A request still
 * in flight when autocannon hung up may have been stored too: the server finished it, nobody
 * read the answer. Those are counted apart.
 * @param {{ rows: StoredRow[], assignments: number }} stored
 * @param {import('./load.js').Tracking} tracking every request sent to the server
 */
export function verify({ rows, assignments }, tracking) {
	const keys = new Set(rows.map((r) => r.key));
	const storedAnswered = rows.filter((r) => r.key !== null && tracking.answered.has(r.key)).length;
	const storedInFlight = rows.filter(
		(r) => r.key !== null && tracking.sent.has(r.key) && !tracking.answered.has(r.key)
	).length;
	let answerCount = 0;
	let wrongCount = 0;
	let incomplete = 0;
	for (const r of rows) {
		/** @type {Record<string, { score: number }>} */
		const answers = JSON.parse(r.answers);
		const scores = Object.values(answers).map((a) => a.score);
		answerCount += scores.length;
		wrongCount += JSON.parse(r.wrong).length;
		const sum = scores.reduce((t, x) => t + x, 0);
		if (!scores.length || Math.abs(sum - r.score) > 0.001 * scores.length) incomplete++;
	}
	const verification = {
		responses201: tracking.created.size,
		storedRows: rows.length,
		storedForAnsweredRequests: storedAnswered,
		storedForRequestsInFlightAtStop: storedInFlight,
		requestsInFlightAtStop: tracking.sent.size - tracking.answered.size,
		missing201Rows: [...tracking.created].filter((k) => !keys.has(k)).length,
		storedForRefusedRequests: rows.filter(
			(r) => r.key !== null && tracking.answered.has(r.key) && !tracking.created.has(r.key)
		).length,
		storedUnknownKeys: rows.length - storedAnswered - storedInFlight,
		storedKeysDistinct: keys.size === rows.length,
		// The rest of each submission's transaction: its answers, its score, its wrong answers.
		rowsWithoutEveryAnswer: incomplete,
		rowsNotAnalysed: rows.filter((r) => Number(r.analysed) !== 1).length,
		answers: answerCount,
		wrongAnswers: wrongCount,
		assignments
	};
	const ok =
		storedAnswered === tracking.created.size &&
		verification.missing201Rows === 0 &&
		verification.storedForRefusedRequests === 0 &&
		verification.storedUnknownKeys === 0 &&
		verification.storedKeysDistinct &&
		verification.rowsWithoutEveryAnswer === 0 &&
		verification.rowsNotAnalysed === 0;
	return { ok, ...verification };
}
