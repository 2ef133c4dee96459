/**
 * The field schemas every file of lessons/ is built from (valibot), each with the message an
 * author reads when the field is wrong. Text is trimmed; a wrong value is reported with what was
 * found ("must be text, got number 5"), so the author sees the field as YAML read it.
 */
import * as v from 'valibot';
import type { SentenceId } from './source';

/** Ids of records and lessons: lower case words joined by hyphens. */
export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What a value is, in an author's words: `nothing`, `a list`, `a mapping`, `number 5`. */
export function describe(value: unknown): string {
	if (value === null) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	return `${typeof value} ${JSON.stringify(value)}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type TextRules = { pattern?: RegExp; max?: number };

/** Trimmed text; an empty text passes (the caller decides whether it may be empty). */
function trimmed({ pattern, max }: TextRules) {
	return v.pipe(
		v.string((issue) =>
			issue.input == null ? 'is missing' : `must be text, got ${describe(issue.input)}`
		),
		v.trim(),
		v.check(
			(t) => !t || !pattern || pattern.test(t),
			(issue) => `"${issue.input}" does not match ${pattern}`
		),
		v.check(
			(t) => !max || t.length <= max,
			(issue) => `is ${issue.input.length} characters long; at most ${max}`
		)
	);
}

/** Required text: missing, empty, not text, off-pattern or too long are each reported. */
export function text(rules: TextRules = {}) {
	return v.pipe(
		trimmed(rules),
		v.check((t) => t !== '', 'is empty')
	);
}

/** Text that may be left out or empty (then ''). */
export function optionalText(rules: TextRules = {}) {
	return v.nullish(trimmed(rules), '');
}

/** One of a closed list of words. */
export function oneOf<const T extends string>(allowed: readonly T[]) {
	return v.pipe(
		text(),
		v.check(
			(t) => !t || allowed.includes(t as T),
			(issue) => `"${issue.input}" is not one of: ${allowed.join(', ')}`
		),
		v.transform((t) => t as T)
	);
}

/** A number, checked against the bounds given. */
export function count({ integer = false, min = -Infinity, max = Infinity } = {}) {
	return v.pipe(
		v.number((issue) =>
			issue.input === undefined ? 'is missing' : `must be a number, got ${describe(issue.input)}`
		),
		v.check(
			(n) => !integer || Number.isInteger(n),
			(issue) => `must be a whole number, got ${issue.input}`
		),
		v.check(
			(n) => n >= min,
			(issue) => `must be at least ${min}, got ${issue.input}`
		),
		v.check(
			(n) => n <= max,
			(issue) => `must be at most ${max}, got ${issue.input}`
		)
	);
}

const trueOrFalse = v.boolean((issue) => `must be true or false, got ${describe(issue.input)}`);

/** true or false; false when left out. */
export const flag = v.optional(trueOrFalse, false);

/**
 * The `sensitive: true` mark (about sexual violence, detention or violence against civilians:
 * pages show a content note first). Records keep the field only when it is true: see withoutFalseMark.
 */
export const sensitiveMark = v.optional(trueOrFalse);

/** Drops `sensitive` unless it is true, so an unmarked record carries no mark at all. */
export function withoutFalseMark<T extends { sensitive?: boolean }>(record: T): T {
	const { sensitive, ...rest } = record;
	return (sensitive ? record : rest) as T;
}

type ListRules = { pattern?: RegExp; nonEmpty?: boolean; allowed?: readonly string[] };

/** A list of non-empty texts, each trimmed (and, given `allowed`, each one of those words). */
export function list({ pattern, nonEmpty = false, allowed }: ListRules = {}) {
	const item = v.pipe(
		v.string((issue) => `must be non-empty text, got ${describe(issue.input)}`),
		v.check(
			(s) => s.trim() !== '',
			(issue) => `must be non-empty text, got ${describe(issue.input)}`
		),
		v.check(
			(s) => !s.trim() || !pattern || pattern.test(s.trim()),
			(issue) => `"${issue.input}" does not match ${pattern}`
		),
		v.check(
			(s) => !s.trim() || !allowed || allowed.includes(s.trim()),
			(issue) => `"${issue.input.trim()}" is not one of: ${allowed?.join(', ')}`
		),
		v.transform((s) => s.trim())
	);
	return v.pipe(
		v.array(item, (issue) =>
			issue.input == null ? 'is missing' : `must be a list, got ${describe(issue.input)}`
		),
		v.check((items) => !nonEmpty || items.length > 0, 'must list at least one item')
	);
}

/** A list that may be left out (then []). */
export function optionalList(rules: ListRules = {}) {
	return v.nullish(list(rules), () => []);
}

export const sentenceIdPattern = /^p[1-9]\d*\.s[1-9]\d*$/;
export const paragraphIdPattern = /^p[1-9]\d*$/;

/** Sentence ids of the communique (`p4.s2`). Whether each exists is a cross-reference check. */
export function sentenceIds(rules: Omit<ListRules, 'pattern'> = {}) {
	return v.pipe(
		list({ ...rules, pattern: sentenceIdPattern }),
		v.transform((ids) => ids as SentenceId[])
	);
}

export function optionalSentenceIds() {
	return v.nullish(sentenceIds(), () => []);
}

/**
 * A mapping of known fields (`message`: what to say when the value is not a mapping). Fields it
 * does not know are reported by the reader (read.ts). valibot's object schema also takes a list,
 * whose fields would then all be "missing": a list is refused first.
 */
export function record<const E extends v.ObjectEntries>(
	entries: E,
	message: (input: unknown) => string = (input) => `must be a mapping, got ${describe(input)}`
) {
	const mapping = v.custom<Record<string, unknown>>(isRecord, (issue) => message(issue.input));
	return Object.assign(v.pipe(mapping, v.object(entries)), { entries });
}
