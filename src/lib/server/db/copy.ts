// `npm run db:copy -- --from data/course.db --to postgres://…`: moves a teacher's SQLite file to
// the school's PostgreSQL, everything in it (assignments, submissions, the answer-order secret,
// so that every student's question and option ids stay the same), in one transaction, into an
// empty database only.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { migratePostgres } from './postgres';
import { migrate } from './sqlite';

export interface CopyReport {
	assignments: number;
	submissions: number;
	secrets: number;
}

/** Refused before anything was written: the message says why and what to do. */
export class CopyRefused extends Error {}

const assignmentColumns = [
	'id',
	'code',
	'token_hash',
	'title',
	'settings',
	'own_questions',
	'due_at',
	'closed_at',
	'created_at',
	'revision'
] as const;
const submissionColumns = [
	'id',
	'assignment_id',
	'receipt',
	'idempotency_key',
	'name',
	'name_key',
	'attempt',
	'score',
	'max_score',
	'answers',
	'submitted_at',
	'analysed',
	'wrong',
	'late'
] as const;

const batch = 500;

/**
 * Copies the SQLite database `from` (brought to the current schema first) into the PostgreSQL
 * database `to` (migrated first), which must hold no assignment and no submission. Rate-limit
 * windows are not copied: they last a minute.
 */
export async function copySqliteToPostgres(from: string, to: string): Promise<CopyReport> {
	if (!existsSync(from)) throw new CopyRefused(`--from: there is no SQLite database at ${from}`);
	if (!/^postgres(ql)?:\/\//i.test(to))
		throw new CopyRefused(
			'--to: must be a PostgreSQL address, postgres://user:password@host/database'
		);
	const source = new Database(from, { fileMustExist: true });
	const sql = postgres(to, { max: 1, onnotice: () => {} });
	try {
		source.pragma('busy_timeout = 5000');
		migrate(source);
		await migratePostgres(sql);
		return await sql.begin(async (tx) => {
			// Nobody else writes while the copy runs; a second copy waits here, then refuses.
			await tx`LOCK TABLE assignments, submissions, secrets IN EXCLUSIVE MODE`;
			const [held] = await tx<{ assignments: number; submissions: number }[]>`
				SELECT (SELECT count(*)::int FROM assignments) AS assignments,
				  (SELECT count(*)::int FROM submissions) AS submissions`;
			if (held.assignments > 0 || held.submissions > 0)
				throw new CopyRefused(
					`--to: the database already holds ${held.assignments} assignments and ${held.submissions} submissions; ` +
						'db:copy copies only into an empty database and never overwrites. Create a new one ' +
						'(createdb course) and name it in --to.'
				);

			const assignments = source
				.prepare(`SELECT ${assignmentColumns.join(', ')} FROM assignments ORDER BY id`)
				.all() as Record<string, unknown>[];
			for (let i = 0; i < assignments.length; i += batch)
				await tx`INSERT INTO assignments ${tx(assignments.slice(i, i + batch) as never, ...assignmentColumns)}`;

			let submissions = 0;
			const rows = source
				.prepare(`SELECT ${submissionColumns.join(', ')} FROM submissions ORDER BY id`)
				.iterate() as IterableIterator<Record<string, unknown>>;
			let chunk: Record<string, unknown>[] = [];
			const flush = async () => {
				if (chunk.length)
					await tx`INSERT INTO submissions ${tx(chunk as never, ...submissionColumns)}`;
				submissions += chunk.length;
				chunk = [];
			};
			for (const row of rows) {
				chunk.push(row);
				if (chunk.length >= batch) await flush();
			}
			await flush();

			// The source's secrets replace the ones the new database made for itself.
			const secrets = source.prepare('SELECT name, value FROM secrets').all() as {
				name: string;
				value: Buffer;
			}[];
			for (const s of secrets)
				await tx`INSERT INTO secrets (name, value) VALUES (${s.name}, ${s.value})
					ON CONFLICT (name) DO UPDATE SET value = excluded.value`;

			// New rows get ids after the copied ones.
			for (const table of ['assignments', 'submissions'])
				await tx.unsafe(
					`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`
				);

			const [copied] = await tx<{ assignments: number; submissions: number }[]>`
				SELECT (SELECT count(*)::int FROM assignments) AS assignments,
				  (SELECT count(*)::int FROM submissions) AS submissions`;
			if (copied.assignments !== assignments.length || copied.submissions !== submissions)
				throw new Error(
					`Copied ${copied.assignments}/${assignments.length} assignments and ${copied.submissions}/${submissions} submissions: rolled back`
				);
			return { ...copied, secrets: secrets.length };
		});
	} finally {
		source.close();
		await sql.end();
	}
}
