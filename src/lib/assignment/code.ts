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

/** Characters a student may type that no code uses, each with how to read it out. */
const neverUsed = '0O1IL2Z5S8BUV';

/**
 * What is wrong with a typed code, in the join form's words (naming the field), or null when it
 * can be a code. Codes leave out look-alikes, so a 0 or an O cannot be fixed by guessing: say so.
 */
export function codeProblem(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (!code) return 'Code: type the code your teacher shows you, like ACE347.';
	const wrong = [...new Set([...code].filter((c) => !codeAlphabet.includes(c)))];
	const excluded = wrong.filter((c) => neverUsed.includes(c));
	if (excluded.length)
		return `Code: codes never use ${excluded.join(', ')} (nor any of 0 O 1 I L 2 Z 5 S 8 B U V, which look alike). Check each character with your teacher.`;
	if (wrong.length)
		return `Code: codes have only letters and digits; remove ${wrong.map((c) => `"${c}"`).join(', ')}.`;
	if (code.length < 6 || code.length > 8)
		return `Code: a code has 6 to 8 characters; this one has ${code.length}.`;
	return null;
}
