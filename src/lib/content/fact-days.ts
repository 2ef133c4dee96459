/**
 * A partly checked (P) fact: sources differ on its day, so the course gives its month and year
 * only, everywhere. Lessons, glossary and questions are held to this by the claims check (a P
 * fact lends no day to what they may state); this module holds facts.yaml itself to it.
 */
import { findClaims } from './accuracy';
import type { ContextFact, TimelineEvent } from './types';

export interface FactProblem {
	id: string;
	field: string;
	problem: string;
}

type Event = Pick<
	TimelineEvent,
	'id' | 'date' | 'precision' | 'title' | 'description' | 'confidence'
>;
type Fact = Pick<ContextFact, 'id' | 'text' | 'confidence'>;

/**
 * Every day facts.yaml gives for a P fact: a P event dated to the day, any day in a P entry's
 * own words, and a V entry's words naming the day of a P event (unless a V event has that day).
 */
export function partlyCheckedDays(events: Event[], facts: Fact[]): FactProblem[] {
	const problems: FactProblem[] = [];
	const pDays = new Set<string>();
	const vDays = new Set(
		events.filter((e) => e.confidence === 'V' && e.precision === 'day').map((e) => e.date)
	);
	for (const e of events) {
		if (e.confidence !== 'P' || e.precision !== 'day') continue;
		if (!vDays.has(e.date)) pDays.add(e.date);
		problems.push({
			id: e.id,
			field: 'precision',
			problem: `a partly checked (P) event is shown by month and year only: use date ${e.date.slice(0, 7)} with precision "month"`
		});
	}
	const entries = [
		...events.flatMap((e) => [
			{ id: e.id, field: 'title', text: e.title, confidence: e.confidence },
			{ id: e.id, field: 'description', text: e.description, confidence: e.confidence }
		]),
		...facts.map((f) => ({ id: f.id, field: 'text', text: f.text, confidence: f.confidence }))
	];
	for (const entry of entries) {
		for (const c of findClaims(entry.text)) {
			if (c.kind !== 'day' && c.kind !== 'day-of-year') continue;
			const names = (day: string) => (c.kind === 'day' ? c.key === day : day.endsWith(`-${c.key}`));
			if (entry.confidence === 'P')
				problems.push({
					id: entry.id,
					field: entry.field,
					problem: `"${c.text}" is a day of a partly checked (P) fact: give the month and year only`
				});
			else if ([...pDays].some(names))
				problems.push({
					id: entry.id,
					field: entry.field,
					problem: `"${c.text}" is the day of a partly checked (P) event: give the month and year only`
				});
		}
	}
	return problems;
}
