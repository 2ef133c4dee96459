/** The timeline and maps for lessons: imported only by the lessons that show them (they bring D3). */
export { default as LessonTimeline } from './LessonTimeline.svelte';
export { default as LessonMap } from './LessonMap.svelte';
