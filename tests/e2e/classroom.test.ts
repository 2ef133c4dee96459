// Issue 10.1: the README's classroom is a laptop serving http://<its address>:3000. There the
// page is not a secure context (only https and localhost are), so crypto.randomUUID and other
// secure-context APIs do not exist. Chromium maps a real-looking name to this machine, so the
// whole flow runs on a non-localhost origin over plain http, as a class would use it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process';
import { launchBrowser } from './browser.js';

let b: Browser;
let server: RunningServer;
let origin = '';

beforeAll(async () => {
	// As `npm start` runs it: no ORIGIN, so the app serves whatever host the browser used.
	server = await startServer({ env: { ORIGIN: undefined } });
	origin = `http://classroom.test:${new URL(server.baseUrl).port}`;
	b = await launchBrowser(['--host-resolver-rules=MAP classroom.test 127.0.0.1']);
});
afterAll(async () => {
	await b?.close();
	await server?.stop();
});

async function visit(path: string): Promise<{ page: Page; errors: string[] }> {
	const context = await b.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const response = await page.goto(origin + path, { waitUntil: 'networkidle' });
	expect(response?.status(), path).toBe(200);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return { page, errors };
}

describe('a class on the school network (plain http, not localhost)', () => {
	let code = '';

	it('is not a secure context there, and every page still works', async () => {
		for (const path of ['/', '/read', '/quiz', '/review', '/teach', '/join']) {
			const { page, errors } = await visit(path);
			expect(await page.evaluate(() => window.isSecureContext), path).toBe(false);
			expect(errors, path).toEqual([]);
			await page.context().close();
		}
	});

	it('a teacher creates an assignment from the laptop’s address', async () => {
		const { page, errors } = await visit('/teach');
		await page.getByLabel('Title').fill('Network check');
		await page.getByRole('button', { name: /^1\. Reading a communique/ }).click();
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		await page.waitForURL(/\/teach\/[A-Za-z0-9_-]{43}$/);
		code = (await page.locator('.join .code').textContent())!.trim();
		expect(code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{6}$/);
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('a student joins, answers, submits and sees the result', async () => {
		const { page, errors } = await visit('/join');
		await page.getByLabel('Code').fill(code);
		await page.getByLabel('Your name').fill('Sami');
		await page.getByRole('button', { name: 'Join' }).click();
		await page.waitForURL(`**/a/${code}`);
		await page.locator('ol.questions').waitFor();
		const first = page.locator('ol.questions > li').first();
		await first.locator('input[type=radio], input[type=checkbox]').first().check();
		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await page.getByRole('button', { name: /Submit with \d+ unanswered/ }).click();
		await expect
			.poll(() => page.locator('#score-h').textContent())
			.toMatch(/Your score: [\d.]+ out of \d+/);
		expect(await page.locator('.form-error').textContent()).toBe('');
		expect(errors).toEqual([]);
	});
});
