/**
 * The order a worksheet lists the meanings of a vocabulary match in: shuffled the same way for
 * the same seed (so the sheet and its key always agree), and never leaving a meaning beside its
 * own term, which would give the match away.
 */

/** A small seeded generator (mulberry32) over a string hash; enough for shuffling a list. */
function generator(seed: string): () => number {
	let h = 2166136261;
	for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
	return () => {
		h = (h + 0x6d2b79f5) | 0;
		let t = Math.imul(h ^ (h >>> 15), 1 | h);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `order[k]` is the index of the pair whose meaning is shown k-th. For n ≥ 2, order[k] ≠ k. */
export function matchOrder(n: number, seed: string): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	const random = generator(seed);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	// A meaning left beside its own term swaps with its neighbour (never back into place).
	for (let k = 0; k < n && n > 1; k++) {
		if (order[k] !== k) continue;
		const other = k + 1 < n ? k + 1 : k - 1;
		[order[k], order[other]] = [order[other], order[k]];
	}
	return order;
}

export const letters = 'ABCDEFGH';
