/** The timeline and maps for lessons: imported only by the lessons that show them (they bring D3). */
export { default as LessonTimeline } from './LessonTimeline.svelte';
export { default as LessonMap } from './LessonMap.svelte';

// The tag names lessons/*.md use today, which the content validator reads (`<Timeline />`,
// `<RegionMap region places />`). They go once the lessons and the validator use the names above.
export { default as Timeline } from './LessonTimeline.svelte';
export { default as RegionMap } from './LessonMap.svelte';
