import type { TestProject } from 'vitest/node';
import { postgresBinDir, startPostgres } from './postgres-cluster.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A PostgreSQL server for the tests ('' when there is none: those tests then fail, saying why). */
		testDatabaseUrl: string;
	}
}

/**
 * The PostgreSQL server the store's contract tests (and the API tests on PostgreSQL) use:
 * TEST_DATABASE_URL when set (`npm test` sets it to the throwaway server it starts), else a
 * throwaway one started here.
 */
export default async function setup(project: TestProject) {
	const given = process.env.TEST_DATABASE_URL;
	if (given) {
		project.provide('testDatabaseUrl', given);
		return;
	}
	if (!postgresBinDir()) {
		project.provide('testDatabaseUrl', '');
		return;
	}
	const server = await startPostgres();
	project.provide('testDatabaseUrl', server.url);
	return () => server.stop();
}
