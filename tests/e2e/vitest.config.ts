import { defineConfig } from 'vitest/config';

// Browser tests: against the production build (build/), served by adapter-node on a free port.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/e2e/server.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: false
	}
});
