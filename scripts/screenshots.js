// Screenshots of pages at phone (390px) and desktop (1280px) width, light or dark:
//   node scripts/screenshots.js http://localhost:3000 /read /glossary [--dark] [--out dir]
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/browser.js';

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'test-results/screenshots';
const [base, ...paths] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
mkdirSync(out, { recursive: true });

const browser = await launchBrowser();
for (const width of [390, 1280]) {
	const context = await browser.newContext({
		viewport: { width, height: width < 600 ? 844 : 900 },
		deviceScaleFactor: 1,
		colorScheme: dark ? 'dark' : 'light'
	});
	const page = await context.newPage();
	for (const path of paths) {
		await page.goto(base + path, { waitUntil: 'networkidle' });
		const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}${dark ? '-dark' : ''}.png`;
		await page.screenshot({ path: `${out}/${name}`, fullPage: true });
		console.log(`${out}/${name}`);
		// Tall pages also in slices of about two screens, small enough to look at closely.
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		const slice = width < 600 ? 1400 : 1800;
		for (let y = 0, n = 1; height > slice * 1.2 && y < height; y += slice, n++) {
			const file = `${out}/${name.replace('.png', `-part${n}.png`)}`;
			await page.screenshot({
				path: file,
				fullPage: true,
				clip: { x: 0, y, width, height: Math.min(slice, height - y) }
			});
			console.log(file);
		}
	}
	await context.close();
}
await browser.close();
