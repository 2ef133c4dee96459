// The phone layout of the timeline: one column, time running down, the events grouped under year
// headings. Every year is a band that holds its heading and one row per event in date order, so a
// crowded year gets more room and every label sits beside its own dot, inside its own year.
import type { TimelineEvent } from '$lib/content';
import { eventTime } from '$lib/content/dates';

export interface YearBandOptions {
	/** Height of a year's heading, px. */
	headingHeight?: number;
	/** Height of one event's row (its two lines of text and its touch target), px. */
	rowHeight?: number;
	/** Height left under the heading of a year without events, px. */
	emptyHeight?: number;
	/** Space above the first band, px. */
	top?: number;
}

export interface YearRow {
	id: string;
	year: number;
	/** The middle of the row: where the dot is drawn and the label is centred. */
	y: number;
	/** The row's top and bottom. */
	y0: number;
	y1: number;
}

export interface YearBand {
	year: number;
	/** The band's top (the heading starts here) and bottom. */
	y0: number;
	y1: number;
	/** The baseline of the heading's text. */
	headingY: number;
	rows: YearRow[];
}

export interface YearLayout {
	bands: YearBand[];
	/** Every event's row, in date order (also the keyboard order). */
	rows: YearRow[];
	height: number;
}

type Dated = Pick<TimelineEvent, 'id' | 'date' | 'precision'>;

/**
 * Lays out the events under year headings, from the first event's year to the last; a year
 * without events keeps a short band, so the years run on without a gap.
 */
export function yearBands(
	events: Dated[],
	{ headingHeight = 30, rowHeight = 38, emptyHeight = 14, top = 4 }: YearBandOptions = {}
): YearLayout {
	if (rowHeight <= 0 || headingHeight < 0 || emptyHeight < 0)
		throw new Error(
			`yearBands: sizes must be positive, got rowHeight ${rowHeight}, headingHeight ${headingHeight}, emptyHeight ${emptyHeight}`
		);
	const sorted = [...events].sort(
		(a, b) => eventTime(a).getTime() - eventTime(b).getTime() || a.id.localeCompare(b.id)
	);
	if (!sorted.length) return { bands: [], rows: [], height: top };
	const first = eventTime(sorted[0]).getUTCFullYear();
	const last = eventTime(sorted[sorted.length - 1]).getUTCFullYear();
	const bands: YearBand[] = [];
	const rows: YearRow[] = [];
	let y = top;
	for (let year = first; year <= last; year++) {
		const inYear = sorted.filter((e) => eventTime(e).getUTCFullYear() === year);
		const y0 = y;
		const bandRows = inYear.map((e, i) => {
			const r0 = y0 + headingHeight + i * rowHeight;
			return { id: e.id, year, y0: r0, y1: r0 + rowHeight, y: r0 + rowHeight / 2 };
		});
		y = y0 + headingHeight + (inYear.length ? inYear.length * rowHeight : emptyHeight);
		bands.push({ year, y0, y1: y, headingY: y0 + headingHeight * 0.68, rows: bandRows });
		rows.push(...bandRows);
	}
	return { bands, rows, height: y + 4 };
}

// A fixed table rather than Intl: the server and each browser print the same words.
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date within its year, as the phone layout prints it beside the dot: "10 Jun", or "May". */
export function dateInYear(e: Pick<TimelineEvent, 'date' | 'precision'>): string {
	const t = eventTime(e);
	const month = months[t.getUTCMonth()];
	return e.precision === 'month' ? month : `${t.getUTCDate()} ${month}`;
}
