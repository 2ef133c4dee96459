import * as v from 'valibot';
import { limits, nameSchema } from './schema';
import { cleanName, visible } from './text-rules';

/** The most characters (graphemes) a display name may have. */
export const maxNameLength = limits.name;

/** The schema's rule that failed → what the join form says, naming the field. */
const sayings: [RegExp, (input: string) => string][] = [
	[/control characters/, () => 'Name: remove the control characters.'],
	[/not be empty/, () => 'Name: type the name your teacher will know you by.'],
	[
		/at most/,
		(input) =>
			`Name: use at most ${maxNameLength} characters (this one has ${[...new Intl.Segmenter().segment(cleanName(input))].length}).`
	],
	[/accent marks/, () => 'Name: too many accent marks on one letter.'],
	[
		/letter or digit/,
		(input) =>
			visible(cleanName(input))
				? 'Name: use at least one letter or digit.'
				: 'Name: type the name your teacher will know you by.'
	]
];

/**
 * A display name checked in the browser by the very schema the server uses (schema.ts
 * `nameSchema`: NFC, trimmed, invisible characters removed, 1–60 characters with a letter or
 * digit), so the form can say at once what is wrong. A longer name is refused, never cut.
 */
export function checkName(
	input: string
): { ok: true; name: string } | { ok: false; error: string } {
	const parsed = v.safeParse(nameSchema, input);
	if (parsed.success) return { ok: true, name: parsed.output };
	const message = parsed.issues[0].message;
	const saying = sayings.find(([pattern]) => pattern.test(message));
	return {
		ok: false,
		error: saying ? saying[1](input) : `Name: ${message.replace(/^name /, '')}.`
	};
}
