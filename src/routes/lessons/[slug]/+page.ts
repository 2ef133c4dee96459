import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Each lesson is compiled by mdsvex into its own chunk, loaded only on its page.
const lessonModules = import.meta.glob<{ default: Component }>('/lessons/*.md');

export const load: PageLoad = async ({ data, params }) => {
	const loadLesson = lessonModules[`/lessons/${params.slug}.md`];
	if (!loadLesson) error(404, `There is no lesson called "${params.slug}".`);
	const { default: content } = await loadLesson();
	return { ...data, content };
};
