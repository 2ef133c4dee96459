// Offline after a first visit, updates that wait for the learner, an installable app (issue 15).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankQuestions } from '../support/bank';
import { startServer, type RunningServer } from '../support/server-process';
import { baseUrl, fileBrowser, jsErrors } from './helpers';

const b = await fileBrowser();

/** A context with the service worker allowed, at phone width. */
async function phone(): Promise<BrowserContext> {
	return b.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });
}

async function visit(context: BrowserContext, url: string): Promise<Page> {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	(page as Page & { jsErrors: string[] }).jsErrors = errors;
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return page;
}

/** Waits until the service worker has installed (the course is cached) and controls the page. */
async function controlled(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			timeout: 30_000
		})
		.toBe(true);
}

/** Starts the quiz until its first question is one with radio buttons, then answers it. */
async function answerOneQuestion(page: Page): Promise<void> {
	const quiz = page.locator('section.quiz');
	for (let i = 0; i < 20; i++) {
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await quiz.locator('legend').first().waitFor();
		const radio = quiz.locator('input[type=radio]').first();
		if (await radio.count()) {
			await radio.check();
			await quiz.getByRole('button', { name: 'Check my answer' }).click();
			await expect.poll(() => quiz.locator('.feedback').textContent()).toMatch(/Right|Not quite/);
			return;
		}
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	}
	throw new Error('no question with radio buttons came first in 20 tries');
}

describe('after a first visit, with no connection', () => {
	it('opens a lesson never opened before, the text, the glossary and the quiz, and says it is offline', async () => {
		const context = await phone();
		const page = await visit(context, `${baseUrl()}/`);
		await controlled(page);
		const offline = page.locator('.app-status .offline');
		expect(await offline.isVisible()).toBe(false);
		await context.setOffline(true);
		await expect.poll(() => offline.isVisible()).toBe(true);
		expect(await offline.textContent()).toMatch(/Offline\./);

		await page.goto(`${baseUrl()}/lessons/west-africa-sahel`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/West Africa/);
		await page.goto(`${baseUrl()}/read`);
		await expect.poll(() => page.locator('[id="p1.s1"]').isVisible()).toBe(true);
		expect(await page.locator('[id="p1.s1"]').textContent()).toMatch(/^At the invitation/);
		// The reader is plain HTML with a script of its own: it says so too.
		await expect.poll(() => offline.isVisible()).toBe(true);
		await page.goto(`${baseUrl()}/glossary`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Glossary');
		await page.goto(`${baseUrl()}/quiz`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await answerOneQuestion(page);
		expect(jsErrors(page)).toEqual([]);
		await context.close();
	});

	it('installs from a first visit to a page served as plain HTML (the reader) too', async () => {
		const context = await phone();
		const page = await visit(context, `${baseUrl()}/read`);
		await controlled(page);
		await context.setOffline(true);
		await page.goto(`${baseUrl()}/lessons/syria`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Syria/);
		expect(jsErrors(page)).toEqual([]);
		await context.close();
	});

	it('an assignment keeps the answers and sends them, once, when the connection is back', async () => {
		const questionIds = bankQuestions()
			.filter((q) => q.type === 'single')
			.slice(0, 2)
			.map((q) => q.id);
		const created = await fetch(`${baseUrl()}/api/assignments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Offline class', questionIds })
		});
		const { code, teacherToken } = (await created.json()) as { code: string; teacherToken: string };

		const context = await phone();
		const page = await visit(context, `${baseUrl()}/a/${code}`);
		await controlled(page);
		await page.getByLabel('Your name').fill('Ada');
		await page.getByRole('button', { name: 'Start' }).click();
		const questions = page.locator('ol.questions > li');
		await questions.first().waitFor();
		for (let i = 0; i < 2; i++) await questions.nth(i).locator('input[type=radio]').first().check();

		await context.setOffline(true);
		await page.getByRole('button', { name: /^Submit/ }).click();
		await expect
			.poll(() => page.locator('.waiting').textContent())
			.toMatch(/You are offline\. Your answers are kept on this device/);

		await context.setOffline(false);
		await page.locator('#score-h').waitFor({ timeout: 15_000 });
		const results = await fetch(`${baseUrl()}/api/assignments/${code}/results`, {
			headers: { authorization: `Bearer ${teacherToken}` }
		});
		const body = (await results.json()) as { page: { total: number } };
		expect(body.page.total).toBe(1);
		expect(jsErrors(page)).toEqual([]);
		await context.close();
	});
});

describe('a new version', () => {
	let server: RunningServer;
	// A copy of the build this test may change, served by a server of its own.
	const copy = join(process.cwd(), 'test-results', 'sw-update-build');

	beforeAll(async () => {
		rmSync(copy, { recursive: true, force: true });
		cpSync('build', copy, { recursive: true });
		// Served as it is on disk (no precompressed copies), so the change below is what a browser gets.
		for (const ext of ['.br', '.gz']) rmSync(join(copy, 'client', `service-worker.js${ext}`));
		server = await startServer({ env: { BUILD_DIR: copy } });
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(copy, { recursive: true, force: true });
	});

	it(
		'waits while a student is mid-quiz, offers a reload, then takes over and drops the old cache',
		{ timeout: 90_000 },
		async () => {
			const context = await phone();
			const page = await visit(context, `${server.baseUrl}/quiz`);
			await controlled(page);
			const before = await page.evaluate(() => caches.keys());
			expect(before.filter((k) => k.startsWith('course-'))).toHaveLength(1);
			await answerOneQuestion(page);
			await page.evaluate(() => ((window as unknown as { midQuiz: boolean }).midQuiz = true));

			// Deploy a new version: the worker's version changes (the same length), the server restarts
			// on the same address, and the page checks for it as a browser does by itself.
			const file = join(copy, 'client', 'service-worker.js');
			const source = readFileSync(file, 'utf8');
			const changed = source.replace(/course-/, 'course2').replace(/visited-/, 'visited2');
			expect(changed).not.toBe(source);
			const port = Number(new URL(server.baseUrl).port);
			await server.stop();
			writeFileSync(file, changed);
			server = await startServer({ env: { BUILD_DIR: copy }, port, dataDir: server.dataDir });
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

			const offer = page.locator('.app-status .update');
			await offer.waitFor({ timeout: 30_000 });
			expect(await offer.textContent()).toMatch(/A new version of the course is ready/);
			// Nothing took over: the same page, the quiz where the student left it.
			expect(await page.evaluate(() => (window as unknown as { midQuiz?: boolean }).midQuiz)).toBe(
				true
			);
			expect(await page.locator('section.quiz .feedback').count()).toBe(1);

			await Promise.all([
				page.waitForEvent('load'),
				offer.getByRole('button', { name: 'Reload' }).click()
			]);
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			expect(await page.evaluate(() => (window as unknown as { midQuiz?: boolean }).midQuiz)).toBe(
				undefined
			);
			await expect
				.poll(() => page.evaluate(() => caches.keys()))
				.toEqual(expect.not.arrayContaining(before));
			expect((await page.evaluate(() => caches.keys())).some((k) => k.startsWith('course2'))).toBe(
				true
			);
			await context.close();
		}
	);
});

describe('installable', () => {
	it('has a manifest with a name, icons, colours and standalone display', async () => {
		const html = await (await fetch(`${baseUrl()}/`)).text();
		expect(html).toMatch(/<link rel="manifest" href="[^"]*manifest\.webmanifest"/);
		const manifest = (await (await fetch(`${baseUrl()}/manifest.webmanifest`)).json()) as {
			name: string;
			display: string;
			theme_color: string;
			background_color: string;
			icons: { src: string; sizes: string; purpose?: string }[];
		};
		expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
		expect(manifest.name).toMatch(/Communique/);
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
		expect(manifest.icons.map((i) => i.sizes)).toEqual(
			expect.arrayContaining(['192x192', '512x512'])
		);
		expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
		for (const icon of manifest.icons) {
			const r = await fetch(`${baseUrl()}${icon.src}`);
			expect(r.status, icon.src).toBe(200);
			expect(r.headers.get('content-type')).toBe('image/png');
		}
	});
});
