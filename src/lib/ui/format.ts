/**
 * The course's own dates ("4 June 2020", "May 2015") are written day-month-year, as the
 * communique and the lessons' prose write them, so that a chart and the sentence beside it agree
 * on every screen (and the prerendered page agrees with the browser).
 */
const courseLocale = 'en-GB';

/** One formatter for dates and date-times; each set of options is built once. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions, locale?: string): Intl.DateTimeFormat {
	const id = JSON.stringify([locale, options]);
	let formatter = formatters.get(id);
	if (!formatter) formatters.set(id, (formatter = new Intl.DateTimeFormat(locale, options)));
	return formatter;
}

/** "2020-06-04" → "4 June 2020"; "2015-05" (month precision) → "May 2015". No time zones involved. */
export function formatDate(iso: string, precision: 'day' | 'month' = 'day'): string {
	const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
	if (!m) return iso;
	const byDay = precision === 'day' && m[3] !== undefined;
	// A calendar day, not an instant: read and written in UTC, it never shifts to the day before.
	const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, byDay ? Number(m[3]) : 1));
	if (day.getUTCMonth() !== Number(m[2]) - 1) return iso; // "2020-13" or "2020-02-31"
	return dateFormat(
		{ day: byDay ? 'numeric' : undefined, month: 'long', year: 'numeric', timeZone: 'UTC' },
		courseLocale
	).format(day);
}

/** Which parts of an instant to write: its date and time, its date, or its time. */
export type InstantParts = 'datetime' | 'date' | 'time';

const instantOptions: Record<InstantParts, Intl.DateTimeFormatOptions> = {
	datetime: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' },
	date: { day: 'numeric', month: 'long', year: 'numeric' },
	time: { hour: 'numeric', minute: '2-digit' }
};

/**
 * An instant (a due date, a submission, the next review) in the given locale and time zone, in
 * that locale's own way: "4 Jun 2026, 14:05" (en-GB), "Jun 4, 2026, 2:05 PM" (en-US). The server
 * renders in UTC, labelled so; `LocalTime` switches to the learner's own locale and time zone once
 * in the browser. Every instant the course shows goes through here.
 */
export function formatInstant(
	iso: string,
	parts: InstantParts = 'datetime',
	timeZone?: string,
	locale = courseLocale
): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return dateFormat(
		{
			...instantOptions[parts],
			timeZone,
			timeZoneName: timeZone && parts !== 'date' ? 'short' : undefined
		},
		locale
	).format(date);
}

/** An instant's date and time: `formatInstant` with both. */
export function formatDateTime(iso: string, timeZone?: string, locale = courseLocale): string {
	return formatInstant(iso, 'datetime', timeZone, locale);
}
