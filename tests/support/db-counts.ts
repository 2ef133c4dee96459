// Reads the server's SQLite file from outside, read-only, while the server runs: the tests use
// it to prove that a refused request stored nothing. All the SQL the tests need is here.
import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface RowCounts {
	assignments: number;
	submissions: number;
}

export interface DatabaseProbe {
	counts(): RowCounts;
	/** SQLite's own check of the file: `['ok']` when nothing is damaged. */
	integrityCheck(): string[];
	close(): void;
}

/** Opens `<dataDir>/course.db` read-only (it must exist: the server creates it on first use). */
export function openDatabaseProbe(dataDir: string): DatabaseProbe {
	const db = new Database(join(dataDir, 'course.db'), { readonly: true, fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	const assignments = db.prepare<[], number>('SELECT count(*) FROM assignments').pluck();
	const submissions = db.prepare<[], number>('SELECT count(*) FROM submissions').pluck();
	return {
		counts: () => ({ assignments: assignments.get() ?? 0, submissions: submissions.get() ?? 0 }),
		integrityCheck: () =>
			(db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
		close: () => db.close()
	};
}
