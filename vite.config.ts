import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['lessons'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// A PostgreSQL server for the store's contract tests (see tests/support/postgres-setup.ts).
		globalSetup: ['tests/support/postgres-setup.ts'],
		environment: 'node'
	}
});
