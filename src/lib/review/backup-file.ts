import type { Card } from 'ts-fsrs';
import * as v from 'valibot';
import type { Schema } from '$lib/persisted/stored-value';

// The review backup file: the learner's schedule exported to a file and imported back (in
// another browser, or after clearing this one). Lesson progress is another thing (lesson/progress.ts).

/** One question's review history, as kept in the browser and in an exported file. */
export interface ReviewEntry {
	card: Card;
	lastScore: number;
	lastAnswered: string;
}

export interface ReviewFile {
	app: 'communique-course';
	kind: 'review-progress';
	version: 1;
	exported: string;
	entries: Record<string, ReviewEntry>;
}

const isoTime = v.pipe(
	v.string(),
	v.check((s) => !Number.isNaN(Date.parse(s)))
);
const finite = v.pipe(v.number(), v.finite());

/**
 * What an entry must hold to be scheduled, in local storage and in a file alike. The card's other
 * fields are kept as ts-fsrs wrote them; JSON keeps its dates as text, which the store reads with
 * `new Date(…)`.
 */
export const reviewEntrySchema: Schema<ReviewEntry> = v.pipe(
	v.looseObject({
		card: v.looseObject({
			due: isoTime,
			stability: finite,
			difficulty: finite,
			reps: finite,
			state: finite
		}),
		lastScore: finite,
		lastAnswered: isoTime
	}),
	v.transform((entry) => entry as unknown as ReviewEntry)
);

/** Retired question id → the live question that took it over, or null (lessons/retired.yaml). */
export type RetiredQuestions = ReadonlyMap<string, string | null>;

/**
 * Saved entries brought up to date with the bank: an entry under a retired question id moves to
 * its successor (unless the successor has its own, more recent, entry) or is dropped when the
 * question was retired without one. Other entries are kept as they are.
 */
export function migrateEntries(
	entries: Record<string, ReviewEntry>,
	knownQuestions: ReadonlySet<string>,
	retired: RetiredQuestions
): Record<string, ReviewEntry> {
	const out: Record<string, ReviewEntry> = {};
	for (const [id, e] of Object.entries(entries)) if (!retired.has(id)) out[id] = e;
	for (const [id, e] of Object.entries(entries)) {
		if (!retired.has(id)) continue;
		const to = retired.get(id);
		if (!to || !knownQuestions.has(to)) continue;
		const kept = out[to];
		if (!kept || Date.parse(kept.lastAnswered) < Date.parse(e.lastAnswered)) out[to] = e;
	}
	return out;
}

/**
 * Reads a backup file. A file from another app, another version, or with a broken
 * entry is refused as a whole, with the reason: importing never half-writes progress. An entry
 * for a retired question is not an error: it is moved to its successor or left out.
 */
export function parseReviewFile(
	text: string,
	knownQuestions: Set<string>,
	retired: RetiredQuestions = new Map()
): { ok: true; file: ReviewFile } | { ok: false; error: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, error: 'This is not a progress file: it is not JSON.' };
	}
	const d = data as Partial<ReviewFile>;
	if (d?.app !== 'communique-course' || d.kind !== 'review-progress') {
		return {
			ok: false,
			error: 'This file does not come from this course, so nothing was imported.'
		};
	}
	if (d.version !== 1)
		return { ok: false, error: `This file has version ${d.version}; this course reads version 1.` };
	if (typeof d.entries !== 'object' || d.entries === null)
		return { ok: false, error: 'The file has no "entries".' };
	for (const [id, e] of Object.entries(d.entries)) {
		if (!knownQuestions.has(id) && !retired.has(id))
			return { ok: false, error: `The file has a question "${id}" this course does not have.` };
		if (!v.is(reviewEntrySchema, e))
			return { ok: false, error: `The entry for "${id}" is damaged, so nothing was imported.` };
	}
	const file = d as ReviewFile;
	return {
		ok: true,
		file: { ...file, entries: migrateEntries(file.entries, knownQuestions, retired) }
	};
}

export function makeReviewFile(entries: Record<string, ReviewEntry>, now: Date): ReviewFile {
	return {
		app: 'communique-course',
		kind: 'review-progress',
		version: 1,
		exported: now.toISOString(),
		entries
	};
}
