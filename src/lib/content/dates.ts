import type { TimelineEvent } from './types';

/** Where an event sits in time: its day, or the middle of its month when only the month is known. */
export function eventTime(e: Pick<TimelineEvent, 'date' | 'precision'>): Date {
	const [y, m, d] = e.date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, e.precision === 'month' ? 15 : d));
}
