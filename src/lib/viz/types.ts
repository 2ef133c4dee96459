import type { MapRegion, Place, TimelineEvent } from '$lib/content';

/** What the timeline and maps need from the course, as one serialisable bundle. */
export interface VizData {
	events: TimelineEvent[];
	places: Place[];
	regions: MapRegion[];
	/** Text of the sentences events, places and areas relate to. */
	sentences: Record<string, string>;
	/** Facts that groupings on the maps cite (id → text and source). */
	facts: Record<string, { text: string; source: string }>;
}

/** Lane colours are CSS variables (app.css), with lighter variants for dark mode. */
export const laneColours: Record<string, string> = {
	Iraq: 'var(--lane-iraq)',
	Syria: 'var(--lane-syria)',
	Africa: 'var(--lane-africa)',
	'Coalition & diplomacy': 'var(--lane-coalition)',
	'UN & law': 'var(--lane-un)'
};
