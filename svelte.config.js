import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { fileURLToPath } from 'node:url';

/** Lessons are Markdown (mdsvex) wrapped in one runes-style layout. The layout path must be
 *  absolute: a relative one does not resolve for files under lessons/. */
const lessonLayout = fileURLToPath(
	new URL('./src/lib/lesson/LessonLayout.svelte', import.meta.url)
);

/** The components a lesson's chart is drawn with (LazyChart mounts them only once the chart nears
 *  the screen): their styles are injected with them rather than linked, since a stylesheet of a
 *  module imported that late is not linked by the page the server draws them in. */
const chartComponents = /\/src\/lib\/(viz\/|lesson\/viz\/|ui\/Disclosure\.svelte$)/;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.md'],
			layout: lessonLayout,
			layoutPropForwarding: 'runes',
			smartypants: false
		})
	],
	vitePlugin: {
		dynamicCompileOptions: ({ filename }) =>
			chartComponents.test(filename) ? { css: 'injected' } : undefined
	},
	kit: {
		adapter: adapter(),
		alias: { $lessons: 'lessons' },
		// Scripts only from this origin (SvelteKit adds a hash or nonce for its own inline one).
		// Styles allow inline attributes: Svelte and D3 set positions with them; no script can.
		// Prerendered pages get this as a <meta>; frame-ancestors, which a <meta> cannot carry,
		// is sent as a header by scripts/serve.js. SvelteKit's CSRF check (form posts must come
		// from this origin) stays on: it is the default, and nothing here turns it off.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				// In the header of server-rendered pages; a <meta> cannot carry it, so scripts/serve.js
				// also sends it (and X-Frame-Options) for every response.
				'frame-ancestors': ['none']
			}
		},
		prerender: {
			handleMissingId: 'fail',
			handleHttpError: 'fail'
		}
	}
};

export default config;
