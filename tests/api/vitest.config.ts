import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// JSON API tests: plain fetch against the production build (build/, or $BUILD_DIR), served by
// scripts/serve.js on a free port with its own SQLite file.
export default defineConfig({
	// Tests import the pure modules they check against (grading, the bank's types).
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: ['tests/api/**/*.test.ts'],
		// Two processes on one database: the PostgreSQL run only (vitest.postgres.config.ts).
		exclude: ['tests/api/processes.test.ts'],
		globalSetup: ['tests/api/setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
