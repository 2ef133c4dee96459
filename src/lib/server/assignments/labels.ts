import { course } from '$lib/content/course.server';
import type { ExportLabels } from '../exports/labels';

/** How exports and analysis name the places and events questions refer to. */
export const labels: ExportLabels = {
	placeName: (id) => course.places.find((p) => p.id === id)?.name ?? id,
	eventTitle: (id) => course.events.find((e) => e.id === id)?.title ?? id
};
