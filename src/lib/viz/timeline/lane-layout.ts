// The wide layout of the timeline: one lane per area, time running right, every label right of
// its own dot, in the first row of its lane where it overlaps nothing.
import type { Lane, TimelineEvent } from '$lib/content';
import { eventTime } from '$lib/content/dates';

/** A rough width of a label in pixels: enough to keep labels apart without measuring the DOM. */
export function labelWidth(text: string, fontSize: number): number {
	return Math.ceil(text.length * fontSize * 0.56);
}

export interface LaneMarkOptions {
	fontSize?: number;
	/** Space kept between two things in one row, px. */
	gap?: number;
	markerRadius?: number;
}

/** The label starts this far right of its dot's centre. */
export const labelOffset = (markerRadius: number) => markerRadius + 4;

export interface PlacedEvent {
	id: string;
	lane: number;
	row: number;
	x: number;
	/** The label's left edge and width: always right of its own dot. */
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

type LaneEvent = Pick<TimelineEvent, 'id' | 'lane' | 'label' | 'date' | 'precision'>;

/**
 * Places each event in its lane and in the first row of that lane where its marker and label
 * overlap nothing already placed. Rows are added as needed, so no two labels ever overlap.
 */
export function layoutLanes(
	events: LaneEvent[],
	x: (d: Date) => number,
	lanes: readonly Lane[],
	{ fontSize = 13, gap = 10, markerRadius = 8 }: LaneMarkOptions = {}
): LaneLayout {
	const rowEnds: number[][] = lanes.map(() => []);
	const placed = [...events]
		.sort((a, b) => eventTime(a).getTime() - eventTime(b).getTime())
		.map((e) => {
			const lane = lanes.indexOf(e.lane);
			if (lane < 0) throw new Error(`layoutLanes: event ${e.id} has an unknown lane "${e.lane}"`);
			const cx = x(eventTime(e));
			const width = labelWidth(e.label, fontSize);
			const labelX = cx + labelOffset(markerRadius);
			const start = cx - markerRadius;
			const end = labelX + width;
			const ends = rowEnds[lane];
			let row = ends.findIndex((rowEnd) => start >= rowEnd + gap);
			if (row < 0) row = ends.push(end) - 1;
			else ends[row] = end;
			return { id: e.id, lane, row, x: cx, labelX, labelWidth: width, start, end };
		});
	return { events: placed, rows: rowEnds.map((r) => Math.max(1, r.length)) };
}

/**
 * The right end of the time scale's range such that, at no zoom, every label fits right of its
 * dot inside `right`: the scale is linear, so each event gives one bound. `fractions` are where
 * the events fall in the domain (0 at its start, 1 at its end).
 */
export function rangeEndForLabels(
	marks: { fraction: number; labelWidth: number }[],
	{ left, right, offset }: { left: number; right: number; offset: number }
): number {
	let end = right;
	for (const { fraction, labelWidth } of marks) {
		if (fraction <= 0) continue;
		end = Math.min(end, left + (right - offset - labelWidth - left) / fraction);
	}
	// Never a range that runs backwards: on a very narrow chart the labels are clipped instead.
	return Math.max(left + 1, end);
}

export interface LaneBand {
	/** Top of the lane's band and its height; rows start `pad` below the top. */
	y: number;
	height: number;
}

/** Stacks the lanes from `top` down, each as tall as its rows; returns the bands and the total. */
export function stackLanes(
	rows: number[],
	{ top, rowHeight, pad }: { top: number; rowHeight: number; pad: number }
): { bands: LaneBand[]; height: number } {
	let y = top;
	const bands = rows.map((n) => {
		const band = { y, height: Math.max(1, n) * rowHeight + 2 * pad };
		y += band.height;
		return band;
	});
	return { bands, height: y };
}

export interface YearColumn {
	year: number;
	/** The column's left and right on screen (may be off the visible range when zoomed). */
	x0: number;
	x1: number;
	/** Where the year's label is centred: the middle of the column's visible part; null when too narrow. */
	labelX: number | null;
}

/** One column per year of the domain, with its label kept in view while the chart is panned. */
export function yearColumns(
	x: (d: Date) => number,
	[from, to]: [Date, Date],
	[visible0, visible1]: [number, number],
	minLabelRoom = 40
): YearColumn[] {
	const columns: YearColumn[] = [];
	for (let year = from.getUTCFullYear(); year < to.getUTCFullYear(); year++) {
		const x0 = x(new Date(Date.UTC(year, 0, 1)));
		const x1 = x(new Date(Date.UTC(year + 1, 0, 1)));
		const a = Math.max(x0, visible0);
		const b = Math.min(x1, visible1);
		columns.push({ year, x0, x1, labelX: b - a >= minLabelRoom ? (a + b) / 2 : null });
	}
	return columns;
}

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/**
 * The pieces of a vertical line at `x` from `y0` to `y1` that cross none of the boxes (each
 * widened by `pad`): the meeting's line is drawn in these pieces, so it never cuts a label.
 * Pieces shorter than `minLength` are left out.
 */
export function lineAroundBoxes(
	x: number,
	y0: number,
	y1: number,
	boxes: Box[],
	pad = 3,
	minLength = 4
): [number, number][] {
	const blocks = boxes
		.filter((b) => b.x0 - pad <= x && x <= b.x1 + pad)
		.map((b) => [b.y0 - pad, b.y1 + pad] as const)
		.sort((a, b) => a[0] - b[0]);
	const pieces: [number, number][] = [];
	let at = y0;
	for (const [top, bottom] of blocks) {
		if (top > at) pieces.push([at, Math.min(top, y1)]);
		at = Math.max(at, bottom);
		if (at >= y1) break;
	}
	if (at < y1) pieces.push([at, y1]);
	return pieces.filter(([a, b]) => b - a >= minLength);
}
