import type { Lane, TimelineEvent } from '$lib/content';
import { eventTime } from '$lib/content/dates';
import { formatDate } from '$lib/ui/format';

export { eventTime };
export { labelWidth } from './timeline/lane-layout';

/** From the start of the first event's year to the end of the last event's year (2014–2021 here). */
export function timeDomain(events: Pick<TimelineEvent, 'date' | 'precision'>[]): [Date, Date] {
	if (!events.length) throw new Error('timeDomain: no events to span');
	const years = events.map((e) => eventTime(e).getUTCFullYear());
	return [
		new Date(Date.UTC(Math.min(...years), 0, 1)),
		new Date(Date.UTC(Math.max(...years) + 1, 0, 1))
	];
}

/** The events in date order (ties by id, so the order never depends on the file's). */
export function byDate<T extends Pick<TimelineEvent, 'id' | 'date' | 'precision'>>(
	events: T[]
): T[] {
	return [...events].sort(
		(a, b) => eventTime(a).getTime() - eventTime(b).getTime() || a.id.localeCompare(b.id)
	);
}

/**
 * What an event's mark says to a screen reader. It starts with the words the mark shows, in their
 * order, as speech-input users say them: the label (wide layout), or the label and lane (phone).
 */
export function describeEvent(
	e: TimelineEvent,
	shows: 'label' | 'label and lane' = 'label'
): string {
	const note = e.meeting ? ' This meeting.' : e.inText ? ' The communique refers to this.' : '';
	const date = formatDate(e.date, e.precision);
	return shows === 'label'
		? `${e.label} ${date} · ${e.lane}: ${e.title}.${note}`
		: `${e.label} ${e.lane} · ${date}: ${e.title}.${note}`;
}

/** Diamonds mark events the communique refers to (and the meeting itself); dots the rest. */
export const isDiamond = (e: Pick<TimelineEvent, 'inText' | 'meeting'>) =>
	!!(e.inText || e.meeting);

export type LegendItem =
	| { key: string; kind: 'lane'; lane: Lane; label: string }
	| { key: 'diamond'; kind: 'diamond'; label: string }
	| { key: 'meeting'; kind: 'meeting'; label: string };

/** The legend key of a lane, also set on every mark of that lane (`data-legend`). */
export const laneKey = (lane: string) => `lane-${lane.toLowerCase().replace(/[^a-z]+/g, '-')}`;

/** The keys a mark is drawn with: its lane, and "diamond" when it is one. */
export const markKeys = (e: Pick<TimelineEvent, 'lane' | 'inText' | 'meeting'>) =>
	[laneKey(e.lane), ...(isDiamond(e) ? ['diamond'] : [])].join(' ');

/** The legend of what is drawn, and only that: lanes with a shown event, diamonds if any, the meeting if shown. */
export function legendItems(
	shown: Pick<TimelineEvent, 'lane' | 'inText' | 'meeting' | 'date' | 'precision'>[],
	lanes: readonly Lane[]
): LegendItem[] {
	const items: LegendItem[] = lanes
		.filter((lane) => shown.some((e) => e.lane === lane))
		.map((lane) => ({ key: laneKey(lane), kind: 'lane', lane, label: lane }));
	if (shown.some(isDiamond))
		items.push({ key: 'diamond', kind: 'diamond', label: 'The communique refers to it' });
	const meeting = shown.find((e) => e.meeting);
	if (meeting)
		items.push({
			key: 'meeting',
			kind: 'meeting',
			label: `This meeting, ${formatDate(meeting.date, meeting.precision)}`
		});
	return items;
}
