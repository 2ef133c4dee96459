// Issue 14, teacher items 2-4 as a teacher does them: move the deadline (accept late work, and a
// late student can then submit, marked late), keep a class list and see who is missing,
// duplicate for another class; the edit form without JavaScript; axe on the new sections.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	axeAt320,
	baseUrl,
	createByApi as createAssignment,
	fileBrowser,
	focusedId,
	jsErrors,
	open,
	withCsp
} from './helpers';

const b = await fileBrowser();

const own = { type: 'truefalse', statement: 'The meeting was virtual.', answer: true };
const createByApi = (body: Record<string, unknown>) =>
	createAssignment({ questions: [own], ...body });

describe('editing an assignment from its dashboard', () => {
	it('past the due date, the teacher accepts late work; a late student submits, marked late', async () => {
		const due = new Date(Date.now() + 3000).toISOString();
		const { code, token } = await createByApi({ title: 'Deadline', dueAt: due });
		await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(due) - Date.now()) + 300));
		const student = await open(b, `/a/${code}`, withCsp);
		await expect.poll(() => student.locator('.closed').textContent()).toMatch(/due date/);

		const teacher = await open(b, `/teach/${token}`, withCsp);
		await teacher.getByLabel('Accept late work after the due date (marked late)').check();
		await teacher.getByRole('button', { name: 'Save the settings' }).click();
		await expect.poll(() => teacher.getByText('Saved the settings.').count()).toBe(1);
		expect(teacher.url()).toMatch(new RegExp(`/teach/${token}$`));

		await student.reload();
		await student.getByLabel('Your name').fill('Tardy Tom');
		await student.getByRole('button', { name: 'Start' }).click();
		await student.locator('ol.questions').waitFor();
		await student.locator('ol.questions input[type=radio]').first().check();
		await student.getByRole('button', { name: 'Submit my answers' }).click();
		await expect.poll(() => student.locator('#score-h').textContent()).toMatch(/Your score/);

		await teacher.reload();
		const row = teacher.getByRole('row', { name: /Tardy Tom/ });
		await expect.poll(() => row.locator('.late').textContent()).toBe('late');
		await axeAt320(teacher, 'dashboard with a late submission');
		expect(jsErrors(teacher)).toEqual([]);
		expect(jsErrors(student)).toEqual([]);
	});

	it('moving the due date names a bad value under the field and focuses it', async () => {
		const { token } = await createByApi({ title: 'Refused edit' });
		const teacher = await open(b, `/teach/${token}`, withCsp);
		await teacher.getByLabel(/^Attempts each student may submit/).fill('11');
		await teacher.getByRole('button', { name: 'Save the settings' }).click();
		await expect
			.poll(() => teacher.locator('#edit-attempts-error').textContent())
			.toMatch(/^Attempts: must be at most 10/);
		expect(await focusedId(teacher)).toBe('edit-attempts');
		await axeAt320(teacher, 'dashboard with a refused edit');
	});

	it('the class list shows who has not submitted, and flags names on no list', async () => {
		const { code, token } = await createByApi({ title: 'Class list' });
		for (const name of ['Zoe', 'Mystery Kid']) {
			const student = await open(b, `/a/${code}`, withCsp);
			await student.getByLabel('Your name').fill(name);
			await student.getByRole('button', { name: 'Start' }).click();
			await student.locator('ol.questions input[type=radio]').first().check();
			await student.getByRole('button', { name: 'Submit my answers' }).click();
			await expect.poll(() => student.locator('#score-h').count()).toBe(1);
			await student.context().close();
		}
		const teacher = await open(b, `/teach/${token}`, withCsp);
		await teacher.locator('#class-list').fill('Zoë\nBo Chen\nAmira Haddad');
		await teacher.getByRole('button', { name: 'Save the class list' }).click();
		await expect.poll(() => teacher.getByText('Saved the class list.').count()).toBe(1);
		const missing = teacher.getByRole('list', { name: /Not submitted yet/ });
		await expect
			.poll(() => missing.getByRole('listitem').allTextContents())
			.toEqual(['Bo Chen', 'Amira Haddad']);
		const unlisted = teacher.getByRole('list', { name: /Not on the list/ });
		expect(await unlisted.getByRole('listitem').allTextContents()).toEqual(['Mystery Kid']);
		expect(await teacher.getByText('1 of 3 on the list have submitted.').count()).toBe(1);
		await axeAt320(teacher, 'dashboard with a class list');
		expect(jsErrors(teacher)).toEqual([]);
	});

	it('duplicating opens the new dashboard, and this browser remembers it', async () => {
		const { code, token } = await createByApi({ title: 'First class', attempts: 3 });
		const teacher = await open(b, `/teach/${token}`, withCsp);
		await teacher.getByLabel('Title of the copy').fill('Second class');
		await teacher.getByRole('button', { name: 'Duplicate for another class' }).click();
		await teacher.waitForURL((url) => !url.pathname.endsWith(token));
		await expect.poll(() => teacher.locator('h1').textContent()).toBe('Second class');
		const newCode = await teacher
			.locator('.facts, body')
			.first()
			.evaluate(() => {
				const link = [...document.querySelectorAll('a')].find((a) =>
					/\/a\/[A-Z0-9]+$/.test(a.href)
				);
				return link?.href.split('/a/')[1] ?? '';
			});
		expect(newCode).toMatch(/^[A-Z0-9]{6,8}$/);
		expect(newCode).not.toBe(code);
		expect(await teacher.getByText('3 attempts each').count()).toBe(1);
		const remembered = await teacher.evaluate(() =>
			JSON.parse(localStorage.getItem('course.teach.assignments.v1') ?? '[]')
		);
		expect(remembered[0]).toMatchObject({ code: newCode, title: 'Second class' });
		expect(jsErrors(teacher)).toEqual([]);
	});
});

describe('the edit form without JavaScript', () => {
	async function openWithoutJs(path: string): Promise<Page> {
		const context = await b.newContext({
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		const page = await context.newPage();
		page.setDefaultTimeout(8000);
		const response = await page.goto(baseUrl() + path);
		expect(response?.status()).toBe(200);
		return page;
	}

	it('saves a new title and due date, and refuses a bad cap naming it, values kept', async () => {
		const { code, token } = await createByApi({ title: 'No script' });
		const page = await openWithoutJs(`/teach/${token}`);
		await page.getByLabel('Title', { exact: true }).fill('No script, renamed');
		await page.getByLabel(/^Due date and time/).fill('2031-05-04T10:30');
		await page.getByRole('button', { name: 'Save the settings' }).click();
		await page.waitForLoadState('load');
		expect(await page.getByText('Saved the settings.').count()).toBe(1);
		const view = await (await fetch(`${baseUrl()}/api/assignments/${code}`)).json();
		expect(view).toMatchObject({ title: 'No script, renamed', dueAt: '2031-05-04T10:30:00.000Z' });

		await page.getByLabel(/^Most students who may submit/).fill('0');
		await page.getByLabel('Title', { exact: true }).fill('Typed, not saved');
		await page.getByRole('button', { name: 'Save the settings' }).click();
		await page.waitForLoadState('load');
		expect(await page.locator('#edit-max-error').textContent()).toMatch(
			/^Most students: must be at least 1/
		);
		expect(await focusedId(page)).toBe('edit-max');
		expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Typed, not saved');
		// (axe runs in a page's JavaScript: the same refused form is checked with it on, above.)
		await page.context().close();
	});
});
