import type { Confidence } from '$lib/content';
import { monthNames as months } from '$lib/content/accuracy';

/** "2020-06-04" → "4 June 2020"; "2015-05" (month precision) → "May 2015". No time zones involved. */
export function formatDate(iso: string, precision: 'day' | 'month' = 'day'): string {
	const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
	if (!m) return iso;
	const month = months[Number(m[2]) - 1];
	if (precision === 'month' || !m[3]) return `${month} ${m[1]}`;
	return `${Number(m[3])} ${month} ${m[1]}`;
}

export function confidenceLabel(c: Confidence): string {
	return c === 'V'
		? 'Checked against a published source'
		: c === 'P'
			? 'Partly checked: sources differ'
			: 'Not checked: treat with care';
}

/**
 * "4 Jun 2026, 14:05" in the reader's own time zone (or the one given: the server renders in
 * UTC, and `LocalTime` switches to the reader's zone once in the browser).
 */
export function formatDateTime(iso: string, timeZone?: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return date.toLocaleString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone,
		timeZoneName: timeZone ? 'short' : undefined
	});
}
