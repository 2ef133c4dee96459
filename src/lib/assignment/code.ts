/**
 * Join codes, shared by the server (which makes them) and the join page (which checks what a
 * student typed). Letters and digits a class cannot confuse when reading them off a screen:
 * no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.
 */
export const codeAlphabet = 'ACDEFGHJKMNPQRTWXY34679';
export const codeLength = 6;

/** What a student typed, as a code: upper case, without spaces or dashes. Null if it cannot be one. */
export function normaliseCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length < 6 || code.length > 8) return null;
	return [...code].every((c) => codeAlphabet.includes(c)) ? code : null;
}
