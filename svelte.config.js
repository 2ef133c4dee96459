import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { fileURLToPath } from 'node:url';

/** Lessons are Markdown (mdsvex) wrapped in one runes-style layout. The layout path must be
 *  absolute: a relative one does not resolve for files under lessons/. */
const lessonLayout = fileURLToPath(
	new URL('./src/lib/lesson/LessonLayout.svelte', import.meta.url)
);

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
	kit: {
		adapter: adapter(),
		alias: { $lessons: 'lessons' },
		prerender: {
			handleMissingId: 'fail',
			handleHttpError: 'fail'
		}
	}
};

export default config;
