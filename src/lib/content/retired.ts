/**
 * Retired ids (lessons/retired.yaml). Ids never change once published, because saved progress and
 * results refer to them; when an item or a question is withdrawn, its id is listed here with the
 * id that now carries its meaning (or none), so old saved data is mapped or ignored, never refused.
 */
import { ContentError } from './errors';
import { retiredPath } from './files/retired';
import type { RetiredId } from './types';

/**
 * Cross-checks one list against the live ids: a retired id must not be live again or listed twice,
 * and its successor must be live. Returns the retired ids, so references to them can be refused.
 */
export function checkRetired(
	list: RetiredId[],
	live: Set<string>,
	what: string,
	errors: ContentError[]
): Set<string> {
	const seen = new Set<string>();
	for (const r of list) {
		if (seen.has(r.id)) errors.push(new ContentError(retiredPath, r.id, 'id', 'is listed twice'));
		seen.add(r.id);
		if (live.has(r.id))
			errors.push(
				new ContentError(retiredPath, r.id, 'id', `is retired but still used by a live ${what}`)
			);
		if (r.successor && !live.has(r.successor))
			errors.push(
				new ContentError(retiredPath, r.id, 'successor', `"${r.successor}" is not a live ${what}`)
			);
	}
	return seen;
}
