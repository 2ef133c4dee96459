/** The score at the end of a quiz as a whole percentage (0 for an empty quiz). */
export function percentOf(score: number, total: number): number {
	return total > 0 ? Math.round((score / total) * 100) : 0;
}

/** One plain sentence on how the quiz went, and what to do next. */
export function summarySentence(percent: number, toReread: number): string {
	if (toReread === 0) return 'Every answer was right: nothing to reread this time.';
	const which = toReread === 1 ? 'the one question below' : `the ${toReread} questions below`;
	if (percent >= 80) return `Nearly all right. Reread the sentence behind ${which}.`;
	if (percent >= 50) return `A good start. Reread the sentences behind ${which}, then retry them.`;
	return `This part of the text is still new to you. Reread the sentences behind ${which}, then retry them.`;
}
