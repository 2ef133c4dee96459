import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	cellIndex,
	edgeColour,
	edgeThemes,
	heatmapLayout,
	masteryBand,
	masteryBands,
	masteryColour,
	masteryPalette,
	minCell,
	notAskedFill,
	pageColours,
	rowsByClassMean,
	textColourOn,
	truncate,
	wrapLabel
} from '$lib/viz/heatmap';

/** WCAG 2 contrast, computed here independently of the module's own helper. */
function contrast(a: string, b: string): number {
	const lum = (hex: string) => {
		const [r, g, b] = [1, 3, 5].map((i) => {
			const c = parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const [l1, l2] = [lum(a), lum(b)];
	return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

describe('masteryColour and masteryBand', () => {
	it.each([
		{ name: 'zero', score: 0, step: 0, band: '0–19%' },
		{ name: '0.199 shows as 20%, so is coloured 20–39%', score: 0.199, step: 1, band: '20–39%' },
		{ name: '0.194 shows as 19%', score: 0.194, step: 0, band: '0–19%' },
		{ name: 'exactly 0.2', score: 0.2, step: 1, band: '20–39%' },
		{ name: '0.5', score: 0.5, step: 2, band: '40–59%' },
		{ name: '0.6 computed as 0.5999…', score: 0.1 + 0.2 + 0.3 - 1e-12, step: 3, band: '60–79%' },
		{ name: '0.8', score: 0.8, step: 4, band: '80–100%' },
		{ name: 'one', score: 1, step: 4, band: '80–100%' },
		{ name: 'above one is clamped', score: 1.3, step: 4, band: '80–100%' },
		{ name: 'below zero is clamped', score: -0.1, step: 0, band: '0–19%' }
	])('$name → $band', ({ score, step, band }) => {
		expect(masteryColour(score)).toBe(masteryPalette[step]);
		expect(masteryBand(score)).toBe(band);
	});

	it.each([
		{ name: 'null', score: null },
		{ name: 'NaN', score: NaN }
	])('$name → not asked', ({ score }) => {
		expect(masteryColour(score)).toBe(notAskedFill);
		expect(masteryBand(score)).toBe('not asked');
	});

	it('has five distinct colours whose lightness rises with the score', () => {
		expect(new Set(masteryPalette).size).toBe(5);
		expect(masteryBands).toHaveLength(5);
		for (let i = 1; i < masteryPalette.length; i++) {
			expect(contrast(masteryPalette[i], '#000000')).toBeGreaterThan(
				contrast(masteryPalette[i - 1], '#000000')
			);
		}
	});
});

describe('textColourOn', () => {
	it.each(masteryPalette.map((fill, i) => ({ fill, band: masteryBands[i] })))(
		'$band ($fill): text contrast is at least 4.5:1',
		({ fill }) => {
			const text = textColourOn(fill);
			expect(['#000000', '#ffffff']).toContain(text);
			expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
		}
	);

	it('falls back to the current colour for a fill that is not a hex colour', () => {
		expect(textColourOn(notAskedFill)).toBe('currentColor');
	});
});

describe('the cells against the page', () => {
	const css = readFileSync('src/app.css', 'utf8');
	const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
	const value = (block: string, name: string) =>
		block.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i'))?.[1].toLowerCase();

	it('knows the page colours of app.css', () => {
		expect([...pageColours.light].sort()).toEqual(
			[value(light, 'bg'), value(light, 'surface')].sort()
		);
		expect([...pageColours.dark].sort()).toEqual(
			[value(dark, 'bg'), value(dark, 'surface')].sort()
		);
	});

	it.each(
		masteryPalette.flatMap((fill, i) =>
			(['light', 'dark'] as const).flatMap((theme) =>
				pageColours[theme].map((page) => ({ fill, band: masteryBands[i], theme, page }))
			)
		)
	)(
		'$band ($fill) in $theme mode on $page: 3:1 by its fill or by its outline',
		({ fill, theme, page }) => {
			const outlined = edgeThemes(fill).includes(theme);
			expect(
				Math.max(contrast(fill, page), outlined ? contrast(edgeColour, page) : 0)
			).toBeGreaterThanOrEqual(3);
		}
	);
});

describe('truncate and wrapLabel', () => {
	it.each([
		{ text: 'Ana', max: 16, expected: 'Ana' },
		{ text: 'Chiamaka Nwachukwu-Okonkwo', max: 16, expected: 'Chiamaka Nwachu…' },
		{ text: 'Łucja Wiśniewska', max: 16, expected: 'Łucja Wiśniewska' }
	])('truncate($text, $max) → $expected', ({ text, max, expected }) => {
		expect(truncate(text, max)).toBe(expected);
		expect([...truncate(text, max)].length).toBeLessThanOrEqual(max);
	});

	it.each([
		{ name: 'short', text: 'Reaffirms unity', max: 20, expected: ['Reaffirms unity'] },
		{
			name: 'two lines',
			text: 'Commits to the enduring defeat of ISIS',
			max: 20,
			expected: ['Commits to the', 'enduring defeat of…']
		},
		{
			name: 'long word cut',
			text: 'Supercalifragilisticexpialidocious word',
			max: 10,
			expected: ['Supercalif', 'ragilisti…']
		}
	])('wrapLabel: $name', ({ text, max, expected }) => {
		const lines = wrapLabel(text, max);
		expect(lines).toEqual(expected);
		for (const line of lines) expect([...line].length).toBeLessThanOrEqual(max);
	});
});

describe('heatmapLayout', () => {
	const rows = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}` }));
	const columnsOf = (n: number) =>
		Array.from({ length: n }, (_, i) => ({ id: `s${i}`, label: `Student number ${i}` }));

	it.each([
		{ columns: 1, width: 390, scrolls: false },
		{ columns: 5, width: 390, scrolls: false },
		{ columns: 40, width: 390, scrolls: true },
		{ columns: 1, width: 1280, scrolls: false },
		{ columns: 5, width: 1280, scrolls: false },
		{ columns: 40, width: 1280, scrolls: true }
	])(
		'$columns columns at $width px: cells ≥ 24 px; scrolls: $scrolls',
		({ columns, width, scrolls }) => {
			const l = heatmapLayout({ rows, columns: columnsOf(columns), width });
			expect(l.cell).toBeGreaterThanOrEqual(Math.max(24, minCell));
			expect(l.x.bandwidth()).toBe(l.cell);
			expect(l.rowHeight).toBeGreaterThanOrEqual(l.cell);
			expect(l.y.bandwidth()).toBe(l.rowHeight);
			// The row labels' lines fit in a row.
			expect(l.rowLabelLines * 13).toBeLessThanOrEqual(l.rowHeight - 6);
			expect(l.totalWidth > width).toBe(scrolls);
			expect(l.totalWidth).toBe(l.fixedWidth + l.scrollWidth);
			// The students' columns start at 0 in their own drawing and lie side by side.
			expect(l.x('s0')).toBe(0);
			expect(l.x(`s${columns - 1}`)).toBe((columns - 1) * l.cell);
			expect(l.scrollWidth).toBeGreaterThanOrEqual(columns * l.cell);
			// The class column sits right of the row labels, inside the fixed drawing.
			expect(l.classX).toBe(l.rowLabelWidth);
			expect(l.classX + l.cell).toBeLessThanOrEqual(l.fixedWidth);
			// Rows start below the turned labels and the drawing holds all of them.
			expect(l.y('r0')).toBe(l.top);
			expect(l.height).toBeGreaterThanOrEqual(l.top + rows.length * l.rowHeight);
			expect(l.rowLabelChars).toBeGreaterThanOrEqual(16);
		}
	);

	it('widens the drawing just enough for the last turned label', () => {
		const long = [{ id: 'a', label: 'Chiamaka Nwachukwu-Okonkwo' }];
		const short = [{ id: 'a', label: 'Ana' }];
		const l = heatmapLayout({ rows, columns: long, width: 1280 });
		expect(l.scrollWidth).toBeGreaterThan(l.cell);
		expect(heatmapLayout({ rows, columns: short, width: 1280 }).scrollWidth).toBeLessThan(
			l.scrollWidth
		);
	});

	it('keeps rows labels narrower on a phone than on a desktop', () => {
		const phone = heatmapLayout({ rows, columns: columnsOf(5), width: 390 });
		const desk = heatmapLayout({ rows, columns: columnsOf(5), width: 1280 });
		expect(phone.rowLabelWidth).toBeLessThan(desk.rowLabelWidth);
		expect(
			heatmapLayout({ rows, columns: columnsOf(5), width: 390, rowLabelWidth: 200 })
		).toMatchObject({
			rowLabelWidth: 200,
			classX: 200
		});
	});

	it('lays out no columns without failing', () => {
		const l = heatmapLayout({ rows, columns: [], width: 390 });
		expect(l.scrollWidth).toBeGreaterThanOrEqual(0);
		expect(Number.isFinite(l.height)).toBe(true);
	});
});

describe('rowsByClassMean and cellIndex (the data the drawing is given)', () => {
	const rows = ['a', 'b', 'c', 'd'].map((id) => ({
		id,
		label: id.toUpperCase(),
		kind: 'commitment'
	}));
	const columns = [{ id: 's1' }, { id: 's2' }];
	it.each([
		{
			name: 'lowest class mean first',
			cells: [
				['a', 's1', 0.9],
				['b', 's1', 0.2],
				['c', 's1', 0.5]
			],
			order: ['b', 'c', 'a', 'd'],
			means: [0.2, 0.5, 0.9, null]
		},
		{
			name: 'the mean is over the students asked only',
			cells: [
				['a', 's1', 1],
				['a', 's2', 0],
				['b', 's2', 0.8]
			],
			order: ['a', 'b', 'c', 'd'],
			means: [0.5, 0.8, null, null]
		},
		{
			name: 'ties and items nobody was asked keep the given order, last',
			cells: [
				['c', 's1', 0.4],
				['b', 's1', 0.4]
			],
			order: ['b', 'c', 'a', 'd'],
			means: [0.4, 0.4, null, null]
		},
		{
			name: 'a score that is not a number counts as not asked',
			cells: [
				['a', 's1', NaN],
				['b', 's1', 0.3]
			],
			order: ['b', 'a', 'c', 'd'],
			means: [0.3, null, null, null]
		}
	])('$name', ({ cells, order, means }) => {
		const cell = cellIndex(
			cells.map(([row, column, score]) => ({
				row: row as string,
				column: column as string,
				score: score as number,
				questions: 1
			}))
		);
		const sorted = rowsByClassMean(rows, columns, cell);
		expect(sorted.map((r) => r.id)).toEqual(order);
		expect(sorted.map((r) => r.mean)).toEqual(means);
		expect(sorted[0]).not.toHaveProperty('order');
	});

	it('finds a cell by row and column, and nothing for a student not asked', () => {
		const cell = cellIndex([{ row: 'a', column: 's1', score: 0.5, questions: 2 }]);
		expect(cell('a', 's1')?.questions).toBe(2);
		expect(cell('a', 's2')).toBeUndefined();
		expect(cell('a\u0000s', '1')).toBeUndefined();
	});
});
