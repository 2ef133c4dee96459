import { defineConfig } from 'vitest/config';

// JSON API tests: plain fetch against the production build (build/, or $BUILD_DIR), served by
// scripts/serve.js on a free port with its own SQLite file.
export default defineConfig({
	test: {
		include: ['tests/api/**/*.test.ts'],
		globalSetup: ['tests/api/setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
