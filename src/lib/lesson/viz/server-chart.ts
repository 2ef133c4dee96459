import type { Component } from 'svelte';

// A lesson's chart as HTML, drawn by the server inside LazyChart. Only the server build holds
// this: `import.meta.env.SSR` is false in the browser build, so neither svelte/server nor the
// charts are in a lesson's first JavaScript (the browser imports a chart when it nears the screen).
const server = import.meta.env.SSR
	? {
			render: (await import('svelte/server')).render,
			charts: {
				map: (await import('./LessonMapChart.svelte')).default as Component<
					Record<string, unknown>
				>,
				timeline: (await import('./LessonTimelineChart.svelte')).default as Component<
					Record<string, unknown>
				>
			}
		}
	: null;

export type ChartName = 'map' | 'timeline';

/**
 * The chart drawn on the server with the page's contexts (its data, the lesson's text), as plain
 * HTML: Svelte's hydration comments are taken out, since this HTML is never hydrated (the browser
 * keeps it as it is until it mounts the interactive chart in its place). '' in the browser.
 */
export function chartHtml(
	name: ChartName,
	props: Record<string, unknown>,
	context: Map<unknown, unknown>,
	/** Unique in the page: the chart's own ids start with it. */
	idPrefix: string
): string {
	if (!server) return '';
	const { head, body } = server.render(server.charts[name], {
		props,
		context,
		idPrefix
	});
	// `head` holds nothing but styles a component injects (none do today); kept so none is lost.
	return (head + body).replace(/<!--[\s\S]*?-->/g, '');
}
