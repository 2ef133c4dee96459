/** The timeline and maps for lessons: imported only by the lessons that show them (they bring D3). */
export { default as Timeline } from './LessonTimeline.svelte';
export { default as RegionMap } from './LessonMap.svelte';
