import { cleanName, tooManyMarks, visible } from './text-rules';

/** The most characters (graphemes) a display name may have. */
export const maxNameLength = 60;

/**
 * A display name as the student pages check it before asking the server (which checks it again,
 * with the same rules: src/lib/server/assignments/schema.ts): NFC, trimmed, invisible characters
 * removed, 1–60 characters with a letter or digit. A longer name is refused, never cut.
 */
export function checkName(
	input: string
): { ok: true; name: string } | { ok: false; error: string } {
	if (/\p{Cc}/u.test(input)) return { ok: false, error: 'Name: remove the control characters.' };
	const name = cleanName(input);
	if (!name || !visible(name))
		return { ok: false, error: 'Name: type the name your teacher will know you by.' };
	const length = [...new Intl.Segmenter().segment(name)].length;
	if (length > maxNameLength)
		return {
			ok: false,
			error: `Name: use at most ${maxNameLength} characters (this one has ${length}).`
		};
	if (tooManyMarks(name)) return { ok: false, error: 'Name: too many accent marks on one letter.' };
	if (!/[\p{L}\p{N}]/u.test(name))
		return { ok: false, error: 'Name: use at least one letter or digit.' };
	return { ok: true, name };
}
