import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The API tests on PostgreSQL: two app processes sharing one database behind a round-robin
// proxy (tests/api/setup.ts with API_BACKEND=postgres), and the tests of several processes.
// Not the SQLite-only files: classroom (the sqlite3 command holds the file's lock, a full disk)
// and startup (a SQLite file from a newer build).
process.env.API_BACKEND = 'postgres';
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: [
			'tests/api/flow.test.ts',
			'tests/api/errors.test.ts',
			'tests/api/fuzz.test.ts',
			'tests/api/concurrency.test.ts',
			'tests/api/dashboard.test.ts',
			'tests/api/answers.test.ts',
			'tests/api/editing.test.ts',
			'tests/api/crash.test.ts',
			'tests/api/processes.test.ts',
			'tests/api/ops.test.ts'
		],
		globalSetup: ['tests/api/setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
