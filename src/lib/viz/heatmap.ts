import { scaleBand, type ScaleBand } from 'd3-scale';
import { labelWidth } from './timeline';

/**
 * Five steps of viridis (perceptually even, readable with the common colour-vision deficiencies
 * and in greyscale), from 0–19 % (dark purple) to 80–100 % (yellow-green). The lightness rises
 * steadily, so the order holds without hue. Fixed hex values so that the text colour on each can
 * be chosen and tested.
 */
export const masteryPalette = ['#482475', '#355f8d', '#21918c', '#44bf70', '#bddf26'] as const;

/** Not asked: no fill; the component draws a hatch and an outline instead. */
export const notAskedFill = 'transparent';

export const masteryBands = ['0–19%', '20–39%', '40–59%', '60–79%', '80–100%'] as const;

/** A score 0..1 as a whole percentage, the figure a cell shows; null when not asked. */
export function percent(score: number | null): number | null {
	if (score === null || !Number.isFinite(score)) return null;
	return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/**
 * The band 0..4 of a score, or null when not asked. Bands go by the rounded percentage, so a cell
 * that shows "20" is never coloured as 0–19% (0.199 rounds to 20, and 0.6 computed as
 * 0.5999… stays in 60–79%).
 */
export function masteryStep(score: number | null): number | null {
	const p = percent(score);
	return p === null ? null : Math.min(4, Math.floor(p / 20));
}

export function masteryColour(score: number | null): string {
	const step = masteryStep(score);
	return step === null ? notAskedFill : masteryPalette[step];
}

/** The band's words, for the legend and for screen readers. */
export function masteryBand(score: number | null): string {
	const step = masteryStep(score);
	return step === null ? 'not asked' : masteryBands[step];
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, 1..21. */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/**
 * The page colours of app.css (--bg and --surface, light and dark) that a cell may sit on; the unit
 * test checks them against app.css.
 */
export const pageColours = {
	light: ['#fbfaf7', '#ffffff'],
	dark: ['#14171b', '#1b1f24']
} as const;

/** A mid grey with at least 3:1 against every page colour in both themes. */
export const edgeColour = '#737b86';

/**
 * The themes in which a fill is too close to the page (under 3:1, WCAG's figure for graphics)
 * and so gets an outline in edgeColour: the light steps in light mode, the dark ones in dark mode.
 */
export function edgeThemes(fill: string): ('light' | 'dark')[] {
	if (!/^#[0-9a-f]{6}$/i.test(fill)) return [];
	return (['light', 'dark'] as const).filter((theme) =>
		pageColours[theme].some((page) => contrastRatio(fill, page) < 3)
	);
}

/** Black or white, whichever contrasts more with a #rrggbb fill; the page's text colour otherwise. */
export function textColourOn(fill: string): string {
	if (!/^#[0-9a-f]{6}$/i.test(fill)) return 'currentColor';
	return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/** Cuts a label to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
	const chars = [...text.trim()];
	return chars.length <= max
		? chars.join('')
		: chars
				.slice(0, max - 1)
				.join('')
				.trimEnd() + '…';
}

/** Wraps a label into at most `lines` lines of `max` characters, at spaces; the last is truncated. */
export function wrapLabel(text: string, max: number, lines = 2): string[] {
	const out: string[] = [];
	let rest = text.trim().replace(/\s+/g, ' ');
	while (rest && out.length < lines - 1) {
		if ([...rest].length <= max) break;
		const cut = rest.lastIndexOf(' ', max);
		// A word longer than a line is cut mid-word rather than overflowing.
		const at = cut > 0 ? cut : max;
		out.push(rest.slice(0, at));
		rest = rest.slice(at).trimStart();
	}
	if (rest) out.push(truncate(rest, max));
	return out;
}

export const heatmapFont = { label: 12, cell: 11, lineHeight: 13 };
/** Average glyph width of the row labels, as a share of the font size (a little generous). */
const charWidth = 0.55;
/** Cells are at least this big (touch and reading), at most `maxCell`. */
export const minCell = 30;
export const maxCell = 52;
/** Column labels are cut to this many characters (the full name is in a <title>). */
export const columnLabelChars = 16;
/** Column labels are turned this many degrees anticlockwise. */
export const columnLabelAngle = 60;

export interface HeatmapLayout {
	/** Student columns, in the scrolling drawing. */
	x: ScaleBand<string>;
	/** Rows, the same in both drawings. */
	y: ScaleBand<string>;
	/** Width of a cell, px. */
	cell: number;
	/** Height of a row (and of its cells): at least `cell`, and enough for its label's lines. */
	rowHeight: number;
	/** Width of the row labels; they wrap to `rowLabelLines` lines of `rowLabelChars`. */
	rowLabelWidth: number;
	rowLabelChars: number;
	rowLabelLines: number;
	/** Left of the class-mean column in the fixed drawing. */
	classX: number;
	/** Width of the fixed drawing (row labels and class column), which does not scroll. */
	fixedWidth: number;
	/** Width of the drawing of the students' columns, which scrolls when wider than its room. */
	scrollWidth: number;
	/** fixedWidth + scrollWidth: wider than `width` when there are many columns. */
	totalWidth: number;
	/** Top of the first row: room above for the turned column labels. */
	top: number;
	height: number;
}

/**
 * Sizes the heat map for a container `width` px wide. The row labels and the class column stay
 * put; the students' columns share what is left, with cells between minCell and maxCell px, so
 * with many students the students' drawing is wider than its room and scrolls.
 */
export function heatmapLayout({
	rows,
	columns,
	width,
	rowLabelWidth
}: {
	rows: { id: string }[];
	columns: { id: string; label: string }[];
	width: number;
	rowLabelWidth?: number;
}): HeatmapLayout {
	const labelW = Math.round(rowLabelWidth ?? Math.min(300, Math.max(130, width * 0.32)));
	// On a phone the labels are narrow, so they get a third line.
	const rowLabelLines = width < 640 ? 3 : 2;
	const gap = 12;
	const angle = (columnLabelAngle * Math.PI) / 180;
	const lengths = columns.map((c) =>
		labelWidth(truncate(c.label, columnLabelChars), heatmapFont.label)
	);
	const longest = Math.max(labelWidth('Class', heatmapFont.label), ...lengths);
	// A turned label starts at the middle of its column and reaches right by length × cos(angle);
	// the drawing is widened by as much as the furthest one passes the last column.
	const overhangFor = (cell: number) =>
		Math.max(
			0,
			...lengths.map(
				(len, i) => Math.ceil((i + 0.5) * cell + len * Math.cos(angle)) - columns.length * cell
			)
		);
	const room = width - labelW - gap - overhangFor(minCell);
	const cell = Math.floor(
		Math.min(maxCell, Math.max(minCell, room / Math.max(1, columns.length + 1)))
	);
	const rowHeight = Math.max(cell, rowLabelLines * heatmapFont.lineHeight + 8);
	const classX = labelW;
	const fixedWidth = labelW + cell + gap;
	const scrollWidth = columns.length * cell + overhangFor(cell);
	const top = Math.ceil(longest * Math.sin(angle)) + 12;
	const y = scaleBand<string>()
		.domain(rows.map((r) => r.id))
		.range([top, top + rows.length * rowHeight]);
	const x = scaleBand<string>()
		.domain(columns.map((c) => c.id))
		.range([0, columns.length * cell]);
	return {
		x,
		y,
		cell,
		rowHeight,
		rowLabelWidth: labelW,
		rowLabelChars: Math.max(8, Math.floor((labelW - 8) / (heatmapFont.label * charWidth))),
		rowLabelLines,
		classX,
		fixedWidth,
		scrollWidth,
		totalWidth: fixedWidth + scrollWidth,
		top,
		height: top + rows.length * rowHeight + 4
	};
}

export interface HeatmapRow {
	id: string;
	label: string;
	kind: string;
}
export interface HeatmapCell {
	row: string;
	column: string;
	/** Mean score 0..1 of the student's questions on the item. */
	score: number;
	questions: number;
}

/** Looks up a student's cell for an item; undefined when the student was not asked about it. */
export function cellIndex(
	cells: HeatmapCell[]
): (row: string, column: string) => HeatmapCell | undefined {
	const key = (row: string, column: string) => `${row}\u0000${column}`;
	const byKey = new Map(cells.map((c) => [key(c.row, c.column), c]));
	return (row, column) => byKey.get(key(row, column));
}

/**
 * The rows with their class mean (the mean over the students asked; null when nobody was),
 * lowest first, so the least understood items come first. Rows nobody was asked about go last;
 * ties keep the given order.
 */
export function rowsByClassMean<R extends HeatmapRow>(
	rows: R[],
	columns: { id: string }[],
	cell: (row: string, column: string) => HeatmapCell | undefined
): (R & { mean: number | null })[] {
	const mean = (row: string) => {
		const scores = columns
			.map((c) => cell(row, c.id)?.score)
			.filter((s): s is number => s !== undefined && Number.isFinite(s));
		return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
	};
	return rows
		.map((r, order) => ({ row: { ...r, mean: mean(r.id) }, order }))
		.sort((a, b) => (a.row.mean ?? 2) - (b.row.mean ?? 2) || a.order - b.order)
		.map(({ row }) => row);
}
