// The timeline as a person sees it, at a phone's and a laptop's width: every label and mark inside
// its own year, no label over another, the legend true to the drawing, details where the event is
// with focus following, and without JavaScript a phone-wide page that promises nothing it cannot do.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoAxeViolations, fileBrowser, tabTo } from './helpers';

const { events } = parse(readFileSync('lessons/facts.yaml', 'utf8')) as {
	events: { id: string; date: string; title: string; label: string }[];
};
const yearOf = new Map(events.map((e) => [e.id, Number(e.date.slice(0, 4))]));

const b = await fileBrowser();

type Box = { left: number; right: number; top: number; bottom: number };
const pages = ['/timeline', '/lessons/reading-a-communique'];
const widths = [390, 1280];

/** Opens a page, keeping every console warning and error and every uncaught exception. */
async function openTimeline(path: string, width: number) {
	const context = await b.newContext({
		bypassCSP: true,
		viewport: { width, height: width < 600 ? 844 : 900 }
	});
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'warning' || m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	await page.goto(baseUrl() + path, { waitUntil: 'networkidle' });
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const chart = width < 640 ? '.timeline svg.year-chart' : '.timeline svg.lane-chart';
	// In a lesson the timeline becomes interactive once it nears the screen.
	await page.locator('.timeline').first().scrollIntoViewIfNeeded();
	await page.locator(`${chart} .event[role="button"]`).first().waitFor();
	return { page, problems };
}

/** Every event's mark, label and year bounds, read from the drawing. */
async function readDrawing(page: Page) {
	return page.evaluate(() => {
		const box = (el: Element) => {
			const r = el.getBoundingClientRect();
			return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
		};
		const svg = document.querySelector('.timeline svg')!;
		const origin = svg.getBoundingClientRect();
		const years: Record<string, Box> = {};
		for (const rect of svg.querySelectorAll('rect[data-band]'))
			years[rect.getAttribute('data-band')!] = box(rect);
		for (const g of svg.querySelectorAll('g.year[data-x0]'))
			years[g.getAttribute('data-year')!] = {
				left: origin.left + Number(g.getAttribute('data-x0')),
				right: origin.left + Number(g.getAttribute('data-x1')),
				top: origin.top,
				bottom: origin.bottom
			};
		return {
			vertical: svg.classList.contains('year-chart'),
			years,
			events: [...svg.querySelectorAll('.event')].map((g) => ({
				id: g.getAttribute('data-event')!,
				mark: box(g.querySelector('.marker')!),
				label: box(g.querySelector('.label')!),
				date: svg.querySelector(`[data-date-for="${g.getAttribute('data-event')}"]`)
					? box(svg.querySelector(`[data-date-for="${g.getAttribute('data-event')}"]`)!)
					: null
			})),
			texts: [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, ...box(t) })),
			meetingLines: [...svg.querySelectorAll('line.meeting-line')].map(box),
			yearLabels: [...svg.querySelectorAll('g.year')].map((g) => ({
				year: g.getAttribute('data-year')!,
				label: g.querySelector('.tick-label') ? box(g.querySelector('.tick-label')!) : null
			}))
		};
	});
}

const overlaps = (a: Box, b: Box, slack = 0.5) =>
	a.left < b.right - slack &&
	b.left < a.right - slack &&
	a.top < b.bottom - slack &&
	b.top < a.bottom - slack;
const inside = (inner: Box, outer: Box, slack = 0.5) =>
	inner.top >= outer.top - slack &&
	inner.bottom <= outer.bottom + slack &&
	inner.left >= outer.left - slack &&
	inner.right <= outer.right + slack;

describe.each(pages)('%s', (path) => {
	describe.each(widths)('at %ipx', (width) => {
		it('draws every label and mark in its own year, no two texts over each other, the legend true, no console warnings', async () => {
			const { page, problems } = await openTimeline(path, width);
			const d = await readDrawing(page);
			expect(d.vertical).toBe(width < 640);
			expect(d.events.length).toBe(events.length);
			for (const e of d.events) {
				const year = d.years[String(yearOf.get(e.id))];
				expect(year, `${e.id}: a band for its year`).toBeDefined();
				const centre = (e.mark.left + e.mark.right) / 2;
				expect(
					centre >= year.left && centre <= year.right,
					`${e.id}: mark in ${yearOf.get(e.id)}`
				).toBe(true);
				const markMiddle = (e.mark.top + e.mark.bottom) / 2;
				expect(
					markMiddle > e.label.top && markMiddle < e.label.bottom,
					`${e.id}: label on its mark's line`
				).toBe(true);
				if (d.vertical) {
					// The year's band holds the whole row: date, mark and label.
					expect(inside(e.mark, year), `${e.id}: mark inside its year's band`).toBe(true);
					expect(inside(e.label, year), `${e.id}: label inside its year's band`).toBe(true);
					expect(inside(e.date!, year), `${e.id}: date inside its year's band`).toBe(true);
					expect(e.label.left - e.mark.right).toBeLessThan(12);
				} else {
					// The label starts right beside its own mark.
					expect(
						e.label.left - e.mark.right,
						`${e.id}: label beside its mark`
					).toBeGreaterThanOrEqual(0);
					expect(e.label.left - e.mark.right, `${e.id}: label beside its mark`).toBeLessThan(8);
					expect(e.label.right, `${e.id}: label inside the chart`).toBeLessThanOrEqual(width);
				}
			}
			for (const y of d.yearLabels.filter((y) => y.label)) {
				const centre = (y.label!.left + y.label!.right) / 2;
				expect(
					centre > d.years[y.year].left && centre < d.years[y.year].right,
					`label ${y.year}`
				).toBe(true);
			}
			for (const [i, a] of d.texts.entries())
				for (const t of d.texts.slice(i + 1))
					expect(overlaps(a, t), `"${a.text}" over "${t.text}"`).toBe(false);
			if (!d.vertical) {
				expect(d.meetingLines.length).toBeGreaterThan(0);
				for (const line of d.meetingLines)
					for (const t of d.texts)
						expect(overlaps(line, t, 0), `the meeting line cuts "${t.text}"`).toBe(false);
			}
			const legend = await page
				.locator('.timeline [data-legend-item]')
				.evaluateAll((items) => items.map((i) => i.getAttribute('data-legend-item')!));
			expect(legend).toEqual(expect.arrayContaining(['diamond', 'meeting', 'lane-iraq']));
			for (const key of legend) {
				const drawn = await page
					.locator(`.timeline svg [data-legend~="${key}"]`)
					.evaluateAll((els) =>
						els.filter((el) => {
							const r = el.getBoundingClientRect();
							return r.width > 0 || r.height > 0;
						})
					);
				expect(drawn.length, `legend item ${key} is drawn`).toBeGreaterThan(0);
			}
			const badSizes = await page.evaluate(() =>
				[...document.querySelectorAll('svg [width], svg [height]')]
					.flatMap((el) => ['width', 'height'].map((a) => el.getAttribute(a) ?? ''))
					.filter((v) => v.startsWith('-'))
			);
			expect(badSizes).toEqual([]);
			expect(problems).toEqual([]);
			await page.context().close();
		});

		it('opens an event’s details in view, with focus inside; Escape gives focus back to the event', async () => {
			const { page, problems } = await openTimeline(path, width);
			for (const id of ['mosul-falls-2014', 'rome-ministerial-2021']) {
				const title = events.find((e) => e.id === id)!.title;
				const mark = page.locator(`.timeline .event[data-event="${id}"]`);
				await mark.click();
				const sheet = page.getByRole('dialog', { name: title });
				await sheet.waitFor();
				expect(await sheet.textContent()).toContain(title);
				const where = await sheet.evaluate((el) => {
					const r = el.getBoundingClientRect();
					return {
						top: r.top,
						bottom: r.bottom,
						height: innerHeight,
						focusInside: el.contains(document.activeElement)
					};
				});
				expect(where.focusInside, 'focus moved to the details').toBe(true);
				expect(where.top).toBeGreaterThanOrEqual(0);
				expect(where.bottom).toBeLessThanOrEqual(where.height + 1);
				// The event itself stays in view too, not hidden under a sheet.
				const markBox = await mark.locator('.marker').boundingBox();
				expect(markBox!.y).toBeGreaterThanOrEqual(0);
				expect(markBox!.y + markBox!.height <= where.top || markBox!.y >= where.bottom).toBe(true);
				await page.keyboard.press('Escape');
				await expect.poll(() => sheet.count()).toBe(0);
				expect(await page.evaluate(() => document.activeElement?.getAttribute('data-event'))).toBe(
					id
				);
			}
			// By keyboard: Enter opens, Close gives focus back.
			await tabTo(page, '.timeline .event[role="button"]', 300);
			const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-event'));
			await page.keyboard.press('Enter');
			const dialog = page.getByRole('dialog');
			await dialog.waitFor();
			await expectNoAxeViolations(page, `${path} at ${width}px with an event open`);
			await dialog.getByRole('button', { name: 'Close' }).click();
			await expect.poll(() => dialog.count()).toBe(0);
			expect(await page.evaluate(() => document.activeElement?.getAttribute('data-event'))).toBe(
				focused
			);
			expect(problems).toEqual([]);
			await page.context().close();
		});
	});

	it('without JavaScript is phone-wide, with the year layout and no instruction it cannot follow', async () => {
		const context = await b.newContext({
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		const page = await context.newPage();
		await page.goto(baseUrl() + path);
		// On /timeline the map beside the chart is left out here: the map is server-rendered by its
		// own component (and tested with it); everything else on the page must fit.
		const overflowing = await page.evaluate(() =>
			[...document.querySelectorAll('main *')]
				.filter((el) => !el.closest('section[aria-labelledby="map-heading"]'))
				.filter((el) => el.getBoundingClientRect().right > 390.5)
				.map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`)
		);
		expect(overflowing, 'wider than the phone').toEqual([]);
		if (path !== '/timeline')
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				'page width'
			).toBeLessThanOrEqual(390);
		expect(await page.locator('.timeline svg.year-chart .event').count()).toBe(events.length);
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).not.toMatch(/drag/i);
		expect(text).not.toMatch(/arrow keys|Select an event for its details/);
		expect(await page.locator('.timeline [role="button"], .timeline button').count()).toBe(0);
		await context.close();
	});
});

describe('/timeline at 1280px', () => {
	it('zooms with the buttons, labels staying beside their marks, and resets', async () => {
		const { page, problems } = await openTimeline('/timeline', 1280);
		const years = () =>
			page
				.locator('.timeline .tick-label')
				.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
		const before = await years();
		await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
		await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
		await expect.poll(async () => (await years()).join()).not.toBe(before.join());
		const d = await readDrawing(page);
		for (const e of d.events.filter((e) => e.mark.left > 110 && e.mark.right < 1270))
			expect(e.label.left - e.mark.right, e.id).toBeLessThan(8);
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await expect.poll(async () => (await years()).join()).toBe(before.join());
		expect(problems).toEqual([]);
		await page.context().close();
	});
});
