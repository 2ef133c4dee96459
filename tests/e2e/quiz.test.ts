import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fileBrowser, jsErrors, open } from './helpers';

type Q = {
	id: string;
	type: string;
	prompt: string;
	options?: { id: string; text: string; correct: boolean }[];
	answer?: boolean;
	statement?: string;
};
const lessonQuestions: Q[] = [
	...parse(readFileSync('lessons/questions/principles-first.yaml', 'utf8')),
	...parse(readFileSync('lessons/questions/threat-remains.yaml', 'utf8')),
	...parse(readFileSync('lessons/questions/west-africa-sahel.yaml', 'utf8'))
];

const b = await fileBrowser();

const quiz = (page: Page) => page.locator('section.quiz');

/** Answers the current question with the keyboard only: right when `right`, else wrong where possible. */
async function answerByKeyboard(page: Page, right: boolean) {
	const legend = (await quiz(page).locator('legend').first().textContent())?.trim();
	const q = lessonQuestions.find((x) => x.prompt.trim() === legend);
	if (!q) throw new Error(`question not found: ${legend}`);
	if (q.type === 'single' || q.type === 'multiple') {
		const targets = q
			.options!.filter((o) => (right ? o.correct : !o.correct))
			.slice(0, q.type === 'single' ? 1 : undefined);
		for (const o of targets) {
			await quiz(page).getByLabel(o.text, { exact: true }).focus();
			await page.keyboard.press('Space');
		}
	} else if (q.type === 'truefalse') {
		await quiz(page)
			.getByLabel((right ? q.answer : !q.answer) ? 'True' : 'False', { exact: true })
			.focus();
		await page.keyboard.press('Space');
	} else if (q.type === 'cloze') {
		await quiz(page).getByLabel('Missing words').focus();
		await page.keyboard.type(
			right ? (q as unknown as { answers: string[] }).answers[0] : 'nothing like it'
		);
	} else if (q.type === 'ordering') {
		// Move the last item to the top with the keyboard: at most partly right.
		const downs = quiz(page).getByRole('button', { name: /^Move .* up$/ });
		await downs.last().focus();
		await page.keyboard.press('Enter');
	} else if (q.type === 'locate') {
		await quiz(page).locator('.locate').scrollIntoViewIfNeeded(); // the map is laid out once near
		await quiz(page).locator('svg[data-rendered="true"]').waitFor();
		await quiz(page).locator('.place').first().focus();
		await page.keyboard.press('Enter');
	} else if (q.type === 'matching' && right) {
		const pairs = (q as unknown as { pairs: { left: string; right: string }[] }).pairs;
		for (const p of pairs)
			await quiz(page).getByLabel(p.left, { exact: true }).selectOption(p.right);
	} else if (q.type === 'matching') {
		const selects = quiz(page).locator('select');
		for (let i = 0; i < (await selects.count()); i++) {
			await selects.nth(i).focus();
			await page.keyboard.press('ArrowDown');
		}
		const values = await selects.evaluateAll((els) =>
			els.map((e) => (e as HTMLSelectElement).value)
		);
		if (values.some((v) => !v)) await selects.first().selectOption({ index: 1 });
	}
	const check = quiz(page).getByRole('button', { name: 'Check my answer' });
	await check.focus();
	await page.keyboard.press('Enter');
	await quiz(page).locator('.feedback').waitFor();
	return q;
}

/** Answers (wrong where it can) until the quiz shows a question `wanted` picks, in `tries` at most. */
async function skipTo(
	page: Page,
	wanted: (q: Q & { answer?: string }) => boolean,
	tries: number,
	none: string
): Promise<void> {
	for (let i = 0; i < tries; i++) {
		const legend = (await quiz(page).locator('legend').first().textContent())?.trim();
		const q = lessonQuestions.find((x) => x.prompt.trim() === legend) as Q & { answer?: string };
		if (q && wanted(q)) return;
		await answerByKeyboard(page, false);
		await quiz(page)
			.getByRole('button', { name: /Next question|See my results/ })
			.click();
	}
	throw new Error(none);
}

describe('a lesson quiz', () => {
	it('can be taken with the keyboard only, with feedback that quotes and links the text', async () => {
		const page = await open(b, '/lessons/principles-first');
		await quiz(page).scrollIntoViewIfNeeded();
		expect(await quiz(page).locator('h2').textContent()).toMatch(/Question 1 of \d+/);
		await expectNoAxeViolations(page, 'lesson quiz with a question');
		const first = await answerByKeyboard(page, false);
		const feedback = quiz(page).locator('.feedback');
		expect(await feedback.textContent()).toMatch(/Not quite|Partly right/);
		const link = feedback.getByRole('link', { name: /^Paragraph \d, sentence \d$/ }).first();
		expect(await link.getAttribute('href')).toMatch(/\/read#p\d\.s\d$/);
		expect(
			await page.evaluate(() => document.activeElement?.closest('[role="status"]') !== null)
		).toBe(true);
		await expectNoAxeViolations(page, 'lesson quiz with feedback');
		// Next question by keyboard; then a right answer.
		await quiz(page).getByRole('button', { name: 'Next question' }).focus();
		await page.keyboard.press('Enter');
		expect(await quiz(page).locator('h2').textContent()).toMatch(/Question 2 of/);
		const second = await answerByKeyboard(page, true);
		if (second.type !== 'ordering')
			expect(await quiz(page).locator('.feedback').textContent()).toMatch(/^Right/);

		// Tomorrow, the missed question is due in /review.
		await page.clock.setFixedTime(new Date(Date.now() + 2 * 24 * 3600 * 1000));
		await page.goto(page.url().replace(/\/lessons\/.*$/, '/review'));
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect
			.poll(() => page.locator('.today').textContent())
			.toMatch(/\d+ questions? (is|are) due/);
		await page.getByRole('button', { name: "Start today's review" }).click();
		await expect.poll(() => quiz(page).locator('legend').first().textContent()).toBe(first.prompt);
		await expectNoAxeViolations(page, '/review with a question');
		await answerByKeyboard(page, true);
		await expectNoAxeViolations(page, '/review with feedback');
		expect(jsErrors(page)).toEqual([]);
		await page.context().close();
	});
});

describe('a locate question', () => {
	it('is answered on the map with the keyboard, and marks the right place', async () => {
		const page = await open(b, '/lessons/threat-remains');
		await skipTo(page, (q) => q.type === 'locate', 15, 'no locate question in the lesson quiz');
		await quiz(page).locator('.locate').scrollIntoViewIfNeeded(); // the map is laid out once near
		await quiz(page).locator('svg[data-rendered="true"]').waitFor();
		await expectNoAxeViolations(page, 'a locate question');
		const marker = quiz(page).locator('.place').first();
		await marker.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => quiz(page).locator('input[type=radio]:checked').count()).toBe(1);
		await quiz(page).getByRole('button', { name: 'Check my answer' }).click();
		expect(await quiz(page).locator('.feedback').textContent()).toMatch(/Right|Not quite/);
		expect(await quiz(page).getByText('— correct answer').count()).toBe(1);
		await page.context().close();
	});
});

describe('Tab in a locate question', () => {
	it('reaches the places the question offers first: no country shape is a tab stop', async () => {
		const page = await open(b, '/lessons/west-africa-sahel');
		for (let i = 0; i < 20; i++) {
			const legend = quiz(page).locator('legend').first();
			const text = (await legend.textContent())?.trim();
			const q = lessonQuestions.find((x) => x.prompt.trim() === text);
			if (q?.type === 'locate') {
				await quiz(page).locator('.locate').scrollIntoViewIfNeeded(); // the map is laid out once near
				const map = quiz(page).locator('.region-map');
				await map.locator('svg[data-rendered="true"]').waitFor();
				const offered = await map
					.locator('g[data-place], path[data-area]')
					.evaluateAll((els) => els.length);
				// From the question's prompt, Tab by Tab, as a keyboard user goes.
				await legend.evaluate((e) => {
					(e as HTMLElement).tabIndex = -1;
					(e as HTMLElement).focus();
				});
				const stops: string[] = [];
				for (let t = 0; t < offered + 4; t++) {
					await page.keyboard.press('Tab');
					stops.push(
						await page.evaluate(() => {
							const e = document.activeElement as HTMLElement | SVGElement | null;
							if (!e?.closest('.region-map')) return `outside: ${e?.tagName}`;
							const d = (e as SVGElement).dataset;
							return d.place
								? `place ${d.place}`
								: d.area
									? `area ${d.area}`
									: d.country
										? `country ${d.country}`
										: `control: ${e.tagName}`;
						})
					);
				}
				const onMap = stops.filter((s) => !s.startsWith('outside'));
				expect(stops[0], `the first stop after the prompt: ${stops.join(', ')}`).toMatch(
					/^(place|area) /
				);
				expect(onMap.slice(0, offered), stops.join(', ')).toEqual(
					onMap.slice(0, offered).filter((s) => /^(place|area) /.test(s))
				);
				expect(onMap.length).toBeGreaterThanOrEqual(offered);
				expect(
					stops.some((s) => s.startsWith('other')),
					stops.join(', ')
				).toBe(false);
				await page.context().close();
				return;
			}
			await answerByKeyboard(page, false);
			await quiz(page)
				.getByRole('button', { name: /Next question|See my results/ })
				.click();
		}
		throw new Error('no locate question in the lesson quiz');
	});
});

describe('a locate question whose answer is a drawn area', () => {
	it('takes Enter or a click on the area, enables Check, and prints no offered name on the map', async () => {
		const page = await open(b, '/lessons/west-africa-sahel');
		await skipTo(
			page,
			(q) => q.type === 'locate' && q.answer === 'liptako-gourma',
			20,
			'no Liptako-Gourma question in the lesson quiz'
		);
		await quiz(page).locator('.locate').scrollIntoViewIfNeeded(); // the map is laid out once near
		const map = quiz(page).locator('.region-map');
		await map.locator('svg[data-rendered="true"]').waitFor();
		const check = quiz(page).getByRole('button', { name: 'Check my answer' });
		expect(await check.isDisabled()).toBe(true);
		// Looks disabled: not the accent fill, a dashed edge.
		expect(await check.evaluate((e) => getComputedStyle(e).borderStyle)).toBe('dashed');
		// The map prints no name the question offers (the answer's least of all).
		const drawn = (await map.locator('svg').evaluate((s) => {
			const copy = s.cloneNode(true) as SVGSVGElement;
			copy.querySelectorAll('title, desc').forEach((e) => e.remove());
			return copy.textContent ?? '';
		})) as string;
		for (const name of ['Liptako-Gourma', 'Lake Chad', 'Ouagadougou', 'Niamey']) {
			expect(drawn).not.toContain(name);
		}
		const area = map.getByRole('button', { name: 'Liptako-Gourma (drawn area)' });
		await area.focus();
		await page.keyboard.press('Enter');
		const chosen = quiz(page).getByLabel('Liptako-Gourma', { exact: true });
		await expect.poll(() => chosen.isChecked()).toBe(true);
		expect(await check.isDisabled()).toBe(false);
		expect(await check.evaluate((e) => getComputedStyle(e).borderStyle)).toBe('solid');
		// Another choice, then a click on the area itself (where no place's target covers it).
		await quiz(page).getByLabel('Niamey', { exact: true }).check();
		await map.scrollIntoViewIfNeeded();
		const spot = await area.evaluate((el) => {
			const r = el.getBoundingClientRect();
			for (let y = r.top + 2; y < r.bottom; y += 3) {
				for (let x = r.left + 2; x < r.right; x += 3) {
					if (document.elementFromPoint(x, y) === el) return { x, y };
				}
			}
			return null;
		});
		expect(spot).not.toBeNull();
		await page.mouse.click(spot!.x, spot!.y);
		await expect.poll(() => chosen.isChecked()).toBe(true);
		await check.click();
		expect(await quiz(page).locator('.feedback').textContent()).toMatch(/^Right/);
		await page.context().close();
	});
});

describe('/quiz', () => {
	it('builds a quiz from chosen lessons, of a chosen length, and ends with a summary and a retry', async () => {
		const page = await open(b, '/quiz');
		await expectNoAxeViolations(page, '/quiz setup');
		await page.getByLabel('Chosen lessons').check();
		await page.getByLabel('2. The principles the text puts first').check();
		await page.getByLabel('How many questions').selectOption('5');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		for (let i = 0; i < 5; i++) {
			await answerByKeyboard(page, i % 2 === 0);
			if (i === 0) await expectNoAxeViolations(page, '/quiz with feedback');
			await quiz(page)
				.getByRole('button', { name: i < 4 ? 'Next question' : 'See my results' })
				.click();
		}
		expect(await quiz(page).locator('.summary').textContent()).toMatch(
			/You scored \d+%: [\d.]+ out of 5\./
		);
		expect(await quiz(page).locator('table caption').textContent()).toBe(
			'By commitment or principle'
		);
		await expectNoAxeViolations(page, '/quiz summary');
		await quiz(page)
			.getByRole('button', { name: /^Retry the \d I missed$/ })
			.click();
		expect(await quiz(page).locator('h2').textContent()).toMatch(/Question 1 of [1-5]/);
		await page.context().close();
	});
});

describe('review progress file', () => {
	it('exports, refuses a foreign file without change, re-imports, and resets', async () => {
		const page = await open(b, '/lessons/principles-first');
		await answerByKeyboard(page, false);
		await page.clock.setFixedTime(new Date(Date.now() + 2 * 24 * 3600 * 1000));
		await page.goto(page.url().replace(/\/lessons\/.*$/, '/review'));
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = await (await download).path();
		const exported = JSON.parse(readFileSync(file!, 'utf8'));
		expect(exported.app).toBe('communique-course');
		expect(Object.keys(exported.entries)).toHaveLength(1);

		const dir = mkdtempSync(join(tmpdir(), 'review-'));
		const foreign = join(dir, 'foreign.json');
		writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
		await page.locator('input[type=file]').setInputFiles(foreign);
		await expect
			.poll(() => page.locator('.message').textContent())
			.toBe('This file does not come from this course, so nothing was imported.');
		expect(await page.locator('.today').textContent()).toMatch(/1 question is due/);

		page.once('dialog', (d) => d.accept());
		await page.getByRole('button', { name: 'Reset' }).click();
		await expect
			.poll(() => page.locator('.today').textContent())
			.toMatch(/not answered any questions/);

		await page.locator('input[type=file]').setInputFiles(file!);
		await expect
			.poll(() => page.locator('.message').textContent())
			.toBe('Imported progress for 1 questions.');
		expect(await page.locator('.today').textContent()).toMatch(/1 question is due/);
		await expectNoAxeViolations(page, '/review after import');
		await page.context().close();
	});
});
