import * as v from 'valibot';
import { ContentError } from '../errors';
import { loadYaml, readItems, readRecord } from './read';
import type { Checks } from './refs';
import {
	count,
	idPattern,
	isRecord,
	list,
	oneOf,
	optionalList,
	optionalSentenceIds,
	record,
	text
} from './schema';
import { lanes } from './vocabulary';
import type { Lane } from './facts';

export const regionsPath = '/lessons/regions.yaml';

/** A grouping of countries a learner can switch on, defined by a fact of facts.yaml. */
export const regionGroupSchema = record({
	id: text({ pattern: idPattern }),
	label: text(),
	/** Natural Earth country names. */
	countries: list({ nonEmpty: true }),
	fact: text()
});

const areaBase = record({
	id: text({ pattern: idPattern }),
	name: text(),
	note: text(),
	sentences: optionalSentenceIds(),
	shape: oneOf(['quadrant', 'circle'])
});
const quadrant = record({
	country: text(),
	corner: oneOf(['northeast', 'northwest', 'southeast', 'southwest'])
});
const circle = record({ place: text(), radiusKm: count({ min: 1, max: 2000 }) });

/** A shape drawn on a map to show an area the text or the facts name: never territory control. */
export const regionAreaSchema = v.variant('shape', [
	v.object({ ...areaBase.entries, shape: v.literal('quadrant'), ...quadrant.entries }),
	v.object({ ...areaBase.entries, shape: v.literal('circle'), ...circle.entries })
]);
// The fields an area may have, whatever its shape, in the order an unknown field's message lists them.
const areaFields = [
	'id',
	'name',
	'shape',
	'note',
	'sentences',
	'country',
	'corner',
	'place',
	'radiusKm'
];

const regionFields = record({
	id: text({ pattern: idPattern }),
	title: text(),
	description: text(),
	focus: list({ nonEmpty: true }),
	neighbours: optionalList(),
	/** Timeline lanes whose events belong to this region. */
	lanes: v.pipe(
		optionalList({ allowed: lanes }),
		v.transform((l) => l as Lane[])
	)
});

/** A map: the countries it is about, those drawn around them, its groupings and areas. */
export const mapRegionSchema = record({
	...regionFields.entries,
	groups: v.array(regionGroupSchema),
	areas: v.array(regionAreaSchema)
});

export type RegionGroup = v.InferOutput<typeof regionGroupSchema>;
export type RegionArea = v.InferOutput<typeof regionAreaSchema>;
export type MapRegion = v.InferOutput<typeof mapRegionSchema>;

/** A region's areas: the fields of every area, then those of its shape (an unknown shape: a quadrant). */
function readAreas(value: unknown, field: string, errors: ContentError[]) {
	return readItems(areaBase, value, regionsPath, field, errors, {
		known: areaFields,
		more: (item, id, area) =>
			area.shape === 'circle'
				? {
						shape: area.shape,
						...readRecord(circle, item, regionsPath, id, errors, { known: false })
					}
				: {
						shape: 'quadrant' as const,
						...readRecord(quadrant, item, regionsPath, id, errors, { known: false })
					}
	});
}

/** lessons/regions.yaml: `regions:`, a list of maps. */
export function readRegions(raw: string, errors: ContentError[]): MapRegion[] {
	const doc = loadYaml(raw, regionsPath, errors);
	const list = isRecord(doc) ? doc.regions : doc;
	return readItems(regionFields, list, regionsPath, 'regions', errors, {
		known: Object.keys(mapRegionSchema.entries),
		more: (item, id) => ({
			groups: readItems(regionGroupSchema, item.groups ?? [], regionsPath, `${id}.groups`, errors),
			areas: readAreas(item.areas ?? [], `${id}.areas`, errors)
		})
	});
}

/**
 * A region's groupings cite facts and stay within its focus countries; its areas have their
 * own ids, cite sentences and places that exist, and its prose states no unchecked claim.
 */
export function checkRegions(regions: MapRegion[], { known, refs, claims, errors }: Checks): void {
	const file = regionsPath;
	const outside = (id: string, field: string, country: string) =>
		errors.push(
			new ContentError(file, id, field, `"${country}" is not one of the region's focus countries`)
		);
	for (const region of regions) {
		const areaIds = new Set<string>();
		for (const g of region.groups) {
			const id = `${region.id}/${g.id}`;
			refs.ids(file, id, 'fact', [g.fact], known.factIds, 'fact in lessons/facts.yaml');
			for (const c of g.countries) if (!region.focus.includes(c)) outside(id, 'countries', c);
		}
		for (const a of region.areas) {
			if (areaIds.has(a.id)) errors.push(new ContentError(file, a.id, 'id', 'is used twice'));
			areaIds.add(a.id);
			refs.sentences(file, a.id, 'sentences', a.sentences);
			if (a.shape === 'circle')
				refs.ids(file, a.id, 'place', [a.place], known.placeIds, 'place in lessons/places.yaml');
			if (a.shape === 'quadrant' && !region.focus.includes(a.country))
				outside(a.id, 'country', a.country);
		}
		claims(file, region.id, 'description', region.description);
		for (const a of region.areas) claims(file, a.id, 'note', a.note);
	}
}
