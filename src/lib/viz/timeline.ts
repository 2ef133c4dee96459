import type { Lane, TimelineEvent } from '$lib/content';
import { eventTime } from '$lib/content/dates';

export { eventTime };

/** From the start of the first event's year to the end of the last event's year (2014–2021 here). */
export function timeDomain(events: Pick<TimelineEvent, 'date' | 'precision'>[]): [Date, Date] {
	const years = events.map((e) => eventTime(e).getUTCFullYear());
	return [
		new Date(Date.UTC(Math.min(...years), 0, 1)),
		new Date(Date.UTC(Math.max(...years) + 1, 0, 1))
	];
}

/** A rough width of a label in pixels: enough to keep labels apart without measuring the DOM. */
export function labelWidth(text: string, fontSize: number): number {
	return Math.ceil(text.length * fontSize * 0.56);
}

export interface PlacedEvent {
	id: string;
	lane: number;
	row: number;
	x: number;
	/** The label's left edge and width: the label sits right of the marker, or left of it near the edge. */
	labelX: number;
	labelWidth: number;
	/** The horizontal extent the event occupies (marker and label). */
	start: number;
	end: number;
}

export interface LaneLayout {
	events: PlacedEvent[];
	/** How many rows each lane needs so that no two labels overlap. */
	rows: number[];
}

/**
 * Places each event in its lane and in the first row of that lane where its marker and label
 * overlap nothing already placed. Rows are added as needed, so no two labels ever overlap.
 */
export function layoutLanes(
	events: Pick<TimelineEvent, 'id' | 'lane' | 'label' | 'date' | 'precision'>[],
	x: (d: Date) => number,
	lanes: readonly Lane[],
	{ fontSize = 13, gap = 10, markerRadius = 7, right = Infinity } = {}
): LaneLayout {
	const rowEnds: number[][] = lanes.map(() => []);
	const placed = [...events]
		.sort((a, b) => eventTime(a).getTime() - eventTime(b).getTime())
		.map((e) => {
			const lane = lanes.indexOf(e.lane);
			const cx = x(eventTime(e));
			const width = labelWidth(e.label, fontSize);
			const rightSide = cx + markerRadius + 4 + width <= right;
			const labelX = rightSide ? cx + markerRadius + 4 : cx - markerRadius - 4 - width;
			const start = Math.min(cx - markerRadius, labelX);
			const end = Math.max(cx + markerRadius, labelX + width);
			const ends = rowEnds[lane];
			let row = ends.findIndex((rowEnd) => start >= rowEnd + gap);
			if (row < 0) row = ends.push(end) - 1;
			else ends[row] = end;
			return { id: e.id, lane, row, x: cx, labelX, labelWidth: width, start, end };
		});
	return { events: placed, rows: rowEnds.map((r) => Math.max(1, r.length)) };
}

export interface StackedEvent {
	id: string;
	/** Where the event's date falls on the vertical axis. */
	y: number;
	/** Where its label is drawn: at y, or pushed down to clear the label above. */
	labelY: number;
}

/** The narrow-screen layout: one column, time running down, labels pushed apart to stay readable. */
export function stackVertically(
	events: Pick<TimelineEvent, 'id' | 'date' | 'precision'>[],
	y: (d: Date) => number,
	lineHeight: number
): StackedEvent[] {
	let last = -Infinity;
	return [...events]
		.sort((a, b) => eventTime(a).getTime() - eventTime(b).getTime())
		.map((e) => {
			const at = y(eventTime(e));
			const labelY = Math.max(at, last + lineHeight);
			last = labelY;
			return { id: e.id, y: at, labelY };
		});
}
