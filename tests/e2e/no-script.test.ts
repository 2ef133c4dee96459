import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseUrl, fileBrowser } from './helpers';

// Without JavaScript no lesson or chart page tells a reader to do what cannot be done there: no
// "select", "tap", "drag" or "zoom" in its words (lesson text, captions, legends, hints), and no
// button, switch or checkbox that would do nothing. Left out: glossary terms (their pop-up is the
// reader's, src/lib/reader, its own item of issue 15) and a lesson's practice quiz (QuizRunner
// needs its script to grade anything: not part of the charts this file is about).

const lessons = readdirSync('lessons')
	.filter((f) => f.endsWith('.md'))
	.map((f) => `/lessons/${f.replace(/\.md$/, '')}`);
const { regions } = parse(readFileSync('lessons/regions.yaml', 'utf8')) as {
	regions: { id: string }[];
};
const pages = ['/timeline', ...regions.map((r) => `/maps/${r.id}`), ...lessons];
const instruction =
	/\b(select|selecting|tap|tapping|click|drag|zoom|pinch|wheel|arrow keys|switch (each|it|them)|mark it as done)\b/i;

const b = await fileBrowser();

describe('without JavaScript', () => {
	it.each(pages)('%s gives no instruction it cannot follow', async (path) => {
		const context = await b.newContext({
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		const page = await context.newPage();
		const response = await page.goto(baseUrl() + path);
		expect(response?.status()).toBe(200);
		await page.locator('main section.quiz').evaluateAll((els) => els.forEach((e) => e.remove()));
		const lines = (await page.locator('main').innerText())
			.split('\n')
			.filter((l) => instruction.test(l));
		expect(lines, `${path}: words that ask for a script`).toEqual([]);
		const controls = await page
			.locator(
				'main button:not(.term-button):not([disabled]), main input[type=checkbox], main [role=button]'
			)
			.evaluateAll((els) =>
				els.map((e) => `${e.tagName} ${e.getAttribute('aria-label') ?? e.textContent?.trim()}`)
			);
		expect(controls, `${path}: controls that would do nothing`).toEqual([]);
		await context.close();
	});
});
