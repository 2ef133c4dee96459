// The server opens its database and migrates it when it starts, so a database it cannot use
// stops it at once, with the reason, instead of failing the first student who submits.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process';

describe('starting the server', () => {
	it('creates and migrates the database before the first request', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'course-start-'));
		const server = await startServer({ dataDir });
		try {
			expect(existsSync(join(dataDir, 'course.db'))).toBe(true);
			const db = new Database(join(dataDir, 'course.db'), { readonly: true });
			expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
			db.close();
		} finally {
			await server.stop();
		}
	});

	it('refuses to start on a database from a newer build, saying why', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'course-start-'));
		const db = new Database(join(dataDir, 'course.db'));
		db.pragma('user_version = 99');
		db.close();
		await expect(startServer({ dataDir })).rejects.toThrow(
			/schema version 99, newer than this build knows/
		);
	});
});
