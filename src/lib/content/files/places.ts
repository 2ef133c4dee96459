import * as v from 'valibot';
import type { ContentError } from '../errors';
import { loadYaml, readItems } from './read';
import { count, idPattern, isRecord, oneOf, record, text } from './schema';
import { placeKinds } from './vocabulary';

export const placesPath = '/lessons/places.yaml';

/** A place the maps show. Its `region` names the map it belongs to. */
export const placeSchema = record({
	id: text({ pattern: idPattern }),
	name: text(),
	lat: count({ min: -90, max: 90 }),
	lon: count({ min: -180, max: 180 }),
	kind: oneOf(placeKinds),
	region: text({ pattern: idPattern }),
	note: text(),
	source: text()
});

export type Place = v.InferOutput<typeof placeSchema>;

/** lessons/places.yaml: `places:`, a list of places. What cites a place is checked there. */
export function readPlaces(raw: string, errors: ContentError[]): Place[] {
	const doc = loadYaml(raw, placesPath, errors);
	return readItems(placeSchema, isRecord(doc) ? doc.places : doc, placesPath, 'places', errors);
}
