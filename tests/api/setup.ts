import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server-process';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
	}
}

/**
 * One production server for every API test file, on a fresh DATA_DIR. The rate limits are
 * raised 20 times (RATE_LIMIT_SCALE) so the suites fit in them; the 429 test and the crash test
 * start servers of their own.
 */
export default async function setup(project: TestProject) {
	const server = await startServer({ env: { RATE_LIMIT_SCALE: '20' } });
	project.provide('baseUrl', server.baseUrl);
	project.provide('dataDir', server.dataDir);
	return async () => {
		await server.stop('SIGTERM');
	};
}
