// Draws the app icons (static/icons/*.png) from static/favicon.svg with Chromium: run it again
// only when the icon changes (the PNGs are committed).
//   node scripts/make-icons.js
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/browser.js';

const svg = readFileSync('static/favicon.svg', 'utf8');
const browser = await launchBrowser();
const page = await browser.newPage();
for (const [name, size, maskable] of [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	// A maskable icon keeps its drawing inside the middle 80%: the phone may cut a circle from it.
	['icon-maskable-512.png', 512, true]
]) {
	await page.setViewportSize({ width: size, height: size });
	const inner = maskable ? Math.round(size * 0.7) : size;
	await page.setContent(
		`<body style="margin:0;background:${maskable ? '#1f3a5f' : 'transparent'};display:grid;place-items:center;height:${size}px">` +
			svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
			'</body>'
	);
	await page.screenshot({ path: `static/icons/${name}`, omitBackground: !maskable });
	console.log(`static/icons/${name}`);
}
await browser.close();
