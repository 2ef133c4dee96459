import { remove as foldConfusables } from 'confusables';
import { ignorable } from '$lib/assignment/text-rules';

/**
 * Folds a display name for comparison, so that names a teacher cannot tell apart on screen count
 * as one student: "Zoë " and "zoe", "Alice" and "Al\u200Bice" (a zero-width space), "Аlice" (a
 * Cyrillic А), "ＡＬＩＣＥ" (full-width).
 *
 * Steps: compatibility forms (NFKC); default-ignorable code points dropped; confusable
 * characters of other scripts mapped to the Latin letters they look like (the `confusables`
 * package's table, after Unicode TR39); accents dropped; case and runs of spaces folded.
 * TR39's look-alikes within Latin (I and l, 0 and O, rn and m) are not folded: after case
 * folding they would merge real, different names of one class ("Kai" and "Kal", "Ian" and "Lan").
 */
export function nameKey(name: string): string {
	const s = foldConfusables(name.normalize('NFKC').replace(ignorable, ''))
		.normalize('NFD')
		.replace(/\p{M}/gu, '');
	return s.toLowerCase().replace(/\s+/g, ' ').trim();
}
