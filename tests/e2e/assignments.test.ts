import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bankQuestions } from '../support/bank';
import { baseUrl, expectNoAxeViolations, fileBrowser, jsErrors, open } from './helpers';

/** Lesson 1's questions, and the one the teacher writes. */
const lessonCount = bankQuestions().filter((q) => q.lesson === 'reading-a-communique').length;
const total = lessonCount + 1;

const b = await fileBrowser();

// The real CSP stays on in these pages: they must work under it.
const withCsp = { bypassCSP: false };

/** Answers the first `n` questions of the answer sheet with the first choice each offers. */
async function answerFirst(page: Page, n: number) {
	const questions = page.locator('ol.questions > li');
	for (let i = 0; i < n; i++) {
		const q = questions.nth(i);
		const choice = q.locator('input[type=radio], input[type=checkbox]').first();
		if (await choice.count()) await choice.check();
		else if (await q.getByLabel('Missing words').count())
			await q.getByLabel('Missing words').fill('sole');
	}
}

describe('teacher assignments, end to end', () => {
	let teacher: Page;
	let code = '';

	it('a teacher creates an assignment from a lesson and a question of their own', async () => {
		teacher = await open(b, '/teach', withCsp);
		await expectNoAxeViolations(teacher, '/teach');
		await teacher.getByLabel('Title').fill('Lesson 1 check');
		await teacher.getByRole('button', { name: /^1\. Reading a communique/ }).click();
		await expect
			.poll(() => teacher.getByRole('status').first().textContent())
			.toMatch(new RegExp(`\\b${lessonCount}\\b`));

		await teacher.getByRole('button', { name: 'Write a question' }).click();
		const own = teacher.locator('fieldset.own');
		await own.getByLabel('Question', { exact: true }).fill('Was the meeting held <b>online</b>?');
		await own.getByLabel('Option 1', { exact: true }).fill('Yes, by video');
		await own.getByLabel('Option 2', { exact: true }).fill('No, in Rome');
		await own.getByLabel('Option 3', { exact: true }).fill('No, in Washington');
		await teacher.getByLabel('Attempts each student may submit (1–10)').fill('2');
		await expectNoAxeViolations(teacher, '/teach with a question being written');

		await teacher.getByRole('button', { name: 'Create the assignment' }).click();
		await teacher.waitForURL(/\/teach\/[A-Za-z0-9_-]{43}$/);
		await teacher.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		code = (await teacher.locator('.join .code').textContent())!.trim();
		expect(code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{6}$/);
		await expect
			.poll(() => teacher.getByRole('heading', { level: 1 }).textContent())
			.toBe('Lesson 1 check');
		expect(await teacher.locator('svg.qr path').getAttribute('d')).toMatch(/^M\d/);
		await expectNoAxeViolations(teacher, 'the dashboard');
		expect(jsErrors(teacher)).toEqual([]);
	});

	it('the teacher’s browser remembers the assignment', async () => {
		await teacher.goto(`${baseUrl()}/teach`);
		await teacher.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect.poll(() => teacher.locator('.remembered').textContent()).toContain(`code ${code}`);
		await teacher.getByRole('link', { name: 'Lesson 1 check' }).click();
		await teacher.waitForURL(/\/teach\/[A-Za-z0-9_-]{43}$/);
	});

	it('a student joins with the code, leaves, comes back to the same answers, and submits', async () => {
		const student = await open(b, '/join', withCsp);
		await expectNoAxeViolations(student, '/join');
		await student.getByLabel('Code').fill(code.toLowerCase());
		await student.getByLabel('Your name').fill('  Amira Haddad ');
		await student.getByRole('button', { name: 'Join' }).click();
		await student.waitForURL(`**/a/${code}`);
		await student.locator('ol.questions').waitFor();
		await expectNoAxeViolations(student, `/a/${code}`);

		// The served page and the questions hold no answer data.
		const html = await student.content();
		expect(html).not.toMatch(/"correct"|"answers"|"feedback"/);

		await answerFirst(student, 3);
		const firstChoice = student.locator('ol.questions > li').first().locator('input').first();
		await expect.poll(() => firstChoice.isChecked()).toBe(true);
		const progress = await student.locator('.progress').textContent();
		expect(progress).toMatch(new RegExp(`^\\d+ of ${total} answered`));

		await student.reload();
		await student.locator('ol.questions').waitFor();
		await expect.poll(() => firstChoice.isChecked()).toBe(true);
		expect(await student.locator('.progress').textContent()).toBe(progress);

		await student.getByRole('button', { name: 'Submit my answers' }).click();
		await student.getByRole('button', { name: /Submit with \d+ unanswered/ }).click();
		await expect
			.poll(() => student.locator('#score-h').textContent())
			.toMatch(new RegExp(`Your score: [\\d.]+ out of ${total}`));
		await expect.poll(() => student.getByText('Your answers, marked').count()).toBe(1);
		await expectNoAxeViolations(student, 'the marked answers');
		expect(jsErrors(student)).toEqual([]);
	});

	it('a second student, in another browser context, goes straight to the link and submits', async () => {
		const student = await open(b, `/a/${code}`, withCsp);
		await student.getByLabel('Your name').fill('Ben Okafor');
		await student.getByRole('button', { name: 'Start' }).click();
		await student.locator('ol.questions').waitFor();
		await answerFirst(student, total);
		await student.getByRole('button', { name: 'Submit my answers' }).click();
		// Questions the helper cannot answer (matching) ask for a confirmation first.
		const confirm = student.getByRole('button', { name: /Submit with \d+ unanswered/ });
		if (await confirm.count()) await confirm.click();
		await expect
			.poll(() => student.locator('#score-h').textContent())
			.toMatch(new RegExp(`Your score: [\\d.]+ out of ${total}`));
		await expect.poll(() => student.getByRole('button', { name: /Try again/ }).count()).toBe(1);
	});

	it('the dashboard shows both submissions live, and the CSV downloads with both', async () => {
		const table = teacher.getByRole('region', { name: 'Submissions', exact: true });
		await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('Ben Okafor');
		expect(await table.textContent()).toContain('Amira Haddad');
		await expectNoAxeViolations(teacher, 'the dashboard with results');

		const [download] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('link', { name: 'Results as CSV' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			new RegExp(`^lesson-1-check-${code}-results\\.csv$`)
		);
		const csv = readFileSync((await download.path())!, 'utf8');
		const rows = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatch(/^Name,Attempt,/);
		expect(csv).toContain('Amira Haddad');
		expect(csv).toContain('Ben Okafor');
	});

	it('the dashboard and the answer sheet pass axe in dark mode and fit a 320px phone', async () => {
		const dashboard = teacher.url().replace(baseUrl(), '');
		for (const path of [dashboard, `/a/${code}`]) {
			const dark = await open(b, path, { ...withCsp, colorScheme: 'dark' });
			if (path.startsWith('/a/')) {
				await dark.getByLabel('Your name').fill('Dark Reader');
				await dark.getByRole('button', { name: 'Start' }).click();
				await dark.locator('ol.questions').waitFor();
			}
			await expectNoAxeViolations(dark, `${path} (dark)`);
			await dark.setViewportSize({ width: 320, height: 700 });
			// Charts re-measure their width after a resize (ResizeObserver): poll, not a snapshot.
			await expect
				.poll(
					() =>
						dark.evaluate(
							() => document.documentElement.scrollWidth - document.documentElement.clientWidth
						),
					{ message: `sideways scroll on ${path} at 320px` }
				)
				.toBe(0);
			await dark.context().close();
		}
	});

	it('closing the assignment stops new answers, and the student page says so', async () => {
		await teacher.getByRole('button', { name: 'Close the assignment' }).click();
		await expect
			.poll(() => teacher.getByRole('button', { name: 'Reopen the assignment' }).count())
			.toBe(1);
		const late = await open(b, `/a/${code}`, withCsp);
		await expect.poll(() => late.locator('.closed').textContent()).toMatch(/closed/);
		expect(await late.getByLabel('Your name').count()).toBe(0);
	});
});
