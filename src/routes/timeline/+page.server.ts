import { vizData } from '$lib/content/course.server';
import { mapGeometries } from '$lib/viz/map/geometry.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const data = vizData();
	return { ...data, maps: mapGeometries(data.regions.map((r) => r.id)) };
};
