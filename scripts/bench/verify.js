// The check of scripts/bench-server.js that every 201 is one stored submission, whole: read from
// the server's SQLite file once the server has stopped.
import Database from 'better-sqlite3';

/**
 * Every 201 must be one stored row, with one `answers` row per question it answered and the
 * per-question scores adding up to its score; nothing may be stored twice or for a refused
 * request. Requests are told apart by their Idempotency-Key (each request has its own). A
 * request still in flight when autocannon hung up may have been stored too: the server finished
 * it, nobody read the answer. Those are counted apart.
 * @param {string} file the server's database
 * @param {import('./load.js').Tracking} tracking every request sent to the server
 */
export function verify(file, tracking) {
	const db = new Database(file, { readonly: true });
	/** @type {{ key: string | null, questions: number, answerRows: number, score: number,
	 *   answerScores: number | null, analysed: number }[]} */
	const rows = /** @type {any[]} */ (
		db
			.prepare(
				`SELECT s.idempotency_key AS key, s.score, s.analysed,
				   (SELECT count(*) FROM json_each(s.answers)) AS questions,
				   (SELECT count(*) FROM answers a WHERE a.submission_id = s.id) AS answerRows,
				   (SELECT sum(a.score) FROM answers a WHERE a.submission_id = s.id) AS answerScores
				 FROM submissions s ORDER BY s.id`
			)
			.all()
	);
	const wrongRows = /** @type {number} */ (
		db.prepare('SELECT count(*) FROM wrong_answers').pluck().get()
	);
	const assignments = /** @type {number} */ (
		db.prepare('SELECT count(*) FROM assignments').pluck().get()
	);
	db.close();
	const keys = new Set(rows.map((r) => r.key));
	const storedAnswered = rows.filter((r) => r.key !== null && tracking.answered.has(r.key)).length;
	const storedInFlight = rows.filter(
		(r) => r.key !== null && tracking.sent.has(r.key) && !tracking.answered.has(r.key)
	).length;
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
		rowsWithoutEveryAnswer: rows.filter(
			(r) =>
				r.answerRows !== r.questions ||
				Math.abs((r.answerScores ?? 0) - r.score) > 0.001 * r.questions
		).length,
		rowsNotAnalysed: rows.filter((r) => r.analysed !== 1).length,
		answerRows: rows.reduce((n, r) => n + r.answerRows, 0),
		wrongAnswerRows: wrongRows,
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
