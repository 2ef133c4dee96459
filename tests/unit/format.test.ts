import { describe, expect, it } from 'vitest';
import { citation } from '$lib/reader/text-context';
import { confidenceLabel, formatDate } from '$lib/ui/format';

describe('formatDate', () => {
	it.each([
		{ iso: '2020-06-04', precision: 'day' as const, expected: '4 June 2020' },
		{ iso: '2019-02-06', precision: 'day' as const, expected: '6 February 2019' },
		{ iso: '2015-05', precision: 'month' as const, expected: 'May 2015' },
		{ iso: '2014-12-03', precision: 'month' as const, expected: 'December 2014' },
		{ iso: 'soon', precision: 'day' as const, expected: 'soon' }
	])('$iso ($precision) → $expected', ({ iso, precision, expected }) => {
		expect(formatDate(iso, precision)).toBe(expected);
	});
});

describe('citation', () => {
	it.each([
		{ id: 'p4.s2', expected: 'Paragraph 4, sentence 2' },
		{ id: 'p9', expected: 'Paragraph 9' },
		{ id: 'nonsense', expected: 'nonsense' }
	])('$id → $expected', ({ id, expected }) => {
		expect(citation(id)).toBe(expected);
	});
});

describe('confidenceLabel', () => {
	it('never presents a partly checked or unchecked fact as certain', () => {
		expect(confidenceLabel('V')).toMatch(/^Checked/);
		expect(confidenceLabel('P')).toMatch(/^Partly/);
		expect(confidenceLabel('U')).toMatch(/^Not checked/);
	});
});
