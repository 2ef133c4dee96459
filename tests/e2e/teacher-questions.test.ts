// Issue 14, teacher item 2 (questions change only before anyone submits, and the screen says
// why) and item 3 (a name on no class list is flagged in its row); and two of its "smaller
// things": /teach ends at its footer and draws the bank lazily, and the full-screen join code
// is centred.
import { describe, expect, it } from 'vitest';
import { bankQuestions } from '../support/bank';
import {
	axeAt320,
	baseUrl,
	createByApi,
	fileBrowser,
	focusedId,
	jsErrors,
	open,
	withCsp
} from './helpers';

const b = await fileBrowser();

// Single choice, so a student answers each by ticking its first option.
const three = bankQuestions()
	.filter((q) => q.type === 'single')
	.slice(0, 3)
	.map((q) => q.id);

/** The question ids in the order students get them, as the teacher's results list them. */
async function storedIds(code: string, token: string): Promise<string[]> {
	const r = await fetch(`${baseUrl()}/api/assignments/${code}/results`, {
		headers: { authorization: `Bearer ${token}` }
	});
	return ((await r.json()) as { questions: { id: string }[] }).questions.map((q) => q.id);
}

async function submitAs(code: string, name: string) {
	const student = await open(b, `/a/${code}`, withCsp);
	await student.getByLabel('Your name').fill(name);
	await student.getByRole('button', { name: 'Start' }).click();
	await student.locator('ol.questions input[type=radio]').first().check();
	await student.getByRole('button', { name: 'Submit my answers' }).click();
	const unanswered = student.getByRole('button', { name: /Submit with \d+ unanswered/ });
	await expect
		.poll(async () => (await unanswered.count()) + (await student.locator('#score-h').count()))
		.toBeGreaterThan(0);
	if (await unanswered.count()) await unanswered.click();
	await expect.poll(() => student.locator('#score-h').count()).toBe(1);
	await student.context().close();
}

describe('changing the questions from the dashboard', () => {
	it('moves, removes and adds while nobody has submitted; then says why it cannot', async () => {
		const { code, token } = await createByApi({ title: 'Reorder me', questionIds: three });
		const teacher = await open(b, `/teach/${token}`, withCsp);
		await teacher.getByRole('link', { name: 'change the questions' }).click();
		await teacher.waitForURL(`**/teach/${token}/questions`);
		const rows = teacher.locator('ol.chosen > li');
		await expect.poll(() => rows.count()).toBe(3);

		await teacher.getByRole('button', { name: 'Move up: question 2' }).click();
		await expect.poll(() => storedIds(code, token)).toEqual([three[1], three[0], three[2]]);
		// The moved question is now first: its "Move down" keeps the focus (it has no "up").
		await expect.poll(() => focusedId(teacher)).toBe(`down-${three[1]}`);
		expect(await teacher.locator('#questions-status').textContent()).toBe(
			'Moved up: question 2. Saved.'
		);

		await teacher.getByRole('button', { name: 'Remove: question 3' }).click();
		await expect.poll(() => storedIds(code, token)).toEqual([three[1], three[0]]);
		await expect.poll(() => focusedId(teacher)).toBe('chosen-h');

		// Only an opened lesson's questions are drawn; tick one there and add it.
		expect(await teacher.locator('input[name=questionIds]').count()).toBe(0);
		await teacher.locator('.lesson-list > details > summary').first().click();
		const box = teacher.locator('.lesson-list input[name=questionIds]').first();
		await box.waitFor();
		const added = (await box.getAttribute('value'))!;
		await box.check();
		await teacher.getByRole('button', { name: 'Add the chosen questions (1)' }).click();
		await expect.poll(() => storedIds(code, token)).toEqual([three[1], three[0], added]);
		await expect.poll(() => rows.count()).toBe(3);
		expect(await teacher.locator(`input[value="${added}"]`).count()).toBe(0);
		await axeAt320(teacher, 'the questions screen');

		await submitAs(code, 'First Finisher');
		await teacher.reload();
		await expect
			.poll(() => teacher.locator('#questions-fixed').textContent())
			.toMatch(/cannot change: 1 submission was marked against them/);
		expect(await teacher.getByRole('button', { name: /Move|Remove/ }).count()).toBe(0);
		expect(await rows.count()).toBe(3);
		await axeAt320(teacher, 'the questions screen, questions fixed');
		expect(jsErrors(teacher)).toEqual([]);
	});

	it('without JavaScript, a move is saved and its button keeps the focus', async () => {
		const { code, token } = await createByApi({ title: 'No script order', questionIds: three });
		const context = await b.newContext({
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		const page = await context.newPage();
		page.setDefaultTimeout(8000);
		await page.goto(`${baseUrl()}/teach/${token}/questions`);
		await page.getByRole('button', { name: 'Move down: question 1' }).click();
		await page.waitForLoadState('load');
		expect(await storedIds(code, token)).toEqual([three[1], three[0], three[2]]);
		expect(await focusedId(page)).toBe(`down-${three[0]}`);
		await context.close();
	});
});

describe('the class list in the submissions table', () => {
	it('flags the row of a name on no list, beside the name', async () => {
		const { code, token } = await createByApi({ title: 'Flags', questionIds: three.slice(0, 1) });
		for (const name of ['Zoe', 'Mystery Kid']) await submitAs(code, name);
		const teacher = await open(b, `/teach/${token}`, withCsp);
		expect(await teacher.getByText('not on the class list').count()).toBe(0);
		await teacher.locator('#class-list').fill('Zoë\nBo Chen');
		await teacher.getByRole('button', { name: 'Save the class list' }).click();
		await expect.poll(() => teacher.getByText('Saved the class list.').count()).toBe(1);
		const stray = teacher.getByRole('row', { name: /Mystery Kid/ });
		await expect
			.poll(() => stray.locator('th').textContent())
			.toMatch(/Mystery Kid\s*not on the class list/);
		expect(
			await teacher.getByRole('row', { name: /Zoe/ }).getByText('not on the class list').count()
		).toBe(0);
		await axeAt320(teacher, 'dashboard with a flagged submission');
	});
});

describe('/teach', () => {
	it('ends at its footer, phone and laptop, and draws a lesson’s questions only when opened', async () => {
		for (const width of [390, 1280]) {
			const page = await open(b, '/teach', { viewport: { width, height: 844 } });
			const { page: height, footer } = await page.evaluate(() => ({
				page: document.documentElement.scrollHeight,
				footer: document.querySelector('footer')!.getBoundingClientRect().bottom + scrollY
			}));
			expect(height, `page height at ${width}px`).toBeLessThanOrEqual(Math.ceil(footer) + 40);
			expect(await page.locator('input[name=questionIds]').count()).toBe(0);
			const lesson = page.locator('.lesson-list > details').first();
			await lesson.locator(':scope > summary').click();
			// Drawn once the toggle event comes (a moment after the click).
			await expect.poll(() => lesson.locator('input[name=questionIds]').count()).toBeGreaterThan(0);
			const drawn = await lesson.locator('input[name=questionIds]').count();
			expect(await page.locator('input[name=questionIds]').count()).toBe(drawn);
			await lesson.locator('input[name=questionIds]').first().check();
			await expect
				.poll(() => lesson.locator(':scope > summary').textContent())
				.toMatch(`1/${drawn} chosen`);
			await lesson.locator(':scope > summary').click();
			// Closed again: its questions leave the page (the toggle event comes a moment later).
			await expect.poll(() => page.locator('input[name=questionIds]').count()).toBe(0);
			expect(jsErrors(page)).toEqual([]);
			await page.context().close();
		}
	});
});

describe('the full-screen join code', () => {
	it('is centred on the screen, across and down', async () => {
		const { token } = await createByApi({ title: 'Centre', questionIds: three.slice(0, 1) });
		for (const [width, height] of [
			[390, 844],
			[1280, 900]
		]) {
			const page = await open(b, `/teach/${token}`, { viewport: { width, height } });
			await page.evaluate(() => scrollTo(0, 400));
			await page.getByRole('button', { name: 'Show full screen for the class' }).click();
			const m = await page.evaluate(() => {
				const panel = document.querySelector('.join')!;
				const parts = [...panel.children]
					.map((e) => e.getBoundingClientRect())
					.filter((r) => r.height > 0);
				const code = document.createRange();
				code.selectNodeContents(panel.querySelector('.code')!);
				const text = code.getBoundingClientRect();
				const style = getComputedStyle(panel.querySelector('.code')!);
				return {
					across:
						(Math.min(...parts.map((r) => r.left)) + Math.max(...parts.map((r) => r.right))) / 2,
					down:
						(Math.min(...parts.map((r) => r.top)) + Math.max(...parts.map((r) => r.bottom))) / 2,
					// The letters' own centre: the spacing after the last letter is not ink.
					code: (text.left + text.right - parseFloat(style.letterSpacing)) / 2,
					how: (() => {
						const r = panel.querySelector('.how')!.getBoundingClientRect();
						return (r.left + r.right) / 2;
					})(),
					width: document.documentElement.clientWidth,
					height: innerHeight
				};
			});
			expect(Math.abs(m.across - m.width / 2), `across at ${width}px`).toBeLessThan(2);
			expect(Math.abs(m.down - m.height / 2), `down at ${width}px`).toBeLessThan(2);
			expect(Math.abs(m.code - m.width / 2), `the code at ${width}px`).toBeLessThan(2);
			expect(Math.abs(m.how - m.width / 2), `how to join at ${width}px`).toBeLessThan(2);
			await page.context().close();
		}
	});
});

describe('dates', () => {
	it('are written one way on the dashboard and a student’s page: the reader’s locale, through Intl', async () => {
		const dueAt = new Date(Date.now() + 86_400_000).toISOString();
		const { code, token } = await createByApi({ title: 'Dates', questionIds: three, dueAt });
		await submitAs(code, 'Dana');
		const options = { locale: 'en-US', timezoneId: 'America/New_York' };
		const teacher = await open(b, `/teach/${token}`, options);
		const expected = (iso: string) =>
			new Intl.DateTimeFormat('en-US', {
				day: 'numeric',
				month: 'short',
				year: 'numeric',
				hour: 'numeric',
				minute: '2-digit',
				timeZone: 'America/New_York'
			}).format(new Date(iso));
		const times = () =>
			teacher
				.locator('main time')
				.evaluateAll((els) => els.map((e) => [e.getAttribute('datetime')!, e.textContent!.trim()]));
		await expect
			.poll(async () => (await times()).every(([iso, text]) => text === expected(iso)))
			.toBe(true);
		expect((await times()).length).toBeGreaterThanOrEqual(3);
		await teacher.getByRole('link', { name: 'Dana' }).click();
		await teacher.waitForURL(/\/student\/\d+$/);
		await expect
			.poll(async () => (await times()).map(([iso, text]) => text === expected(iso)))
			.toEqual([true]);
	});
});
