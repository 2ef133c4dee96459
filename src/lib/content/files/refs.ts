import type { ClaimCheck } from '../accuracy';
import { ContentError } from '../errors';
import type { Place } from './places';
import type { MapRegion } from './regions';
import type { Sentence } from './source';

/** The ids each file defines, which the others may cite. */
export interface Known {
	sentences: Map<string, Sentence>;
	paragraphs: number;
	placeIds: Set<string>;
	factIds: Set<string>;
	termIds: Set<string>;
	commitmentIds: Set<string>;
	places: Place[];
	regions: MapRegion[];
}

/** What each file's cross-reference check is given, and where its problems go. */
export interface Checks {
	known: Known;
	refs: RefChecker;
	/** Reports the dates and figures a text states that the sources do not hold (accuracy.ts). */
	claims: ClaimCheck;
	errors: ContentError[];
}

/** Checks that the ids a record cites exist, naming the file, the record and the field. */
export class RefChecker {
	constructor(
		private readonly sentenceMap: Map<string, Sentence>,
		private readonly errors: ContentError[]
	) {}

	sentences(file: string, id: string, field: string, ids: string[]): void {
		for (const s of ids) {
			if (!this.sentenceMap.has(s))
				this.errors.push(
					new ContentError(file, id, field, `${s} is not a sentence of the communique`)
				);
		}
	}

	paragraphs(file: string, id: string, field: string, ids: string[], count: number): void {
		for (const p of ids) {
			const n = Number(p.slice(1));
			if (!(n >= 1 && n <= count))
				this.errors.push(
					new ContentError(file, id, field, `${p} is not a paragraph (p1…p${count})`)
				);
		}
	}

	ids(
		file: string,
		id: string,
		field: string,
		ids: string[],
		known: Set<string>,
		what: string
	): void {
		for (const ref of ids) {
			if (!known.has(ref))
				this.errors.push(new ContentError(file, id, field, `"${ref}" is not a known ${what}`));
		}
	}
}

/** The ids of a file's records, each once: a second use is reported. */
export function uniqueIds(
	items: { id: string }[],
	file: string,
	errors: ContentError[]
): Set<string> {
	const seen = new Set<string>();
	for (const item of items) {
		if (seen.has(item.id)) errors.push(new ContentError(file, item.id, 'id', 'is used twice'));
		seen.add(item.id);
	}
	return seen;
}
