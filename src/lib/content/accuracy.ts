import { ContentError } from './errors';
import { lessonMarkup, withoutMarkup } from './files/lesson-markup';
import type { Course } from './types';

/**
 * Finds the dates and numbers a piece of prose states, so that lessons and glossary entries can be
 * checked against what the course may say: the communique itself and the facts in lessons/facts.yaml.
 */

export const monthNames = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
const month = `(${monthNames.join('|')})`;
const numberWords =
	'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred';

export type Claim =
	| { kind: 'day'; text: string; key: string } // 2020-06-04
	| { kind: 'month'; text: string; key: string } // 2020-06
	| { kind: 'day-of-year'; text: string; key: string } // 06-04 ("June 4", no year)
	| { kind: 'year'; text: string; key: string }
	| { kind: 'number'; text: string; key: string };

const pad = (n: string | number) => String(n).padStart(2, '0');
const monthNumber = (name: string) => pad(monthNames.indexOf(name) + 1);

/**
 * Every date and number in the text, each once, in order. References to the course's own
 * structure ("paragraph 3", "paragraphs 2 and 3", "sentence 2", "Lesson 4", "p4.s2") and to the
 * articles of a treaty ("article 4", "arts. 10 and 14") are not claims.
 */
export function findClaims(text: string): Claim[] {
	const claims: Claim[] = [];
	let rest = text
		.replace(/\bp\d+(\.s\d+)?\b/g, ' ')
		.replace(
			/\b(paragraphs?|sentences?|lessons?|steps?|parts?|clauses?|conditions?|questions?|articles?|arts?\.)\s+\d+((\s*(,|and|to|or|–|-)\s*)\d+)*/gi,
			' '
		);

	const take = (pattern: RegExp, make: (m: RegExpExecArray) => Claim) => {
		rest = rest.replace(pattern, (...args) => {
			const m = args.slice(0, -2) as unknown as RegExpExecArray;
			claims.push(make(m));
			return ' ';
		});
	};

	// "June 4, 2020" and "4 June 2020"
	take(new RegExp(`\\b${month} (\\d{1,2}), (\\d{4})\\b`, 'g'), (m) => ({
		kind: 'day',
		text: m[0],
		key: `${m[3]}-${monthNumber(m[1])}-${pad(m[2])}`
	}));
	take(new RegExp(`\\b(\\d{1,2}) ${month},? (\\d{4})\\b`, 'g'), (m) => ({
		kind: 'day',
		text: m[0],
		key: `${m[3]}-${monthNumber(m[2])}-${pad(m[1])}`
	}));
	// "June 2020"
	take(new RegExp(`\\b${month},? (\\d{4})\\b`, 'g'), (m) => ({
		kind: 'month',
		text: m[0],
		key: `${m[2]}-${monthNumber(m[1])}`
	}));
	// "April 2" and "2 April" without a year
	take(new RegExp(`\\b${month} (\\d{1,2})\\b`, 'g'), (m) => ({
		kind: 'day-of-year',
		text: m[0],
		key: `${monthNumber(m[1])}-${pad(m[2])}`
	}));
	take(new RegExp(`\\b(\\d{1,2}) ${month}\\b`, 'g'), (m) => ({
		kind: 'day-of-year',
		text: m[0],
		key: `${monthNumber(m[2])}-${pad(m[1])}`
	}));
	// Names that carry numbers are names, not claims: COVID-19, Resolution 2254 (checked as a number).
	rest = rest.replace(/\bCOVID-19\b/g, ' ');
	// Years
	take(/\b(19|20)\d{2}\b(?![,.]?\d)/g, (m) => ({ kind: 'year', text: m[0], key: m[0] }));
	// Figures: "7.7 million", "66,101", "46%", "eight million"
	take(new RegExp(`\\b(${numberWords}) (million|thousand)\\b`, 'gi'), (m) => ({
		kind: 'number',
		text: m[0],
		key: m[0].toLowerCase()
	}));
	take(/\b\d+(?:[.,]\d+)*(?:\s?%|\s(?:million|thousand))?/g, (m) => ({
		kind: 'number',
		text: m[0].trim(),
		key: m[0]
			.trim()
			.replace(/,(?=\d{3}\b)/g, '')
			.replace(/\s?%/, '%')
	}));
	return claims;
}

/** What the course may state: dates and figures from the source text and from facts.yaml. */
export class AllowedClaims {
	readonly days = new Set<string>();
	readonly months = new Set<string>();
	readonly years = new Set<string>();
	readonly numbers = new Set<string>();

	/** Adds every claim of a trusted text. With dayLevel false, days count only as their month. */
	addText(text: string, dayLevel = true): void {
		for (const c of findClaims(text)) this.add(c, dayLevel);
	}

	addDate(iso: string, dayLevel: boolean): void {
		const [y, m, d] = iso.split('-');
		this.years.add(y);
		if (m) this.months.add(`${y}-${m}`);
		if (m && d && dayLevel) this.days.add(iso);
	}

	private add(c: Claim, dayLevel: boolean): void {
		if (c.kind === 'day' || c.kind === 'month') this.addDate(c.key, dayLevel);
		else if (c.kind === 'year') this.years.add(c.key);
		else if (c.kind === 'number') this.numbers.add(c.key);
		else if (c.kind === 'day-of-year' && dayLevel) this.days.add(`????-${c.key}`);
	}

	/** Why a claim is not allowed, or null when it is. */
	problem(c: Claim): string | null {
		switch (c.kind) {
			case 'day':
				return this.days.has(c.key)
					? null
					: `the date "${c.text}" is not a fully checked date in the source or facts.yaml`;
			case 'month':
				return this.months.has(c.key)
					? null
					: `"${c.text}" is not a month in the source or facts.yaml`;
			case 'day-of-year':
				return [...this.days].some((d) => d.endsWith(`-${c.key}`))
					? null
					: `"${c.text}" is not a fully checked date in the source or facts.yaml`;
			case 'year':
				return this.years.has(c.key)
					? null
					: `the year ${c.text} is not in the source or facts.yaml`;
			case 'number':
				return this.numbers.has(c.key)
					? null
					: `the number "${c.text}" is not in the source or facts.yaml`;
		}
	}
}

/** Reports, for a record's field, each date or figure its text states that is not allowed. */
export type ClaimCheck = (file: string, id: string, field: string, text: string) => void;

/**
 * The dates and figures prose may state: those of the communique, and those of facts.yaml.
 * A partly checked (P) fact lends only its month and year (sources differ on the day); an
 * unchecked (U) fact lends nothing, so it can never be stated as certain.
 */
export function claimCheck(
	course: Pick<Course, 'source' | 'sentences' | 'events' | 'facts'>,
	errors: ContentError[]
): ClaimCheck {
	const allowed = new AllowedClaims();
	allowed.addDate(course.source.date, true);
	for (const s of course.sentences.values()) allowed.addText(s.text);
	for (const e of course.events) {
		if (e.confidence === 'U') continue;
		allowed.addDate(e.date, e.confidence === 'V' && e.precision === 'day');
		allowed.addText(`${e.title}. ${e.description}`, e.confidence === 'V');
	}
	for (const f of course.facts)
		if (f.confidence !== 'U') allowed.addText(f.text, f.confidence === 'V');
	return (file, id, field, text) => {
		for (const claim of findClaims(text)) {
			const problem = allowed.problem(claim);
			if (problem) errors.push(new ContentError(file, id, field, problem));
		}
	};
}

/**
 * Prose as a reader sees it, without what is checked elsewhere: the frontmatter, the script block,
 * <Quote …/> tags (verbatim, checked against the source) and <Fact …/> tags (shown from facts.yaml).
 * The tags are found by the Svelte parser (files/lesson-markup.ts), as the build finds them.
 */
export function lessonProse(markdown: string): string {
	const body = markdown.replace(/^---[\s\S]*?\n---\n/, '');
	return withoutMarkup(body, lessonMarkup(body))
		.replace(/`[^`]*`/g, ' ')
		.replace(/^\s*\d+\.\s/gm, ' '); // ordered-list markers
}
