// Reads the server's database from outside while the server runs: the tests use it to prove
// that a refused request stored nothing. The SQLite file read-only, or the PostgreSQL database
// with a connection of its own. All the SQL the tests need is here.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import postgres from 'postgres';

export interface RowCounts {
	assignments: number;
	submissions: number;
}

export interface DatabaseProbe {
	counts(): Promise<RowCounts>;
	/** The database's own check: `['ok']` when nothing is damaged (PostgreSQL: that it answers). */
	integrityCheck(): Promise<string[]>;
	close(): Promise<void>;
}

/**
 * `{ databaseUrl }` (PostgreSQL), or `<dataDir>/course.db` opened read-only (it must exist: the
 * server creates it on first use).
 */
export function openDatabaseProbe(where: string | { databaseUrl: string }): DatabaseProbe {
	if (typeof where !== 'string') {
		const sql = postgres(where.databaseUrl, { max: 1, onnotice: () => {} });
		return {
			async counts() {
				const [r] = await sql<RowCounts[]>`
					SELECT (SELECT count(*)::int FROM assignments) AS assignments,
					  (SELECT count(*)::int FROM submissions) AS submissions`;
				return { assignments: r.assignments, submissions: r.submissions };
			},
			integrityCheck: async () =>
				(await sql`SELECT 1 AS one`).length === 1 ? ['ok'] : ['no answer'],
			close: () => sql.end()
		};
	}
	const db = new Database(join(where, 'course.db'), { readonly: true, fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	const assignments = db.prepare<[], number>('SELECT count(*) FROM assignments').pluck();
	const submissions = db.prepare<[], number>('SELECT count(*) FROM submissions').pluck();
	return {
		counts: async () => ({
			assignments: assignments.get() ?? 0,
			submissions: submissions.get() ?? 0
		}),
		integrityCheck: async () =>
			(db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
		close: async () => void db.close()
	};
}
