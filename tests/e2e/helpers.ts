import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import { launchBrowser } from './browser.js';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

export const baseUrl = () => inject('baseUrl');

/** The test file's one browser, for all its tests: launched as the file loads, closed after it. */
export async function fileBrowser(): Promise<Browser> {
	const b = await launchBrowser();
	afterAll(() => b.close());
	return b;
}

/** A fresh page (own storage) at the given path. */
export async function open(
	b: Browser,
	path: string,
	options: BrowserContextOptions = {}
): Promise<Page> {
	const context = await b.newContext({
		bypassCSP: true,
		viewport: { width: 1280, height: 900 },
		// The offline tests turn the service worker on; elsewhere it would only precache the course
		// again for every fresh context.
		serviceWorkers: 'block',
		...options
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	(page as Page & { jsErrors: string[] }).jsErrors = errors;
	const response = await page.goto(baseUrl() + path, { waitUntil: 'networkidle' });
	expect(response?.status(), `status of ${path}`).toBe(200);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return page;
}

export function jsErrors(page: Page): string[] {
	return (page as Page & { jsErrors: string[] }).jsErrors;
}

/** Runs axe-core on the page as it is now; fails listing every violation and where. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
	// Evaluated rather than added as a <script>, which a page's Content-Security-Policy would block.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		// @ts-expect-error injected above
		const result = await window.axe.run(document, {
			runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
		});
		return result.violations.map(
			(v: { id: string; help: string; nodes: { target: string[] }[] }) =>
				`${v.id}: ${v.help} — ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 5)
					.join(' | ')}`
		);
	});
	expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Tabs forward until the focused element matches, or fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

/** The real Content-Security-Policy stays on: the page must work under it. */
export const withCsp = { bypassCSP: false };

/** Creates an assignment through the API; its code and the teacher's token. */
export async function createByApi(
	body: Record<string, unknown>
): Promise<{ code: string; token: string }> {
	const r = await fetch(`${baseUrl()}/api/assignments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	expect(r.status, await r.clone().text()).toBe(201);
	const json = (await r.json()) as { code: string; teacherToken: string };
	return { code: json.code, token: json.teacherToken };
}

export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** axe at 320 px in light and dark, then back to 1280 × 900. */
export async function axeAt320(page: Page, label: string): Promise<void> {
	await page.setViewportSize({ width: 320, height: 700 });
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoAxeViolations(page, `${label}, 320px, ${colorScheme}`);
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}
