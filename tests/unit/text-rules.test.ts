import { describe, expect, it } from 'vitest';
import { checkName } from '$lib/assignment/name';
import { bidiBalanced, cleanName, textProblem, tooManyMarks } from '$lib/assignment/text-rules';
import { nameKey } from '$lib/server/assignments/names';

describe('nameKey (issue 10.6): names a teacher cannot tell apart are one student', () => {
	it.each([
		{ a: 'Alice', b: 'Al\u200Bice', why: 'zero-width space' },
		{ a: 'Alice', b: '\u0410lice', why: 'Cyrillic А' },
		{ a: 'Alice', b: 'ＡＬＩＣＥ', why: 'full-width' },
		{ a: 'Alice', b: 'ali\u00ADce', why: 'soft hyphen' },
		{ a: 'Alice', b: '\u202EAlice\u202C', why: 'bidi override' },
		{ a: 'Alice', b: 'Alice\uFE0F', why: 'variation selector' },
		{ a: 'Alice', b: 'Alice\u{E0041}', why: 'tag character' },
		{ a: 'Zoë', b: 'zoe ', why: 'accents, case and spaces' },
		{ a: 'Mary  Ann', b: 'mary ann', why: 'runs of spaces' }
	])('$a = $b ($why)', ({ a, b }) => {
		expect(nameKey(a)).toBe(nameKey(b));
	});

	it.each([
		{ a: 'Kai', b: 'Kal' },
		{ a: 'Ian', b: 'Lan' },
		{ a: 'Ana', b: 'Anna' },
		{ a: '王芳', b: '王方' }
	])('$a ≠ $b (different names stay different)', ({ a, b }) => {
		expect(nameKey(a)).not.toBe(nameKey(b));
	});
});

describe('cleanName and checkName: what a student may be called', () => {
	it.each([
		{ input: '  Bo\u200Bb  ', expected: 'Bob' },
		{ input: 'Al\u202Eice', expected: 'Alice' },
		{ input: 'می\u200Cخواهم', expected: 'می\u200Cخواهم' },
		{ input: 'Ann\u200D', expected: 'Ann' }
	])('cleanName($input) = $expected', ({ input, expected }) => {
		expect(cleanName(input)).toBe(expected);
	});

	it.each([
		{ input: '\u200B\u200B', error: /type the name/ },
		{ input: '\u3164', error: /type the name/ },
		{ input: 'a' + '\u0301'.repeat(990), error: /accent marks/ },
		{ input: 'x'.repeat(61), error: /at most 60 characters \(this one has 61\)/ },
		{ input: '---', error: /letter or digit/ },
		{ input: 'Tab\there', error: /control characters/ }
	])('refuses $input', ({ input, error }) => {
		const r = checkName(input);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(error);
	});

	it('takes names in every script, with the marks their scripts use', () => {
		for (const name of ['Nguyễn Thị', 'นิ้ว', 'Zoë', '李', 'محمد', 'Ōkubo', '👩🏽‍🎓 Ada'])
			expect(checkName(name)).toEqual({ ok: true, name: name.normalize('NFC') });
		expect(tooManyMarks('e\u0301\u0302\u0303')).toBe(false);
		expect(tooManyMarks('x\u0301\u0302\u0303\u0304')).toBe(true);
	});
});

describe('textProblem (issue 10.7): teacher-written text', () => {
	it.each([
		{ text: 'A title', multiline: false, problem: null },
		{ text: 'Line 1\nLine 2', multiline: true, problem: null },
		{ text: 'Line 1\nLine 2', multiline: false, problem: /line breaks/ },
		{ text: 'Bell\u0007', multiline: true, problem: /control characters/ },
		{ text: 'NUL\u0000', multiline: true, problem: /control characters/ },
		{ text: '\u200B\u2060', multiline: false, problem: /something visible/ },
		{ text: 'abc\u202Edef', multiline: false, problem: /override that is not closed/ },
		{ text: 'abc\u202Edef\u202C', multiline: false, problem: null },
		{ text: '\u2067عربي\u2069 text', multiline: false, problem: null },
		{ text: 'close\u2069 first', multiline: false, problem: /not closed/ }
	])('$text → $problem', ({ text, multiline, problem }) => {
		const found = textProblem(text, { multiline });
		if (problem === null) expect(found).toBeNull();
		else expect(found).toMatch(problem);
	});

	it('an isolate does not close an embedding, nor a line break an open one', () => {
		expect(bidiBalanced('\u202Aa\u2069')).toBe(false);
		expect(bidiBalanced('\u202Ba\nb\u202C')).toBe(false);
		expect(bidiBalanced('\u2066a\u202Ab\u202Cc\u2069')).toBe(true);
	});
});
