import { citation, confidenceLabel } from '$lib/content/labels';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstant } from '$lib/ui/format';

describe('formatDate', () => {
	it.each([
		{ iso: '2020-06-04', precision: 'day' as const, expected: '4 June 2020' },
		{ iso: '2019-02-06', precision: 'day' as const, expected: '6 February 2019' },
		{ iso: '2015-05', precision: 'month' as const, expected: 'May 2015' },
		{ iso: '2014-12-03', precision: 'month' as const, expected: 'December 2014' },
		{ iso: '2020-06', precision: 'day' as const, expected: 'June 2020' },
		{ iso: '2020-02-31', precision: 'day' as const, expected: '2020-02-31' },
		{ iso: 'soon', precision: 'day' as const, expected: 'soon' }
	])('$iso ($precision) → $expected', ({ iso, precision, expected }) => {
		expect(formatDate(iso, precision)).toBe(expected);
	});
});

describe('formatDate without Intl writes what en-GB Intl writes', () => {
	const intl = (d: Date, o: Intl.DateTimeFormatOptions) =>
		new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'UTC' }).format(d);
	it.each(Array.from({ length: 12 }, (_, i) => ({ month: String(i + 1).padStart(2, '0') })))(
		'month $month, by day and by month',
		({ month }) => {
			const d = new Date(`2019-${month}-28T00:00:00Z`);
			expect(formatDate(`2019-${month}-28`)).toBe(
				intl(d, { day: 'numeric', month: 'long', year: 'numeric' })
			);
			expect(formatDate(`2019-${month}`, 'month')).toBe(
				intl(d, { month: 'long', year: 'numeric' })
			);
		}
	);
});

describe('formatDateTime', () => {
	it.each([
		{
			iso: '2026-06-04T14:05:00Z',
			zone: 'UTC',
			locale: undefined,
			expected: '4 Jun 2026, 14:05 UTC'
		},
		{
			iso: '2026-06-04T23:30:00Z',
			zone: 'UTC',
			locale: undefined,
			expected: '4 Jun 2026, 23:30 UTC'
		},
		{
			iso: '2026-06-04T14:05:00Z',
			zone: 'UTC',
			locale: 'en-US',
			expected: 'Jun 4, 2026, 2:05 PM UTC'
		},
		{ iso: 'later', zone: 'UTC', locale: undefined, expected: 'later' }
	])('$iso in $zone ($locale) → $expected', ({ iso, zone, locale, expected }) => {
		expect(formatDateTime(iso, zone, locale)).toBe(expected);
	});
});

describe('formatInstant', () => {
	it.each([
		{ parts: 'date', zone: 'UTC', locale: 'en-GB', expected: '4 June 2026' },
		{ parts: 'date', zone: 'UTC', locale: 'en-US', expected: 'June 4, 2026' },
		{ parts: 'date', zone: 'UTC', locale: 'de-DE', expected: '4. Juni 2026' },
		{ parts: 'time', zone: 'UTC', locale: 'en-GB', expected: '14:05 UTC' },
		{ parts: 'time', zone: 'UTC', locale: 'en-US', expected: '2:05 PM UTC' },
		{ parts: 'time', zone: 'Asia/Tokyo', locale: 'en-GB', expected: '23:05 GMT+9' },
		{ parts: 'datetime', zone: 'Asia/Tokyo', locale: 'en-GB', expected: '4 Jun 2026, 23:05 GMT+9' }
	] as const)('$parts in $zone ($locale) → $expected', ({ parts, zone, locale, expected }) => {
		expect(formatInstant('2026-06-04T14:05:00Z', parts, zone, locale)).toBe(expected);
	});
	it('leaves what is not a date as it is', () => {
		expect(formatInstant('soon', 'time')).toBe('soon');
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
