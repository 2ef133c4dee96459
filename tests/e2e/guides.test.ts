// The teachers' guides: every guide page passes axe in light and dark; each worksheet and key
// prints on at most two pages of A4 and of US Letter with no text cut at a page edge (read back
// from the PDF with poppler's pdftotext; PNGs of each sheet go to test-results/print/ to look
// at); the one-click assignment opens /teach with the lesson's questions chosen.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectNoAxeViolations, fileBrowser, jsErrors, open } from './helpers';

const lessons = readdirSync('lessons/guides')
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => f.replace(/\.yaml$/, ''));
const sheets = lessons.flatMap((l) => [`/teach/guide/${l}/worksheet`, `/teach/guide/${l}/key`]);
const pages = ['/teach/guide', ...lessons.map((l) => `/teach/guide/${l}`), ...sheets];
const out = 'test-results/print';

const b = await fileBrowser();
beforeAll(() => {
	mkdirSync(out, { recursive: true });
});

it('has a guide for each of the ten lessons', () => {
	const md = readdirSync('lessons').filter((f) => f.endsWith('.md'));
	expect(lessons.sort()).toEqual(md.map((f) => f.replace(/\.md$/, '')).sort());
	expect(lessons).toHaveLength(10);
});

describe.each(pages)('%s', (path) => {
	it('has one h1, no axe violations in light and dark, and fits 320px', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await open(b, path, { colorScheme });
			expect(await page.locator('h1').count()).toBe(1);
			await expectNoAxeViolations(page, `${path} (${colorScheme})`);
			expect(jsErrors(page)).toEqual([]);
			await page.context().close();
		}
		const page = await open(b, path, { viewport: { width: 320, height: 700 } });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.context().close();
	});
});

/** Words as both the page and the PDF give them: NFKC (ligatures), lower case, letters and digits. */
const wordsOf = (text: string) =>
	text
		.normalize('NFKC')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

interface PdfPage {
	width: number;
	height: number;
	words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
}

/** The words of each page of a PDF with their boxes, from `pdftotext -bbox`. */
function pdfPages(file: string): PdfPage[] {
	const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
	const decode = (s: string) =>
		s
			.replace(/&amp;/g, '&')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"');
	return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
		([, width, height, body]) => ({
			width: +width,
			height: +height,
			words: [
				...body.matchAll(
					/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
				)
			].map(([, xMin, yMin, xMax, yMax, text]) => ({
				text: decode(text),
				xMin: +xMin,
				yMin: +yMin,
				xMax: +xMax,
				yMax: +yMax
			}))
		})
	);
}

/** The text of each block that must not be split across pages (a question, a sentence, an answer). */
async function blocks(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[
			...document.querySelectorAll(
				'.sheet .question, .sheet .sentence, .sheet .item, .sheet .block'
			)
		]
			.map((el) => (el as HTMLElement).innerText)
			.filter((t) => t.trim())
	);
}

describe.each(sheets)('%s printed', (path) => {
	it.each(['A4', 'Letter'] as const)(
		'on %s: at most two pages, nothing cut at a page edge, no block split',
		async (format) => {
			const page = await open(b, path);
			const file = `${out}/${path.replace(/^\/teach\/guide\//, '').replace(/\//g, '-')}-${format}.pdf`;
			const pdf = await page.pdf({ format });
			writeFileSync(file, pdf);
			const count = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
			expect(count, `${path} on ${format}: pages`).toBeGreaterThanOrEqual(1);
			expect(count, `${path} on ${format}: pages`).toBeLessThanOrEqual(2);

			const printed = pdfPages(file);
			expect(printed).toHaveLength(count);
			// Every word lies inside its page, clear of the edges (the sheet's margins are 11 mm).
			for (const [i, p] of printed.entries())
				for (const w of p.words) {
					const inside =
						w.xMin >= 10 && w.yMin >= 10 && w.xMax <= p.width - 10 && w.yMax <= p.height - 10;
					expect(
						inside,
						`page ${i + 1}: "${w.text}" at ${w.xMin},${w.yMin}–${w.xMax},${w.yMax}`
					).toBe(true);
				}
			// Each block is whole on one page: its opening words are there, and all its words.
			const pageWords = printed.map((p) => wordsOf(p.words.map((w) => w.text).join(' ')));
			const list = await blocks(page);
			expect(list.length).toBeGreaterThanOrEqual(5);
			for (const text of list) {
				const words = wordsOf(text);
				const opening = words.slice(0, 8).join(' ');
				const starts = pageWords.flatMap((ws, i) => (ws.join(' ').includes(opening) ? [i] : []));
				expect(starts, `${path} on ${format}: "${opening}…" is printed`).not.toEqual([]);
				const missing = starts.map((i) => words.filter((w) => !pageWords[i].includes(w)));
				const whole = missing.some((m) => m.length === 0);
				expect(whole, `${path} on ${format}: "${opening}…" is split: ${missing[0]}`).toBe(true);
			}
			// No navigation and no screen-only controls on paper.
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('.site-header').isVisible()).toBe(false);
			expect(await page.locator('.toolbar').isVisible()).toBe(false);
			expect(await page.locator('.site-footer').isVisible()).toBe(false);
			if (format === 'A4') {
				execFileSync('pdftoppm', ['-r', '50', '-png', file, file.replace(/\.pdf$/, '')]);
				const png = `${file.replace(/\.pdf$/, '')}-1.png`;
				expect(statSync(png).size).toBeGreaterThan(5000);
			}
			await page.context().close();
		}
	);
});

describe('from a guide to an assignment in one click', () => {
	const lesson = 'west-africa-sahel';
	const questions = parse(readFileSync(`lessons/questions/${lesson}.yaml`, 'utf8')) as unknown[];

	it("opens /teach with the lesson's questions chosen and the title filled in", async () => {
		const page = await open(b, `/teach/guide/${lesson}`);
		await page.getByRole('link', { name: /Assign this lesson's quiz/ }).click();
		await page.waitForURL(`**/teach?lesson=${lesson}`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		expect(await page.locator('#title').inputValue()).toMatch(
			/^Lesson 6: West Africa and the Sahel/
		);
		await expect
			.poll(() => page.locator('.total').textContent())
			.toContain(`${questions.length} questions chosen (${questions.length} from the course`);
		await expect
			.poll(() => page.locator('[aria-live] .chosen').textContent())
			.toContain(`The ${questions.length} questions of Lesson 6 are chosen`);
		const chip = page.locator('button.chip', { hasText: 'West Africa and the Sahel' });
		expect(await chip.getAttribute('aria-pressed')).toBe('true');
		expect(await page.locator('button.chip[aria-pressed="true"]').count()).toBe(1);
		await expectNoAxeViolations(page, `/teach?lesson=${lesson}`);
		await page.context().close();
	});

	it('names an unknown lesson and chooses nothing', async () => {
		const page = await open(b, '/teach?lesson=no-such-lesson');
		await expect
			.poll(() => page.locator('[aria-live] .chosen').textContent())
			.toContain('no lesson called "no-such-lesson"');
		expect(await page.locator('.total strong').textContent()).toBe('0');
		await page.context().close();
	});

	it('is reached from the lesson page and from /teach', async () => {
		const page = await open(b, `/lessons/${lesson}`);
		const link = page.getByRole('link', { name: "The teacher's guide, worksheet and answer key" });
		expect(await link.getAttribute('href')).toBe(`/teach/guide/${lesson}`);
		await page.goto(new URL('/teach', page.url()).href);
		// Where the link goes (the server may write it relative to the page).
		expect(
			await page
				.getByRole('link', { name: "teacher's guide" })
				.first()
				.evaluate((a) => (a as HTMLAnchorElement).pathname)
		).toBe('/teach/guide');
		await page.context().close();
	});

	it('links every lesson guide from the guide to the whole text', async () => {
		const page = await open(b, '/teach/guide');
		for (const l of lessons)
			expect(await page.locator(`a[href="/teach/guide/${l}"]`).count()).toBeGreaterThan(0);
		await page.context().close();
	});
});
