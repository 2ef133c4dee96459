import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../../src/lib/content/source-text';
import { baseUrl, expectNoAxeViolations, fileBrowser, jsErrors, open, tabTo } from './helpers';

const source = parseSourceText(
	readFileSync('lessons/source/communique.txt', 'utf8'),
	'communique.txt',
	[]
);
const sentences = source.paragraphs.flatMap((p) => p.sentences);
const lesson = '/lessons/reading-a-communique';
const lessons = readdirSync('lessons')
	.filter((f) => f.endsWith('.md'))
	.map((f) => `/lessons/${f.replace(/\.md$/, '')}`);
const pages = [
	'/',
	'/read',
	'/glossary',
	'/commitments',
	'/timeline',
	'/maps/iraq-syria',
	'/maps/west-africa-sahel',
	'/teach',
	'/join',
	...lessons
];

const b = await fileBrowser();

describe.each(pages)('%s', (path) => {
	it.each(['light', 'dark'] as const)(
		'has one h1 and no axe violations (%s)',
		async (colorScheme) => {
			const page = await open(b, path, { colorScheme });
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.locator('main#main').count()).toBe(1);
			await expectNoAxeViolations(page, `${path} (${colorScheme})`);
			expect(jsErrors(page)).toEqual([]);
			await page.context().close();
		}
	);

	it('fits a 320px screen without sideways scrolling', async () => {
		const page = await open(b, path, { viewport: { width: 320, height: 700 } });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.context().close();
	});
});

describe('the reader', () => {
	it('shows all 9 paragraphs and every sentence verbatim at its anchor', async () => {
		const page = await open(b, '/read');
		for (let n = 1; n <= 9; n++) expect(await page.locator(`[id="p${n}"]`).count()).toBe(1);
		// The words as read: without the closed definitions and the screen-reader-only hints.
		const shown = await page.evaluate(
			(ids) =>
				ids.map((id) => {
					const copy = document.getElementById(id)?.cloneNode(true) as HTMLElement | undefined;
					copy?.querySelectorAll('.term-popover, .visually-hidden').forEach((el) => el.remove());
					return copy?.textContent ?? null;
				}),
			sentences.map((s) => s.id)
		);
		expect(shown).toEqual(sentences.map((s) => s.text));
		await page.context().close();
	});

	it('highlights and focuses the sentence an address points at', async () => {
		const page = await open(b, '/read#p4.s2');
		const target = page.locator('[id="p4.s2"]');
		await expect.poll(() => target.getAttribute('class')).toContain('is-target');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('p4.s2');
		expect(await target.isVisible()).toBe(true);
		await page.context().close();
	});

	it('opens a glossary term with the keyboard only, and closes it with Escape', async () => {
		const page = await open(b, '/read');
		await tabTo(page, 'button.term-button');
		const button = page.locator(':focus');
		const name = (await button.textContent())?.replace(' (glossary term)', '').trim();
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		await page.keyboard.press('Enter');
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		const popover = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
		expect(await popover.isVisible()).toBe(true);
		expect((await popover.textContent())?.length).toBeGreaterThan(20);
		await expectNoAxeViolations(page, '/read with a term open');
		// The link inside is reachable by Tab, and Escape brings focus back to the term.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
			'More in the glossary'
		);
		await page.keyboard.press('Escape');
		expect(await popover.isVisible()).toBe(false);
		expect(
			await page.evaluate(() => document.activeElement?.classList.contains('term-button'))
		).toBe(true);
		// Space toggles too, as for any button.
		await page.keyboard.press('Space');
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		expect(name).toBeTruthy();
		await page.context().close();
	});

	it('puts a content note first in the pop-up of a sensitive term', async () => {
		const page = await open(b, '/read#p7.s1');
		const button = page.locator('[id="p7.s1"] button.term-button', {
			hasText: 'sexual violence as an instrument of terror'
		});
		await button.click();
		const popover = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
		expect(await popover.isVisible()).toBe(true);
		expect(await popover.locator('.term-popover-note').textContent()).toMatch(
			/^Content note: this term is about sexual violence/
		);
		await expectNoAxeViolations(page, '/read with a sensitive term open');
		await page.context().close();
	});

	it('hides navigation and term tools when printed', async () => {
		const page = await open(b, '/read');
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('header.site-header nav').isVisible()).toBe(false);
		expect(await page.locator('[id="p9.s3"]').isVisible()).toBe(true);
		await page.context().close();
	});
});

describe('a lesson', () => {
	it('quotes sentences verbatim and links each quote to its sentence in the reader', async () => {
		const page = await open(b, lesson);
		const quote = page
			.locator('figure.quote')
			.filter({ hasText: 'Together we remain firmly united' });
		expect(await quote.locator('blockquote').textContent()).toContain(
			sentences.find((s) => s.id === 'p1.s4')!.text
		);
		await quote.getByRole('link', { name: /Paragraph 1, sentence 4/ }).click();
		await page.waitForURL(/\/read#p1\.s4$/);
		const target = page.locator('[id="p1.s4"]');
		await expect.poll(() => target.getAttribute('class')).toContain('is-target');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('p1.s4');
		await page.context().close();
	});

	it('opens its glossary terms, and those of the reader reached by a link, through the same listeners', async () => {
		const page = await open(b, lesson);
		const button = page.locator('article.lesson button.term-button').first();
		await button.click();
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		const popover = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
		expect(await popover.isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		expect(await popover.isVisible()).toBe(false);
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		expect(
			await page.evaluate(() => document.activeElement?.classList.contains('term-button'))
		).toBe(true);
		// The reader, rendered in the browser after a link from the lesson (not as plain HTML).
		await page.getByRole('link', { name: 'The text', exact: true }).click();
		await page.waitForURL(/\/read$/);
		const term = page.locator('[id="p1.s1"] button.term-button').first();
		await term.click();
		expect(await term.getAttribute('aria-expanded')).toBe('true');
		await term.click();
		expect(await term.getAttribute('aria-expanded')).toBe('false');
		expect(jsErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('shows the source of every context fact', async () => {
		const page = await open(b, lesson);
		const facts = page.locator('.fact');
		expect(await facts.count()).toBeGreaterThanOrEqual(3);
		for (const text of await facts.allTextContents()) expect(text).toMatch(/Source: .+\./);
		await page.context().close();
	});

	it('records progress in the browser and offers to continue', async () => {
		const page = await open(b, '/');
		const card = page.locator('.lesson-card').first();
		// Progress lives in the browser, so the page shows it once hydrated: wait for it as a user would.
		await page.getByRole('link', { name: /^Start: Lesson 1/ }).click();
		await page.waitForURL(/\/lessons\/reading-a-communique$/);
		await page.locator('h1').waitFor();
		await page.goto(page.url().replace(lesson, '/'));
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('link', { name: /^Continue: Lesson 1/ }).waitFor();
		await expect.poll(() => card.textContent()).toContain('In progress');
		await page.goto(page.url().replace(/\/$/, lesson));
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'Mark lesson as done' }).click();
		await expect
			.poll(() => page.getByRole('status').first().textContent())
			.toContain('marked this lesson as done');
		await page.getByRole('link', { name: 'Course', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await expect.poll(() => card.textContent()).toContain('Done');
		expect(await page.locator('progress').getAttribute('value')).toBe('1');
		await page.context().close();
	});
});

/**
 * On the page at `path`, the record `id` has a content note that reads `note` and comes before
 * its `words`; the record `plain` has none.
 */
async function expectNoteFirst(
	path: string,
	{ id, note, words, plain }: { id: string; note: RegExp; words: string; plain: string }
) {
	const page = await open(b, path);
	const record = page.locator(`[id="${id}"]`);
	expect(await record.getByRole('note').textContent()).toMatch(note);
	expect(
		await record.evaluate((el, words) => {
			const n = el.querySelector('[role="note"]')!;
			const first = el.querySelector(words)!;
			return !!(n.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
		}, words)
	).toBe(true);
	expect(await page.locator(`[id="${plain}"] [role="note"]`).count()).toBe(0);
	await page.context().close();
}

describe('the commitments page', () => {
	it('lists every item and filters by kind and region, keeping the filter in the address', async () => {
		const page = await open(b, '/commitments');
		const items = page.locator('ol.items > li');
		const total = await items.count();
		expect(total).toBeGreaterThanOrEqual(30);
		await page.getByLabel('Kind').selectOption('concern');
		await expect.poll(() => items.count()).toBeLessThan(total);
		for (const text of await items.allTextContents()) expect(text).toMatch(/^Concern/);
		await page.getByLabel('Region').selectOption('West Africa and the Sahel');
		await expect
			.poll(() => page.url())
			.toMatch(/\?kind=concern&region=West%20Africa%20and%20the%20Sahel$/);
		expect(await page.getByRole('status').textContent()).toMatch(/^Showing \d+ of \d+ items$/);
		await expectNoAxeViolations(page, '/commitments filtered');
		// The address restores the filter.
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect.poll(() => page.getByLabel('Kind').inputValue()).toBe('concern');
		await page.getByRole('button', { name: 'Show all' }).click();
		await expect.poll(() => items.count()).toBe(total);
		await page.context().close();
	});

	it('shows a content note before the item on sexual violence, and none on a plain item', async () => {
		// The note comes before the item's words (its restatement and the quoted phrase).
		await expectNoteFirst('/commitments', {
			id: 'accountability-for-sexual-violence',
			note: /^\s*Content note: this item is about sexual violence/,
			words: '.restatement',
			plain: 'fight-in-iraq-and-syria'
		});
	});

	it('links each item to its sentence', async () => {
		const page = await open(b, '/commitments');
		const first = page.locator('ol.items > li').first();
		await first.getByRole('link', { name: /^Paragraph 1, sentence 1$/ }).click();
		await page.waitForURL(/\/read#p1\.s1$/);
		await page.context().close();
	});
});

describe('the glossary', () => {
	it('lists at least 20 terms and filters them', async () => {
		const page = await open(b, '/glossary');
		const entries = page.locator('.entry');
		expect(await entries.count()).toBeGreaterThanOrEqual(20);
		await page.getByLabel('Find a term').fill('sovereignty');
		await expect
			.poll(() => page.getByRole('status').textContent())
			.toMatch(/^\d+ of \d+ terms match$/);
		expect(await page.locator('[id="sovereignty"]').isVisible()).toBe(true);
		await page.context().close();
	});

	it('says when nothing matches, and filters the same when reached by a link inside the app', async () => {
		const page = await open(b, '/glossary');
		const status = page.getByRole('status');
		expect(await status.textContent()).toMatch(/^Showing all \d+ terms$/);
		await page.getByLabel('Find a term').fill('zzzz');
		await expect.poll(() => status.textContent()).toMatch(/^0 of \d+ terms match$/);
		expect(await page.getByText('No term matches “zzzz”. Try a shorter word.').isVisible()).toBe(
			true
		);
		expect(await page.getByRole('navigation', { name: 'Jump to letter' }).isVisible()).toBe(false);
		await page.getByLabel('Find a term').fill('');
		await expect.poll(() => status.textContent()).toMatch(/^Showing all \d+ terms$/);
		// Drawn by Svelte after a link from a hydrated page, not served as plain HTML.
		await page.getByRole('link', { name: 'Quiz', exact: true }).click();
		await page.waitForURL(/\/quiz$/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('link', { name: 'Glossary', exact: true }).click();
		await page.waitForURL(/\/glossary$/);
		await page.getByLabel('Find a term').fill('sovereignty');
		await expect.poll(() => status.textContent()).toMatch(/^[1-9]\d* of \d+ terms match$/);
		expect(await page.locator('[id="sovereignty"]').isVisible()).toBe(true);
		expect(await page.locator('[id="daesh"]').isVisible()).toBe(false);
		expect(jsErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('shows a content note before the entry on sexual violence, and none on a plain entry', async () => {
		// The note comes before the definition, in reading order as on screen.
		await expectNoteFirst('/glossary', {
			id: 'sexual-violence-as-terror',
			note: /^\s*Content note: this entry is about sexual violence/,
			words: '.short',
			plain: 'sovereignty'
		});
	});

	it('links each term to where the text uses it', async () => {
		const page = await open(b, '/glossary#unscr-2254');
		const entry = page.locator('[id="unscr-2254"]');
		await entry.getByRole('link', { name: 'Paragraph 4, sentence 1' }).click();
		await page.waitForURL(/\/read#p4\.s1$/);
		await page.context().close();
	});
});

describe('the shell', () => {
	it('offers a skip link first, which moves focus to the main content', async () => {
		const page = await open(b, '/glossary');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.context().close();
	});

	it.each([
		{ path: '/read', label: 'The text' },
		{ path: '/glossary', label: 'Glossary' },
		{ path: lesson, label: 'Course' },
		{ path: '/maps/west-africa-sahel', label: 'Maps' }
	])('marks $label as the current page on $path, as served', async ({ path, label }) => {
		// The page as the server sends it (no script run), then as the browser shows it.
		const html = await (await fetch(`${baseUrl()}${path}`)).text();
		expect(html).toMatch(new RegExp(`aria-current="page"[^>]*>${label}<`));
		const page = await open(b, path);
		const current = page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]');
		expect(await current.allTextContents()).toEqual([label]);
		await page.context().close();
	});

	it('answers an unknown lesson with a 404 page', async () => {
		const context = await b.newContext();
		const page = await context.newPage();
		const response = await page.goto(`${baseUrl()}/lessons/no-such-lesson`);
		expect(response?.status()).toBe(404);
		expect(await page.locator('h1').count()).toBe(1);
		await context.close();
	});
});
