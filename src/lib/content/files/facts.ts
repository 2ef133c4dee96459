import * as v from 'valibot';
import { ContentError } from '../errors';
import { partlyCheckedDays } from '../fact-days';
import { loadYaml, readItems } from './read';
import type { Checks } from './refs';
import { flag, oneOf, optionalList, optionalSentenceIds, record, text, idPattern } from './schema';
import { confidences, lanes } from './vocabulary';

export const factsPath = '/lessons/facts.yaml';

const day = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const month = /^\d{4}-(0[1-9]|1[0-2])$/;

// The date is checked once it reads as text, whatever the precision reads as (a wrong
// precision is reported on its own, and its date is then held to the day).
const precisionOf = (event: object) => {
	const { precision } = event as { precision?: unknown };
	return typeof precision === 'string' ? precision : '';
};

/** An event of the timeline: dated to the day or to the month, with its source. */
export const eventSchema = v.pipe(
	record({
		id: text({ pattern: idPattern }),
		date: text(),
		precision: oneOf(['day', 'month']),
		title: text(),
		/** A short name for the timeline (at most 24 characters). */
		label: text({ max: 24 }),
		description: text(),
		lane: oneOf(lanes),
		source: text(),
		/** V: checked against a published source; P: partly (sources differ); U: unverified. */
		confidence: oneOf(confidences),
		/** Whether the communique itself refers to this event. */
		inText: flag,
		meeting: flag,
		sentences: optionalSentenceIds(),
		places: optionalList()
	}),
	v.forward(
		v.partialCheck(
			[['date']],
			(event) => !event.date || (precisionOf(event) === 'month' ? month : day).test(event.date),
			({ input }) => `"${input.date}" does not fit precision "${precisionOf(input)}"`
		),
		['date']
	)
);

/** A fact beyond the communique that lessons, glossary and maps cite. */
export const factSchema = record({
	id: text({ pattern: idPattern }),
	text: text(),
	source: text(),
	confidence: oneOf(confidences),
	sentences: optionalSentenceIds()
});

export type TimelineEvent = v.InferOutput<typeof eventSchema>;
export type ContextFact = v.InferOutput<typeof factSchema>;
export type Confidence = (typeof confidences)[number];
export type Lane = (typeof lanes)[number];

/** lessons/facts.yaml: a mapping with an `events` list and a `facts` list. */
export function readFacts(
	raw: string,
	errors: ContentError[]
): { events: TimelineEvent[]; facts: ContextFact[] } {
	const doc = loadYaml(raw, factsPath, errors);
	if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
		errors.push(
			new ContentError(factsPath, null, 'file', 'must be a mapping with "events" and "facts" lists')
		);
		return { events: [], facts: [] };
	}
	const { events, facts } = doc as Record<string, unknown>;
	return {
		events: readItems(eventSchema, events, factsPath, 'events', errors),
		facts: readItems(factSchema, facts, factsPath, 'facts', errors)
	};
}

/** The sentences and places facts cite exist; a partly checked fact gives no day. */
export function checkFacts(
	{ events, facts }: { events: TimelineEvent[]; facts: ContextFact[] },
	{ known, refs, errors }: Checks
): void {
	for (const e of events) {
		refs.sentences(factsPath, e.id, 'sentences', e.sentences);
		refs.ids(factsPath, e.id, 'places', e.places, known.placeIds, 'place in lessons/places.yaml');
	}
	for (const f of facts) refs.sentences(factsPath, f.id, 'sentences', f.sentences);
	for (const p of partlyCheckedDays(events, facts))
		errors.push(new ContentError(factsPath, p.id, p.field, p.problem));
}
