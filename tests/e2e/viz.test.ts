import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fileBrowser, jsErrors, open, tabTo } from './helpers';

const { regions } = parse(readFileSync('lessons/regions.yaml', 'utf8')) as {
	regions: { id: string; focus: string[]; neighbours: string[]; areas: { name: string }[] }[];
};
const { places } = parse(readFileSync('lessons/places.yaml', 'utf8')) as {
	places: { id: string; name: string; kind: string; region: string }[];
};

const b = await fileBrowser();

async function mapReady(page: Page) {
	await page.locator('svg[data-rendered="true"]').first().waitFor();
}

describe.each(regions)('/maps/$id', (region) => {
	it('shows every focus country, area and place by accessible name, and neighbours in its list', async () => {
		const page = await open(b, `/maps/${region.id}`);
		await mapReady(page);
		for (const country of region.focus) {
			expect(
				await page.getByRole('button', { name: new RegExp(`^${country}\\b`) }).count(),
				country
			).toBe(1);
		}
		for (const area of region.areas) {
			expect(await page.getByRole('button', { name: `${area.name} (drawn area)` }).count()).toBe(1);
		}
		const expected = places.filter((p) => p.region === region.id && p.kind !== 'area');
		for (const p of expected) {
			expect(
				await page.getByRole('button', { name: `${p.name} (${p.kind})` }).count(),
				p.name
			).toBe(1);
		}
		const list = await page.locator('.map-list').textContent();
		for (const n of region.neighbours) expect(list).toContain(n);
		expect(await page.locator('svg title').first().textContent()).toMatch(/^Map: /);
		expect(jsErrors(page)).toEqual([]);
		await page.context().close();
	});

	it('opens a place by keyboard and shows its note and events', async () => {
		const page = await open(b, `/maps/${region.id}`);
		await mapReady(page);
		const first = places.find((p) => p.region === region.id && p.kind !== 'area')!;
		await tabTo(page, `[aria-label="${first.name} (${first.kind})"]`, 80);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.panel').textContent()).toContain(first.name);
		expect(
			await page
				.locator(`[aria-label="${first.name} (${first.kind})"]`)
				.getAttribute('aria-pressed')
		).toBe('true');
		await expectNoAxeViolations(page, `/maps/${region.id} with a place selected`);
		await page.context().close();
	});
});

describe('/timeline', () => {
	it('moves between events with the arrow keys and opens one with Enter, keyboard only', async () => {
		const page = await open(b, '/timeline');
		await page.locator('.timeline svg.lane-chart').waitFor();
		await tabTo(page, '.event[role="button"]');
		const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
		expect(first).toMatch(/^This meeting 4 June 2020 · Coalition & diplomacy: This meeting/);
		await page.keyboard.press('ArrowRight');
		const next = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
		expect(next).toMatch(/^Sahel Coalition meets 12 June 2020/);
		await page.keyboard.press('Home');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
			/^Mosul falls 10 June 2014/
		);
		await page.keyboard.press('Enter');
		const detail = page.getByRole('dialog', { name: 'Mosul falls to ISIS' });
		await expect.poll(() => detail.textContent()).toContain('ISIS takes the Iraqi city of Mosul');
		expect(await detail.textContent()).toContain('Source: news reports of 10 June 2014');
		await page.context().close();
	});

	it('links the views: an event highlights its place; a place filters the events', async () => {
		const page = await open(b, '/timeline');
		await mapReady(page);
		await page.getByRole('button', { name: /^Baghuz falls 23 March 2019/ }).click();
		await expect
			.poll(() => page.locator('.place.highlight').getAttribute('aria-label'))
			.toBe('Baghuz (city)');
		const total = await page.locator('.timeline .event').count();
		await page.getByRole('button', { name: 'Baghdad (city)' }).click();
		await expect.poll(() => page.locator('.timeline .event').count()).toBeLessThan(total);
		expect(await page.getByRole('status').textContent()).toMatch(
			/Showing the \d+ events at Baghdad/
		);
		for (const label of await page
			.locator('.timeline .event')
			.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
			expect(label).toMatch(/Iraq|Baghdad|NATO|Kadhimi/);
		}
		await expectNoAxeViolations(page, '/timeline with a place filter');
		await page.getByRole('button', { name: 'Show all events' }).click();
		await expect.poll(() => page.locator('.timeline .event').count()).toBe(total);
		// The event detail offers its place on the map, switching region when needed.
		await page.getByRole('button', { name: /^Boko Haram pledge 7 March 2015/ }).click();
		await page.getByRole('button', { name: 'Show Lake Chad on the map' }).click();
		await expect
			.poll(() =>
				page.getByRole('button', { name: 'West Africa and the Sahel' }).getAttribute('aria-pressed')
			)
			.toBe('true');
		await expectNoAxeViolations(page, '/timeline with an event selected');
		await page.context().close();
	});

	it('groups the events under year headings on a phone, still operable by keyboard', async () => {
		const page = await open(b, '/timeline', { viewport: { width: 390, height: 844 } });
		expect(await page.locator('.timeline svg.year-chart').count()).toBe(1);
		expect(await page.locator('.timeline svg.lane-chart').count()).toBe(0);
		await tabTo(page, '.event[role="button"]');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.getByRole('dialog').textContent())
			.toContain("Iraq's parliament approves Mustafa al-Kadhimi's government");
		await page.context().close();
	});

	it('zooms with the buttons and resets', async () => {
		const page = await open(b, '/timeline');
		await page.locator('.timeline svg.lane-chart').waitFor();
		const tickCount = () => page.locator('.timeline .tick-label').count();
		const before = await tickCount();
		await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
		await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
		await expect
			.poll(async () => (await page.locator('.timeline .tick-label').allTextContents()).join(' '))
			.not.toMatch(/^2014 2015 2016/);
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await expect.poll(tickCount).toBe(before);
		await page.context().close();
	});
});

describe('lessons with a timeline or a map', () => {
	it.each([
		{
			path: '/lessons/reading-a-communique',
			selector: '.lazy-chart .timeline .event[role="button"]'
		},
		{ path: '/lessons/threat-remains', selector: '.lazy-chart svg[data-rendered="true"]' },
		{ path: '/lessons/west-africa-sahel', selector: '.lazy-chart svg[data-rendered="true"]' }
	])('$path shows it, with only its places', async ({ path, selector }) => {
		const page = await open(b, path);
		// Drawn by the server, made interactive (its code loaded) once it nears the screen.
		const scripts = () =>
			page.evaluate(
				() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).length
			);
		expect(await page.locator('.lazy-chart').getAttribute('data-chart')).toBe('drawn');
		const before = await scripts();
		await page.locator('.lazy-chart').scrollIntoViewIfNeeded();
		await page.locator(selector).first().waitFor();
		expect(await page.locator('.lazy-chart').getAttribute('data-chart')).toBe('interactive');
		expect(await scripts(), 'the chart code loaded only once scrolled to').toBeGreaterThan(before);
		if (path.endsWith('threat-remains')) {
			expect(
				await page
					.locator('figure.lesson-viz .place')
					.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).sort())
			).toEqual(['Baghuz (city)', 'Mosul (city)', 'Raqqa (city)']);
		}
		await expectNoAxeViolations(page, path);
		await page.context().close();
	});
});
