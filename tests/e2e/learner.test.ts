// The learner's side of issue 14, as a person does it: practice chosen by type and difficulty
// (and "mixed"), a quiz summary that teaches, multiple-response feedback per option, answers that
// count only when given (an ordering left as shown, a half-filled matching kept over a reload),
// the 404 of a lesson, and the phone layout (menu, tables, matching, sticky bar).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import { bankQuestions } from '../support/bank';
import { baseUrl, expectNoAxeViolations, fileBrowser, jsErrors, open } from './helpers';

const b = await fileBrowser();

const bank = bankQuestions();
const quiz = (page: Page) => page.locator('section.quiz');
const phone = { width: 320, height: 568 };
const byPrompt = async (page: Page): Promise<Question> => {
	const legend = (await quiz(page).locator('legend').first().textContent())?.trim();
	const statement = await quiz(page)
		.locator('.statement')
		.textContent({ timeout: 100 })
		.catch(() => null);
	// Prompts such as "True or false?" repeat: the statement tells those apart.
	const q = bank.find(
		(x) =>
			x.prompt.trim() === legend &&
			(x.type !== 'truefalse' || statement === null || x.statement.trim() === statement.trim())
	);
	if (!q) throw new Error(`question not found: ${legend}`);
	return q;
};

/** Answers the current question wrongly where it can (or at all, for ordering and maps). */
async function answerWrong(page: Page): Promise<Question> {
	const q = await byPrompt(page);
	const box = quiz(page);
	if (q.type === 'single' || q.type === 'multiple')
		await box.getByLabel(q.options.find((o) => !o.correct)!.text, { exact: true }).check();
	else if (q.type === 'truefalse') await box.getByLabel(q.answer ? 'False' : 'True').check();
	else if (q.type === 'cloze') await box.getByLabel('Missing words').fill('nothing like it');
	else if (q.type === 'ordering')
		await box
			.getByRole('button', { name: /^Move .* up$/ })
			.last()
			.click();
	else if (q.type === 'matching') {
		const wrong = q.pairs[1].right;
		for (const p of q.pairs) await box.getByLabel(p.left, { exact: true }).selectOption(wrong);
	} else if (q.type === 'locate') {
		await box.locator('.locate').scrollIntoViewIfNeeded(); // the map is laid out once near
		await box.locator('svg[data-rendered="true"]').waitFor();
		const other = q.options.find((o) => o.place !== q.answer)!;
		await box.locator(`input[type=radio][value="${other.place}"]`).check({ force: true });
	}
	await box.getByRole('button', { name: 'Check my answer' }).click();
	await box.locator('.feedback').waitFor();
	return q;
}

async function next(page: Page) {
	await quiz(page)
		.getByRole('button', { name: /Next question|See my results/ })
		.click();
}

describe('practice set-up', () => {
	it('has one Tab stop per group of radios, and focus goes to the first question on start', async () => {
		const page = await open(b, '/quiz');
		await page.getByLabel('The whole course').focus();
		const focused = () =>
			page.evaluate(() => {
				const e = document.activeElement as HTMLInputElement;
				return `${e.name}:${e.value}`;
			});
		await page.keyboard.press('Tab');
		expect(await focused()).toBe('type:any');
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe('type:mixed');
		expect(await page.getByLabel('Mixed: every type at least once').isChecked()).toBe(true);
		await page.keyboard.press('Tab');
		expect(await focused()).toBe('difficulty:any');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		expect(await focused()).toBe('scope:all');

		await page.getByRole('button', { name: 'Start the quiz' }).focus();
		await page.keyboard.press('Enter');
		await quiz(page).waitFor();
		expect(
			await page.evaluate(() => document.activeElement?.matches('section.quiz h2') ?? false)
		).toBe(true);
		expect(await quiz(page).locator('h2').textContent()).toMatch(/Question 1 of 10/);
		await page.context().close();
	});

	it('builds a quiz of one type and one difficulty, and says plainly when fewer match', async () => {
		const page = await open(b, '/quiz');
		const tf = bank.filter((q) => q.type === 'truefalse' && q.difficulty === 1);
		await page.getByLabel('Only true or false').check();
		await page.getByLabel('Easier').check();
		await page.getByLabel('How many questions').selectOption('20');
		const plan = page.locator('.plan');
		await expect
			.poll(() => plan.textContent())
			.toBe(
				`${tf.length} questions match.You asked for 20, but only ${tf.length} match, so the quiz has ${tf.length} questions.`
			);
		await expectNoAxeViolations(page, '/quiz set-up with a filter');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		for (let i = 0; i < tf.length; i++) {
			expect(await quiz(page).locator('h2').textContent()).toContain(
				`Question ${i + 1} of ${tf.length}`
			);
			const q = await answerWrong(page);
			expect(q.type).toBe('truefalse');
			expect(q.difficulty).toBe(1);
			await next(page);
		}
		await quiz(page).locator('.summary').waitFor();

		// A choice that leaves nothing says what to change, and cannot start.
		await quiz(page).getByRole('button', { name: 'Start again' }).click();
		await page.getByLabel('Chosen lessons').check();
		await expect.poll(() => plan.textContent()).toBe('Choose at least one lesson.');
		expect(await page.getByRole('button', { name: 'Start the quiz' }).isDisabled()).toBe(true);
		await page.context().close();
	});

	it('"mixed" holds every type of question', { timeout: 90_000 }, async () => {
		const page = await open(b, '/quiz');
		await page.getByLabel('Mixed: every type at least once').check();
		await page.getByLabel('How many questions').selectOption('5');
		await expect
			.poll(() => page.locator('.plan').textContent())
			.toContain(
				'A mixed quiz has one question of each of the 7 types at least, so it has 7 questions, not 5.'
			);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		const types = new Set<string>();
		for (let i = 0; i < 7; i++) {
			types.add((await answerWrong(page)).type);
			await next(page);
		}
		expect([...types].sort()).toEqual(
			['cloze', 'locate', 'matching', 'multiple', 'ordering', 'single', 'truefalse'].sort()
		);
		expect(jsErrors(page)).toEqual([]);
		await page.context().close();
	});
});

describe('the end of a quiz', () => {
	it('shows each missed question with my answer, the right one, the feedback and the sentence', async () => {
		const page = await open(b, '/quiz');
		await page.getByLabel('Only single choice').check();
		await page.getByLabel('How many questions').selectOption('5');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		const asked: Question[] = [];
		for (let i = 0; i < 5; i++) {
			asked.push(await answerWrong(page));
			await next(page);
		}
		const summary = quiz(page).locator('.summary');
		expect(await summary.getByRole('status').textContent()).toMatch(
			/^You scored 0%: 0 out of 5\. This part of the text is still new to you\. Reread the sentences behind the 5 questions below, then retry them\.$/
		);
		const items = summary.getByRole('list', { name: 'What to reread' }).locator(':scope > li');
		expect(await items.count()).toBe(5);
		for (let i = 0; i < 5; i++) {
			const q = asked[i] as Extract<Question, { type: 'single' }>;
			const item = items.nth(i);
			expect(await item.locator('.prompt').textContent()).toBe(q.prompt);
			const wrong = q.options.find((o) => !o.correct)!;
			const right = q.options.find((o) => o.correct)!;
			expect(await item.locator('dd').nth(0).textContent()).toBe(wrong.text);
			expect(await item.locator('dd').nth(1).textContent()).toBe(right.text);
			const feedback = await item.locator('.feedback').textContent();
			expect(feedback).toContain(wrong.feedback);
			expect(feedback).toContain(`“${q.quote}”`);
			const link = item.locator('.feedback blockquote a').first();
			expect(await link.getAttribute('href')).toBe(`/read#${q.sentences[0]}`);
		}
		// The table by commitment comes after what to reread.
		const order = await summary.evaluate((el) =>
			[...el.querySelectorAll('h3, table')].map((e) => e.tagName)
		);
		expect(order).toEqual(['H3', 'TABLE']);
		await expectNoAxeViolations(page, 'the quiz summary');
		await page.setViewportSize(phone);
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoAxeViolations(page, 'the quiz summary, 320 px, dark');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
		await page.emulateMedia({ colorScheme: 'light' });
		await expectNoAxeViolations(page, 'the quiz summary, 320 px, light');

		await quiz(page).getByRole('button', { name: 'Retry the 5 I missed' }).click();
		expect(await quiz(page).locator('h2').textContent()).toMatch(/Question 1 of 5/);
		await page.context().close();
	});

	it('multiple-response feedback puts each option beside its explanation, and names the right ones missed', async () => {
		const page = await open(b, '/quiz');
		await page.getByLabel('Only multiple response').check();
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		const q = (await byPrompt(page)) as Extract<Question, { type: 'multiple' }>;
		const wrong = q.options.find((o) => !o.correct)!;
		await quiz(page).getByLabel(wrong.text, { exact: true }).check();
		const check = quiz(page).getByRole('button', { name: 'Check my answer' });
		await check.click();
		const rows = quiz(page).locator('.feedback .explained > li');
		const rights = q.options.filter((o) => o.correct);
		expect(await rows.count()).toBe(1 + rights.length);
		expect(await rows.nth(0).textContent()).toBe(
			`${wrong.text} You chose it, but it is not right. ${wrong.feedback}`
		);
		for (const [i, o] of rights.entries())
			expect(await rows.nth(i + 1).textContent()).toBe(
				`${o.text} Right, and you did not choose it. ${o.feedback}`
			);
		await expectNoAxeViolations(page, 'multiple-response feedback');
		await page.context().close();
	});

	it('"Check my answer" looks disabled until there is an answer', async () => {
		const page = await open(b, '/lessons/principles-first');
		const check = quiz(page).getByRole('button', { name: 'Check my answer' });
		const look = () =>
			check.evaluate((e) => {
				const s = getComputedStyle(e);
				return `${e.matches(':disabled')} ${s.cursor} ${s.borderTopStyle}`;
			});
		expect(await look()).toBe('true not-allowed dashed');
		await quiz(page).locator('.options input, input[type=text], select').first().waitFor();
		await page.context().close();
	});
});

describe('answers count only when given, on the answer sheet', () => {
	it('an ordering left as shown is unanswered, and a half-filled matching survives a reload', async () => {
		const ordering = bank.find((q) => q.type === 'ordering')!;
		// One with long definitions, which a phone's select would cut.
		const matching = bank.find(
			(q) => q.type === 'matching' && q.pairs.some((p) => p.right.length > 60)
		) as Extract<Question, { type: 'matching' }>;
		const single = bank.find((q) => q.type === 'single')!;
		const created = await fetch(`${baseUrl()}/api/assignments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				title: 'Order and match',
				questionIds: [ordering.id, matching.id, single.id],
				shuffle: false
			})
		});
		expect(created.status).toBe(201);
		const { code } = await created.json();

		const page = await open(b, `/a/${code}`, { viewport: { width: 390, height: 844 } });
		await page.getByLabel('Your name').fill('Lina');
		await page.getByRole('button', { name: 'Start' }).click();
		await page.locator('ol.questions').waitFor();
		const progress = page.locator('.progress');
		await expect.poll(() => progress.textContent()).toMatch(/^\s*0 of 3 answered\.\s*$/);

		const first = matching.pairs[0];
		await page.getByLabel(first.left, { exact: true }).selectOption(first.right);
		const singleItem = page.locator('ol.questions > li').filter({ hasText: single.prompt });
		await singleItem.locator('input[type=radio]').first().check();
		await expect.poll(() => progress.textContent()).toMatch(/^\s*1 of 3 answered, 1 partly\.\s*$/);

		await page.reload();
		await page.locator('ol.questions').waitFor();
		await expect
			.poll(() => page.getByLabel(first.left, { exact: true }).inputValue())
			.toBe(first.right);
		await expect.poll(() => progress.textContent()).toMatch(/^\s*1 of 3 answered, 1 partly\.\s*$/);

		// The sticky bar takes at most a sixth of the screen, on a 390 and a 320 px phone.
		for (const size of [{ width: 390, height: 844 }, phone]) {
			await page.setViewportSize(size);
			const height = await page
				.locator('.submit')
				.evaluate((e) => e.getBoundingClientRect().height);
			expect(height, `sticky bar at ${size.width} px`).toBeLessThanOrEqual(size.height / 6);
		}
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await expectNoAxeViolations(page, `the answer sheet, 320 px, ${scheme}`);
		}
		// Matching selects fit their box: nothing is cut by the page edge.
		const overflow = await page
			.locator('.pairs select')
			.evaluateAll((els) =>
				els.some(
					(e) => e.getBoundingClientRect().right > e.parentElement!.getBoundingClientRect().right
				)
			);
		expect(overflow).toBe(false);
		expect(await page.getByText('The matches to choose from').count()).toBe(1);

		await page.getByRole('button', { name: 'Submit my answers' }).click();
		await expect.poll(() => progress.textContent()).toMatch(/^\s*2 not fully answered\.\s*$/);
		expect(await page.getByRole('button', { name: 'Submit with 2 unanswered' }).count()).toBe(1);
		const confirming = await page
			.locator('.submit')
			.evaluate((e) => e.getBoundingClientRect().height);
		expect(confirming, 'sticky bar while confirming, 320 px').toBeLessThanOrEqual(phone.height / 6);

		// Moving an event makes the ordering an answer.
		await page
			.locator('ol.questions > li')
			.filter({ hasText: ordering.prompt })
			.getByRole('button', { name: /^Move .* down$/ })
			.first()
			.click();
		await expect.poll(() => progress.textContent()).toMatch(/^\s*1 not fully answered\.\s*$/);
		expect(await page.getByRole('button', { name: 'Submit with 1 unanswered' }).count()).toBe(1);
		expect(jsErrors(page)).toEqual([]);
		await page.context().close();
	});
});

describe('a lesson that does not exist', () => {
	it('answers 404, speaks of lessons and links to the course', async () => {
		const context = await b.newContext({ viewport: phone });
		const page = await context.newPage();
		const response = await page.goto(`${baseUrl()}/lessons/nope`);
		expect(response?.status()).toBe(404);
		const main = await page.locator('main').textContent();
		expect(main).toContain('There is no lesson called “nope”.');
		expect(main).not.toMatch(/code/i);
		// Where the link goes (the server writes it relative to the page, "../"; hydration, "/").
		expect(
			await page
				.getByRole('link', { name: 'course page' })
				.evaluate((a) => (a as HTMLAnchorElement).pathname)
		).toBe('/');
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await expectNoAxeViolations(page, `/lessons/nope, 320 px, ${scheme}`);
		}
		await context.close();
	});
});

describe('on a phone', () => {
	it('the menu scrolls sideways with its current item in view, and the practice set-up and review pass axe', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const page = await open(b, '/review', { viewport: phone, colorScheme: scheme });
			const nav = page.getByRole('navigation', { name: 'Main' });
			const box = await nav.boundingBox();
			const current = await nav.locator('[aria-current="page"]').boundingBox();
			expect(await nav.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
			expect(current!.x).toBeGreaterThanOrEqual(box!.x);
			expect(current!.x + current!.width).toBeLessThanOrEqual(box!.x + box!.width);
			// The edges show there is more: a shadow drawn in the background, at either end.
			expect(await nav.evaluate((e) => getComputedStyle(e).backgroundImage)).toContain(
				'radial-gradient'
			);
			const table = page.getByRole('region', { name: 'Mastery by lesson' });
			const fits = await table.evaluate((e) => e.scrollWidth <= e.clientWidth);
			const shows = await table.evaluate((e) =>
				getComputedStyle(e).backgroundImage.includes('radial-gradient')
			);
			expect(fits || shows).toBe(true);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				320
			);
			await expectNoAxeViolations(page, `/review, 320 px, ${scheme}`);
			await page.goto(`${baseUrl()}/quiz`);
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			await expectNoAxeViolations(page, `/quiz set-up, 320 px, ${scheme}`);
			await page.context().close();
		}
	});
});
