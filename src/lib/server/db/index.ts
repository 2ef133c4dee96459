import { resolve } from 'node:path';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Store } from './types';

export type * from './types';
export { reveals } from './types';
export { answerOrderSecret } from './rows';

let store: Store | undefined;

/** Where the SQLite database lives: `$DATA_DIR/course.db`, `./data/course.db` by default. */
export function databaseFile(): string {
	return resolve(process.env.DATA_DIR ?? 'data', 'course.db');
}

/** Whether `DATABASE_URL` names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function postgresUrl(env = process.env): string | undefined {
	const url = env.DATABASE_URL?.trim();
	if (!url) return undefined;
	if (!/^postgres(ql)?:\/\//i.test(url))
		throw new Error(
			'DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database); ' +
				'leave it unset to keep the SQLite file in DATA_DIR.'
		);
	return url;
}

/**
 * The app's one database, opened on first use (never at import: the build imports server
 * modules to analyse them, and must not create a database): PostgreSQL when `DATABASE_URL`
 * names one, else the SQLite file in `DATA_DIR`. `await db().ready()` before serving.
 */
export function db(): Store {
	if (!store) {
		const url = postgresUrl();
		store = url
			? openPostgres(url, { max: Number(process.env.DATABASE_POOL) || undefined })
			: openSqlite(databaseFile());
	}
	return store;
}

/** Closes the database (the pool) if it was opened: on shutdown. */
export async function closeDb(): Promise<void> {
	const open = store;
	store = undefined;
	await open?.close();
}
