import { mkdirSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createDatabase, startPostgres } from '../support/postgres-cluster.js';
import { startProxy } from '../support/round-robin-proxy.js';
import { freePort, startServer } from '../support/server-process';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the tests send requests: the server, or the proxy in front of both (PostgreSQL). */
		baseUrl: string;
		/** The SQLite server's DATA_DIR ('' on PostgreSQL). */
		dataDir: string;
		/** The PostgreSQL database the app processes share ('' on SQLite). */
		databaseUrl: string;
		/** Each app process's own address (one on SQLite, two on PostgreSQL). */
		nodeUrls: string[];
	}
}

/**
 * One production server for every API test file, on a fresh DATA_DIR; or, with
 * API_BACKEND=postgres (tests/api/vitest.postgres.config.ts), two app processes on one fresh
 * PostgreSQL database behind a round-robin proxy, so that consecutive requests of every test
 * go to different processes. The rate limits are raised 20 times (RATE_LIMIT_SCALE) so the
 * suites fit in them; the 429 test and the crash test start servers of their own.
 */
export default async function setup(project: TestProject) {
	if (process.env.API_BACKEND !== 'postgres') {
		const server = await startServer({ env: { RATE_LIMIT_SCALE: '20' } });
		project.provide('baseUrl', server.baseUrl);
		project.provide('dataDir', server.dataDir);
		project.provide('databaseUrl', '');
		project.provide('nodeUrls', [server.baseUrl]);
		return () => server.stop('SIGTERM');
	}

	const own = process.env.TEST_DATABASE_URL ? undefined : await startPostgres();
	const database = await createDatabase(process.env.TEST_DATABASE_URL ?? own!.url, 'api');
	// The proxy's address is the public one (ORIGIN) of both, as behind a real load balancer.
	const proxyPort = await freePort();
	const origin = `http://127.0.0.1:${proxyPort}`;
	const env = {
		RATE_LIMIT_SCALE: '20',
		DATABASE_URL: database.url,
		ORIGIN: origin
	};
	const nodes = await Promise.all([startServer({ env }), startServer({ env })]);
	const proxy = await startProxy(
		nodes.map((n) => n.baseUrl),
		proxyPort
	);
	project.provide('baseUrl', proxy.url);
	project.provide('dataDir', '');
	project.provide('databaseUrl', database.url);
	project.provide(
		'nodeUrls',
		nodes.map((n) => n.baseUrl)
	);
	return async () => {
		await proxy.close();
		await Promise.all(nodes.map((n) => n.stop('SIGTERM')));
		// What each process printed, for a failure to be read after the run.
		mkdirSync('test-results', { recursive: true });
		nodes.forEach((n, i) => writeFileSync(`test-results/api-postgres-node-${i + 1}.log`, n.log()));
		await database.drop();
		await own?.stop();
	};
}
