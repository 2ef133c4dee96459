import { resolve } from 'node:path';
import { openSqlite } from './sqlite';
import type { Store } from './types';

export type * from './types';
export { reveals } from './types';

let store: Store | undefined;

/** Where the database lives: `$DATA_DIR/course.db`, `./data/course.db` by default. */
export function databaseFile(): string {
	return resolve(process.env.DATA_DIR ?? 'data', 'course.db');
}

/**
 * The app's one database, opened on first use (never at import: the build imports server
 * modules to analyse them, and must not create a database).
 */
export function db(): Store {
	store ??= openSqlite(databaseFile());
	return store;
}
