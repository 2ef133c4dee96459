import type { SubmittedName } from '../db';
import { nameKey } from './names';

/** Who on the class list has not submitted, and which submitted names match no one on it. */
export interface Roster {
	/** The class list as saved (empty: none). */
	names: string[];
	/** Names on the list with no submission under a name that folds the same (`nameKey`). */
	missing: string[];
	/** Submitted names that match no one on the list (a typo, a nickname, someone else). */
	unlisted: string[];
	/** How many on the list have submitted. */
	submitted: number;
	/** Each listed name folded (`nameKey`), so the submissions table can flag a row whose name is on no list. */
	keys: string[];
}

/**
 * Compares the class list with the names that submitted, as the attempt count does: names a
 * teacher cannot tell apart on screen ("Zoë" and "zoe ") match. A name listed twice counts once.
 */
export function rosterOf(names: string[], submitted: SubmittedName[]): Roster {
	const listed = new Map<string, string>();
	for (const n of names) if (!listed.has(nameKey(n))) listed.set(nameKey(n), n);
	const done = new Set(submitted.map((s) => s.nameKey));
	const missing = [...listed].filter(([key]) => !done.has(key)).map(([, name]) => name);
	const unlisted = names.length
		? submitted.filter((s) => !listed.has(s.nameKey)).map((s) => s.name)
		: [];
	return {
		names,
		missing,
		unlisted,
		submitted: listed.size - missing.length,
		keys: [...listed.keys()]
	};
}
