/**
 * A display name as the student pages check it before asking the server (which checks it again,
 * with the same rules: src/lib/server/assignments/schema.ts): trimmed, NFC, 1–60 characters.
 */
export function checkName(
	input: string
): { ok: true; name: string } | { ok: false; error: string } {
	const name = input.normalize('NFC').trim();
	if (!name) return { ok: false, error: 'Name: type the name your teacher will know you by.' };
	if ([...name].length > 60) return { ok: false, error: 'Name: use at most 60 characters.' };
	return { ok: true, name };
}
