// Issue 14, teacher items 1, 5 and 6, as people do them: a student submits in the browser; the
// teacher opens that student's answers and who chose which option, and downloads both CSV files;
// the student's receipt link, opened in another browser context (another device), shows the
// marked answers when the teacher allows and says so plainly when not. Axe on each new screen,
// light and dark, at 320 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bankQuestion } from '../support/bank';
import { baseUrl, expectNoAxeViolations, fileBrowser, jsErrors, open } from './helpers';

const single = bankQuestion('rc-single-who-invited');
const truefalse = bankQuestion('rc-truefalse-next-meeting-date');
const options = single.type === 'single' ? single.options : [];
const wrong = options.find((o) => !o.correct)!.text;
const right = options.find((o) => o.correct)!.text;

const b = await fileBrowser();

async function create(reveal: string) {
	const r = await fetch(`${baseUrl()}/api/assignments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			title: `Answers ${reveal}`,
			questionIds: [single.id, truefalse.id],
			shuffle: false,
			reveal
		})
	});
	expect(r.status).toBe(201);
	return (await r.json()) as { code: string; teacherToken: string };
}

/** A student submits in the browser: the wrong option, then "True"; returns the receipt link. */
async function submitAs(code: string, name: string): Promise<string> {
	const student = await open(b, `/a/${code}`, { viewport: { width: 390, height: 844 } });
	await student.getByLabel('Your name').fill(name);
	await student.getByRole('button', { name: 'Start' }).click();
	await student.locator('ol.questions').waitFor();
	await student.getByLabel(wrong, { exact: true }).check();
	await student.getByLabel('True', { exact: true }).check();
	await student.getByRole('button', { name: 'Submit my answers' }).click();
	await expect.poll(() => student.locator('#score-h').textContent()).toMatch(/Your score/);
	const link = student.getByRole('link', { name: 'Your receipt’s own link' });
	const href = await link.getAttribute('href');
	expect(href).toMatch(new RegExp(`^/a/${code}/receipt/[A-Za-z0-9_-]{22}$`));
	// The image loads after the link appears: wait for it, on a busy machine too.
	await expect
		.poll(() =>
			student
				.getByRole('img', { name: 'QR code of your receipt’s link' })
				.evaluate((img) => (img as HTMLImageElement).naturalWidth)
		)
		.toBeGreaterThan(0);
	expect(jsErrors(student)).toEqual([]);
	await student.context().close();
	return href!;
}

/** Axe in light and dark at 320 px on a page of this app. */
async function axeBoth(path: string, label: string) {
	for (const colorScheme of ['light', 'dark'] as const) {
		const page = await open(b, path, { viewport: { width: 320, height: 700 }, colorScheme });
		await expectNoAxeViolations(page, `${label} (${colorScheme}, 320 px)`);
		// Charts re-measure their width once laid out (ResizeObserver): poll, not a snapshot.
		await expect
			.poll(
				() =>
					page.evaluate(
						() => document.documentElement.scrollWidth - document.documentElement.clientWidth
					),
				{ message: `${label} scrolls sideways at 320 px` }
			)
			.toBeLessThanOrEqual(0);
		await page.context().close();
	}
}

describe('what each student answered', () => {
	let code = '';
	let token = '';
	let receipt = '';
	let teacher: Page;

	it('a student submits; the dashboard links to their answers, question by question', async () => {
		({ code, teacherToken: token } = await create('immediately'));
		receipt = await submitAs(code, 'Mina Said');
		teacher = await open(b, `/teach/${token}`);
		await teacher.getByRole('link', { name: 'Mina Said' }).click();
		await teacher.waitForURL(/\/student\/\d+$/);
		const body = teacher.locator('main');
		await expect.poll(() => body.textContent()).toContain(single.prompt);
		const text = (await body.textContent())!;
		expect(text).toContain(wrong);
		expect(text).toContain('Wrong, 0 of 1');
		expect(text).toContain(right);
		expect(jsErrors(teacher)).toEqual([]);
	});

	it('per question: who chose which option', async () => {
		await teacher.getByRole('link', { name: 'Who gave which answer to Q1' }).click();
		await teacher.waitForURL(/\/question\/[^/]+$/);
		const group = teacher.locator('.groups > li', { hasText: wrong });
		await expect.poll(() => group.textContent()).toContain('Mina Said');
		await group.getByRole('link', { name: 'Mina Said' }).click();
		await teacher.waitForURL(/\/student\/\d+$/);
	});

	it('both CSV files hold what the student answered, as text', async () => {
		await teacher.goto(`${baseUrl()}/teach/${token}`);
		for (const name of [
			'Results as CSV',
			'Every answer as CSV, one row per student and question'
		]) {
			const [download] = await Promise.all([
				teacher.waitForEvent('download'),
				teacher.getByRole('link', { name }).click()
			]);
			const path = await download.path();
			const csv = (await import('node:fs')).readFileSync(path!, 'utf8');
			expect(csv, name).toContain('Mina Said');
			expect(csv, name).toContain(wrong.includes(',') ? `"${wrong}"` : wrong);
			expect(csv, name).toContain(single.id);
		}
		expect(await teacher.locator('.left-out').count()).toBe(4);
		await teacher.context().close();
	});

	it('the receipt link in another browser context shows the marked answers', async () => {
		const other = await open(b, receipt, { viewport: { width: 390, height: 844 } });
		const text = (await other.locator('main').textContent())!;
		expect(text).toContain('Your answers, marked');
		expect(text).toContain(wrong);
		expect(text).toContain(right);
		expect(await other.locator('meta[name=robots]').getAttribute('content')).toBe(
			'noindex, nofollow'
		);
		expect(jsErrors(other)).toEqual([]);
		await other.context().close();
	});

	it('axe: the student’s answers, the question, the receipt and the dashboard', async () => {
		await axeBoth(`/teach/${token}`, 'the dashboard');
		const t = await open(b, `/teach/${token}`);
		const student = await t.getByRole('link', { name: 'Mina Said' }).getAttribute('href');
		await t.context().close();
		await axeBoth(student!, 'a student’s answers');
		await axeBoth(`/teach/${token}/question/${single.id}`, 'who answered what');
		await axeBoth(receipt, 'the receipt, revealed');
	});
});

describe('the receipt when the teacher does not show answers', () => {
	it('says so plainly, with the score and no answers', async () => {
		const { code } = await create('never');
		const receipt = await submitAs(code, 'Noor');
		const other = await open(b, receipt);
		const text = (await other.locator('main').textContent())!;
		expect(text).toMatch(/0 out of 2|1 out of 2/);
		expect(text).toContain('Your teacher has chosen not to show the marked answers');
		expect(text).not.toContain(right);
		await other.context().close();
		await axeBoth(receipt, 'the receipt, not revealed');
	});
});
