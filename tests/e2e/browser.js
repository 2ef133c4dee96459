// Launching Debian's Chromium through playwright-core: shared by the browser tests, the
// screenshot script and the benchmarks. Never downloads a browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export function chromiumPath() {
	const candidates = [
		process.env.CHROME_PATH ?? '',
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser'
	];
	return candidates.find((p) => p && existsSync(p)) ?? null;
}

/** @param {string[]} [extraArgs] more Chromium flags (e.g. --host-resolver-rules) */
export async function launchBrowser(extraArgs = []) {
	const executablePath = chromiumPath();
	if (!executablePath) {
		throw new Error(
			'No Chromium found. Install it with: sudo apt-get install -y chromium (or set CHROME_PATH).'
		);
	}
	return chromium.launch({
		executablePath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			...extraArgs
		]
	});
}
