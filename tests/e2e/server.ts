import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server-process';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/** Starts the production build for the browser tests and stops it afterwards. */
export default async function setup(project: TestProject) {
	const server = await startServer();
	project.provide('baseUrl', server.baseUrl);
	return async () => {
		await server.stop('SIGTERM');
	};
}
