import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from './load-files';

// The same check `npm run build` runs first, run as a real process on a copy of the project
// with one broken file: it must stop with a message naming the file, the id and the field.
const root = resolve('.');
const copy = mkdtempSync(join(tmpdir(), 'course-content-'));
for (const entry of [
	'src',
	'lessons',
	'scripts',
	'static',
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
]) {
	cpSync(join(root, entry), join(copy, entry), { recursive: true });
}
symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function check() {
	return spawnSync(process.execPath, ['scripts/content-check.js'], {
		cwd: copy,
		encoding: 'utf8',
		timeout: 60_000
	});
}

// Each check starts Vite cold in a child process: seconds, not milliseconds, on a busy machine.
describe('npm run content:check (run before every build)', { timeout: 60_000 }, () => {
	it('passes on the real content and prints the coverage', () => {
		const result = check();
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^Content OK/);
		expect(result.stdout).toMatch(/p4\.s2/);
	});

	it('stops on a broken lesson, naming file, id and field', () => {
		writeFileSync(join(copy, 'lessons/bad-quote.md'), fixture('bad-quote.md'));
		const result = check();
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('/lessons/bad-quote.md [bad-quote] <Quote id="p3.s4" phrase>');
	});
});
