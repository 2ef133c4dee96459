// The join and create forms are SvelteKit form actions: they work without JavaScript, and with it
// they name the field at fault and move focus to it (issue 14, "Forms that always work").
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bankQuestions } from '../support/bank';
import { baseUrl, expectNoAxeViolations, fileBrowser, jsErrors, open } from './helpers';

const b = await fileBrowser();

const bank = bankQuestions();
const firstTwo = bank.slice(0, 2).map((q) => q.id);

/** A page with JavaScript turned off (nothing hydrates, so nothing waits for it). */
async function openWithoutJs(path: string): Promise<Page> {
	const context = await b.newContext({
		javaScriptEnabled: false,
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	const response = await page.goto(baseUrl() + path);
	expect(response?.status(), `status of ${path}`).toBe(200);
	return page;
}

async function createByApi(title: string): Promise<{ code: string; token: string }> {
	const r = await fetch(`${baseUrl()}/api/assignments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title, questionIds: firstTwo })
	});
	expect(r.status).toBe(201);
	const body = (await r.json()) as { code: string; teacherToken: string };
	return { code: body.code, token: body.teacherToken };
}

/** Fills in the join form and sends it. */
async function join(page: Page, code: string, name: string) {
	await page.getByLabel('Code').fill(code);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('joining without JavaScript', () => {
	it('refuses a code with characters codes never use, keeping what was typed, focus on the code', async () => {
		const page = await openWithoutJs('/join');
		await join(page, 'ZZZ999', 'Ada');
		await page.waitForLoadState('load');
		expect(await page.locator('#code-error').textContent()).toMatch(/codes never use Z/);
		expect(await page.getByLabel('Code').inputValue()).toBe('ZZZ999');
		expect(await page.getByLabel('Your name').inputValue()).toBe('Ada');
		expect(await focusedId(page)).toBe('code');
		expect(await page.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
	});

	it('refuses a code no assignment has, and a name that is too long, naming each', async () => {
		const page = await openWithoutJs('/join');
		await join(page, 'ACDEFG', 'Ada');
		await page.waitForLoadState('load');
		expect(await page.locator('#code-error').textContent()).toMatch(
			/no assignment has the code ACDEFG/
		);

		const { code } = await createByApi('No-JS join');
		await join(page, code, 'A'.repeat(61));
		await page.waitForLoadState('load');
		expect(await page.locator('#name-error').textContent()).toMatch(
			/Name: use at most 60 characters \(this one has 61\)/
		);
		expect(await focusedId(page)).toBe('name');
		expect(await page.getByLabel('Your name').getAttribute('aria-describedby')).toBe(
			'name-error name-hint'
		);
	});

	it('goes to the assignment, which says plainly that answering needs JavaScript', async () => {
		const { code } = await createByApi('No-JS join 2');
		const page = await openWithoutJs(`/join?code=${code}`);
		expect(await page.getByLabel('Code').inputValue()).toBe(code);
		await page.getByLabel('Your name').fill('Ada');
		await page.getByRole('button', { name: 'Join' }).click();
		await page.waitForURL(new RegExp(`/a/${code}$`));
		expect(await page.locator('main').textContent()).toMatch(/Answering needs JavaScript/);
		expect(await page.getByText('Loading…').isVisible()).toBe(false);
	});
});

describe('creating without JavaScript', () => {
	it('says what is missing, keeps the questions ticked, then creates and opens the dashboard', async () => {
		const page = await openWithoutJs('/teach');
		expect(await page.getByRole('button', { name: 'Write a question' }).isVisible()).toBe(false);
		expect(await page.locator('main').textContent()).toMatch(
			/Writing your own questions needs JavaScript/
		);
		await page.getByLabel(bank[0].prompt.slice(0, 40), { exact: false }).first().check();
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		await page.waitForLoadState('load');
		expect(await page.locator('#title-error').textContent()).toMatch(/Title: .*must not be empty/);
		expect(await focusedId(page)).toBe('title');
		expect(await page.locator('.form-error').textContent()).toMatch(
			/Not created yet\. See the message above/
		);
		expect(await page.locator(`input[name=questionIds][value="${bank[0].id}"]`).isChecked()).toBe(
			true
		);

		await page.getByLabel('Title').fill('Made without JavaScript');
		await page.getByLabel('Attempts each student may submit (1–10)').fill('3');
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		await page.waitForURL(/\/teach\/[A-Za-z0-9_-]{43}$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
			'Made without JavaScript'
		);
	});
});

describe('with JavaScript, refusals name the field and focus it', () => {
	it('on /join: a bad code at once, an unknown code from the server', async () => {
		const page = await open(b, '/join', { bypassCSP: false });
		await join(page, 'O0I1L5', 'Ada');
		await expect
			.poll(() => page.locator('#code-error').textContent())
			.toMatch(/codes never use O, 0, I, 1, L, 5/);
		expect(await focusedId(page)).toBe('code');
		expect(page.url()).toMatch(/\/join$/);

		await page.getByLabel('Code').fill('ACDEFG');
		await page.getByRole('button', { name: 'Join' }).click();
		await expect
			.poll(() => page.locator('#code-error').textContent())
			.toMatch(/no assignment has the code ACDEFG/);
		expect(await focusedId(page)).toBe('code');
		await page.setViewportSize({ width: 320, height: 700 });
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await expectNoAxeViolations(page, `/join with an error, 320px, ${colorScheme}`);
		}
		expect(jsErrors(page)).toEqual([]);
	});

	it('on /teach: a question of one’s own the server refuses focuses that question', async () => {
		const page = await open(b, '/teach', { bypassCSP: false });
		await page.getByLabel('Title').fill('Refused own question');
		await page.getByRole('button', { name: 'Write a question' }).click();
		const own = page.locator('fieldset.own');
		await own.getByLabel('Question', { exact: true }).fill('Which one?');
		await own.getByLabel('Option 1', { exact: true }).fill('Same');
		await own.getByLabel('Option 2', { exact: true }).fill('Same');
		await page.getByRole('button', { name: 'Create the assignment' }).click();
		await expect
			.poll(() => page.locator('#own-1-error').textContent())
			.toMatch(/^Your question 1, options: two options have the same text/);
		expect(await focusedId(page)).toBe('own-1');
		expect(page.url()).toMatch(/\/teach$/);
		await page.setViewportSize({ width: 320, height: 700 });
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await expectNoAxeViolations(page, `/teach with a refused question, 320px, ${colorScheme}`);
		}
		expect(jsErrors(page)).toEqual([]);
	});
});
