/**
 * What text from students and teachers may hold, for the pages (before asking the server) and
 * the server (which decides) alike. Names and titles are shown in tables, CSV files and LMS
 * exports: nothing in them may be invisible, control the terminal or the spreadsheet, or turn
 * the text around it backwards.
 */

/**
 * Default-ignorable code points (Unicode's Default_Ignorable_Code_Point): zero-width spaces and
 * joiners, the soft hyphen, bidi controls, variation selectors, tag characters, Hangul fillers.
 * They draw as nothing.
 */
export const ignorable = /\p{Default_Ignorable_Code_Point}/gu;

/** Zero-width (non-)joiners shape Persian, Indic and emoji text: a name keeps them between letters. */
const joins = (c: string | undefined) =>
	!!c && /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u.test(c);
/** A variation selector after an emoji chooses how it is drawn: kept there. */
const emoji = (c: string | undefined) => !!c && /\p{Extended_Pictographic}/u.test(c);

/** Bidi embeddings and overrides (closed by U+202C) and isolates (closed by U+2069). */
const bidiOpen = /[\u202A\u202B\u202D\u202E\u2066\u2067\u2068]/;

/** More combining marks than any script stacks on one letter: "Z̷̢̛̛..." text that breaks tables. */
export const maxMarksInARow = 3;

/** A name as stored and shown: NFC, trimmed, without invisible characters (joiners kept where they join). */
export function cleanName(input: string): string {
	const chars = [...input.normalize('NFC')];
	const kept = chars.filter(
		(c, i) =>
			!/\p{Default_Ignorable_Code_Point}/u.test(c) ||
			(/[\u200C\u200D]/.test(c) && joins(chars[i - 1]) && joins(chars[i + 1])) ||
			(/[\uFE0E\uFE0F]/.test(c) && emoji(chars[i - 1]))
	);
	return kept.join('').replace(/\s+/g, ' ').trim();
}

/** Whether marks are stacked higher than `maxMarksInARow` anywhere. */
export function tooManyMarks(s: string): boolean {
	return new RegExp(`\\p{M}{${maxMarksInARow + 1},}`, 'u').test(s.normalize('NFC'));
}

/** Whether every bidi embedding, override and isolate is closed, and none closes what is not open. */
export function bidiBalanced(s: string): boolean {
	const stack: string[] = [];
	for (const c of s) {
		if (bidiOpen.test(c)) stack.push(c);
		else if (c === '\u202C') {
			if (!stack.length || /[\u2066-\u2068]/.test(stack.at(-1)!)) return false;
			stack.pop();
		} else if (c === '\u2069') {
			if (!stack.length || !/[\u2066-\u2068]/.test(stack.at(-1)!)) return false;
			stack.pop();
		} else if (c === '\n' && stack.length) return false;
	}
	return stack.length === 0;
}

/** Whether anything would show: a letter, digit, punctuation mark or symbol. */
export const visible = (s: string) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(s.replace(ignorable, ''));

/**
 * The first thing wrong with a teacher's text (a title, prompt, option, feedback), or null.
 * `multiline`: newlines are allowed (prompts and feedback); tabs and other controls never are.
 */
export function textProblem(s: string, { multiline = false } = {}): string | null {
	const controls = multiline ? /[\p{Cc}--[\n]]/v : /\p{Cc}/u;
	if (controls.test(s))
		return multiline
			? 'must not contain control characters (only line breaks)'
			: 'must not contain control characters or line breaks';
	if (!bidiBalanced(s))
		return 'has a right-to-left or left-to-right override that is not closed (U+202A–U+202E, U+2066–U+2069)';
	if (tooManyMarks(s))
		return `must not stack more than ${maxMarksInARow} accent marks on one letter`;
	if (!visible(s))
		return 'must contain something visible (not only spaces or invisible characters)';
	return null;
}
