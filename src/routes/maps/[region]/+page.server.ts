import { error } from '@sveltejs/kit';
import { course, vizData } from '$lib/content/course.server';
import { mapGeometries } from '$lib/viz/map/geometry.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => course.regions.map((r) => ({ region: r.id }));

export const load: PageServerLoad = ({ params }) => {
	const region = course.regions.find((r) => r.id === params.region);
	if (!region) error(404, `There is no map called "${params.region}".`);
	const data = vizData();
	const places = data.places.filter((p) => p.region === region.id);
	const events = data.events.filter(
		(e) => region.lanes.includes(e.lane) || e.places.some((id) => places.some((p) => p.id === id))
	);
	return { ...data, region, places, events, maps: mapGeometries([region.id]) };
};
