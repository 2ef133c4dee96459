import { grade } from '$lib/quiz/grade';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import { giftEscape, giftWeight, toGift } from '$lib/server/exports/gift';
import type { ExportLabels } from '$lib/server/exports/labels';
import { opt, questionsOfEachType } from '../fixtures/questions';

/*
 * A small reader that follows Moodle's qformat_gift::readquestion step by step (escaped
 * characters to placeholders, name, answer block, type detection, answer splitting), so the
 * tests check what Moodle would import, not just the characters written.
 */
const PLACEHOLDERS: [string, string][] = [
	[':', '\u0001'],
	['#', '\u0002'],
	['=', '\u0003'],
	['{', '\u0004'],
	['}', '\u0005'],
	['~', '\u0006'],
	['n', '\u0007']
];
function escapedPre(text: string): string {
	let s = text.replaceAll('\\\\', '\u0008');
	for (const [c, p] of PLACEHOLDERS) s = s.replaceAll(`\\${c}`, p);
	return s.replaceAll('\u0008', '\\');
}
function escapedPost(text: string): string {
	let s = text;
	for (const [c, p] of PLACEHOLDERS) s = s.replaceAll(p, c === 'n' ? '\n' : c);
	return s;
}
/**
 * Moodle's parse_text_with_format: a leading `[html]`, `[plain]`, `[moodle]` or `[markdown]` is
 * the text's format and is removed; any other text keeps its `[` and the default format.
 */
const FORMATS = ['moodle', 'html', 'plain', 'markdown'];
function formatted(text: string): { text: string; format: string } {
	const t = text.trim();
	const end = t.indexOf(']');
	const name = t.startsWith('[') && end > 0 ? t.slice(1, end) : '';
	return FORMATS.includes(name)
		? { text: escapedPost(t.slice(end + 1)).trim(), format: name }
		: { text: escapedPost(t).trim(), format: 'moodle' };
}
const clean = (text: string) => formatted(text).text;
const WEIGHT = /^%-*([0-9]{1,2})\.?([0-9]*)%/;
function weighted(answer: string): { fraction: number; rest: string } | null {
	if (!WEIGHT.test(answer)) return null;
	const body = answer.slice(1);
	const end = body.indexOf('%');
	return { fraction: Number(body.slice(0, end)) / 100, rest: body.slice(end + 1) };
}
function comment(answer: string): { text: string; feedback: string } {
	const at = answer.indexOf('#');
	return at < 0
		? { text: clean(answer), feedback: '' }
		: { text: clean(answer.slice(0, at)), feedback: clean(answer.slice(at + 1)) };
}
interface Read {
	qtype: string;
	name?: string;
	category?: string;
	questiontext?: string;
	/** The question text's format: `plain` when marked `[plain]`, Moodle's default otherwise. */
	questionformat?: string;
	generalfeedback?: string;
	single?: boolean;
	answers?: { text: string; fraction: number; feedback: string }[];
	pairs?: { left: string; right: string }[];
	correct?: boolean;
	feedbacktrue?: string;
	feedbackfalse?: string;
}
function readQuestion(lines: string[]): Read {
	let text = escapedPre(
		lines
			.map((l) => (l.trim().startsWith('//') ? ' ' : l))
			.join('\n')
			.trim()
	);
	if (text.startsWith('$CATEGORY:')) return { qtype: 'category', category: text.slice(10).trim() };
	let name: string | undefined;
	if (text.startsWith('::')) {
		text = text.slice(2);
		const end = text.indexOf('::');
		name = clean(text.slice(0, end));
		text = text.slice(end + 2).trim();
	}
	const start = text.indexOf('{');
	const finish = text.indexOf('}');
	let answertext = text.slice(start + 1, finish).trim();
	const { text: questiontext, format: questionformat } = formatted(
		text.endsWith('}')
			? text.slice(0, start) + text.slice(finish + 1)
			: text.slice(0, start) + '_____' + text.slice(finish + 1)
	);
	const gf = answertext.lastIndexOf('####');
	const generalfeedback = gf < 0 ? '' : clean(answertext.slice(gf + 4));
	if (gf >= 0) answertext = answertext.slice(0, gf).trim();
	const out = { name, questiontext, questionformat, generalfeedback };
	const pieces = (sep: string, s: string) => {
		const parts = s.split(sep);
		parts[0] = parts[0].trim();
		if (!parts[0]) parts.shift();
		return parts.map((p) => p.trim());
	};
	if (answertext.includes('~')) {
		const answers = pieces('~', answertext.replaceAll('=', '~=')).map((a) => {
			if (a.startsWith('=')) return { ...comment(a.slice(1)), fraction: 1 };
			const w = weighted(a);
			return w ? { ...comment(w.rest), fraction: w.fraction } : { ...comment(a), fraction: 0 };
		});
		return { ...out, qtype: 'multichoice', single: answertext.includes('='), answers };
	}
	if (answertext.includes('=') && answertext.includes('->')) {
		const pairs = pieces('=', answertext).map((a) => {
			const at = a.indexOf('->');
			return { left: clean(a.slice(0, at)), right: clean(a.slice(at + 2)) };
		});
		return { ...out, qtype: 'match', pairs };
	}
	const hash = answertext.indexOf('#');
	const tf = hash > 0 ? answertext.slice(0, hash).trim() : answertext;
	if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) {
		const [key, wrong = '', right = ''] = answertext.split('#').map(clean);
		const correct = key.startsWith('T');
		return {
			...out,
			qtype: 'truefalse',
			correct,
			feedbacktrue: correct ? right : wrong,
			feedbackfalse: correct ? wrong : right
		};
	}
	const answers = pieces('=', answertext).map((a) => {
		const w = weighted(a);
		return w ? { ...comment(w.rest), fraction: w.fraction } : { ...comment(a), fraction: 1 };
	});
	return { ...out, qtype: 'shortanswer', answers };
}
/** Splits a file at blank lines, as Moodle's readquestions does. */
function readGift(text: string): Read[] {
	const out: Read[] = [];
	let lines: string[] = [];
	for (const line of [...text.split('\n'), '']) {
		if (line.trim() === '') {
			if (lines.some((l) => !l.trim().startsWith('//'))) out.push(readQuestion(lines));
			lines = [];
		} else lines.push(line);
	}
	return out;
}

const { single, multiple, truefalse, ordering, matching, cloze, locate } = questionsOfEachType({
	base: { prompt: 'Which?' },
	truefalse: {
		prompt: 'True or false?',
		statement: 'The text names the camp.',
		feedback: { correct: 'Right.', incorrect: 'Not so.' },
		why: 'It only says "northeast Syria".'
	},
	ordering: { events: ['e1', 'e2', 'e3'] },
	matching: {
		prompt: 'Match them.',
		pairs: [
			{ left: 'L1', right: 'R1', feedback: 'f1.' },
			{ left: 'L2', right: 'R2', feedback: 'f2.' },
			{ left: 'L3', right: 'R2', feedback: '' }
		]
	},
	cloze: {
		prompt: 'Fill in the missing words.',
		answers: ['prior consent', 'consent'],
		feedback: { correct: 'Yes.', incorrect: 'No.' }
	},
	locate: {
		prompt: 'Where?',
		options: [
			{ place: 'raqqa', feedback: 'not raqqa' },
			{ place: 'baghuz', feedback: 'right place' }
		]
	}
});
const places: Record<string, string> = { baghuz: 'Al-Baghuz Fawqani', raqqa: 'Raqqa' };
const labels: ExportLabels = {
	placeName: (id) => places[id] ?? id,
	eventTitle: (id) => id
};

describe('giftEscape', () => {
	it.each<{ name: string; input: string; expected: string }>([
		{ name: 'tilde', input: 'a~b', expected: 'a\\~b' },
		{ name: 'equals', input: 'a=b', expected: 'a\\=b' },
		{ name: 'hash', input: 'a#b', expected: 'a\\#b' },
		{ name: 'open brace', input: 'a{b', expected: 'a\\{b' },
		{ name: 'close brace', input: 'a}b', expected: 'a\\}b' },
		{ name: 'colon', input: 'Note: 2020', expected: 'Note\\: 2020' },
		{ name: 'backslash', input: 'a\\b', expected: 'a\\\\b' },
		{ name: 'backslash before a special', input: '\\:', expected: '\\\\\\:' },
		{ name: 'line breaks become \\n', input: 'a\nb\r\nc', expected: 'a\\nb\\nc' },
		{
			name: 'plain text untouched',
			input: 'Daesh/ISIS, 2020 (Iraq)!',
			expected: 'Daesh/ISIS, 2020 (Iraq)!'
		}
	])('$name', ({ input, expected }) => {
		expect(giftEscape(input)).toBe(expected);
	});

	it.each(['~ = # { } : \\', '\\n is not a newline', 'x\\\\y', '::name::', '{=a ~b}', 'tab\there'])(
		'Moodle reads %j back exactly',
		(text) => {
			expect(escapedPost(escapedPre(giftEscape(text)))).toBe(text);
		}
	);
});

describe('giftWeight', () => {
	it.each<{ n: number; expected: number }>([
		{ n: 1, expected: 100 },
		{ n: 2, expected: 50 },
		{ n: 3, expected: 33.33333 },
		{ n: 4, expected: 25 },
		{ n: 6, expected: 16.66667 },
		{ n: 7, expected: 14.28571 },
		{ n: 9, expected: 11.11111 },
		{ n: 20, expected: 5 }
	])('100 ÷ $n → $expected', ({ n, expected }) => {
		expect(giftWeight(n)).toBe(expected);
	});

	it('weights for 1–10 right and 1–10 wrong options: +100/right each, −100/right each wrong', () => {
		for (let right = 1; right <= 10; right++)
			for (let wrong = 1; wrong <= 10; wrong++) {
				const q: Question = {
					...multiple,
					options: [
						...Array.from({ length: right }, (_, i) => opt(`r${i}`, true)),
						...Array.from({ length: wrong }, (_, i) => opt(`w${i}`, false))
					]
				};
				const [, read] = readGift(toGift('T', [q], labels).text);
				const fractions = read.answers!.map((a) => a.fraction);
				// Moodle's import accepts a weight within 0.00001 of an allowed one, and checks no sum.
				for (const f of fractions.slice(0, right)) expect(f).toBeCloseTo(1 / right, 4);
				for (const f of fractions.slice(right)) expect(f).toBeCloseTo(-1 / right, 4);
			}
	});

	it("Moodle's score (sum of chosen weights, floored at 0) equals grade() for every choice", () => {
		const q: Question = {
			...multiple,
			options: [opt('a', true), opt('b', true), opt('c', true), opt('d', false), opt('e', false)]
		};
		const [, read] = readGift(toGift('T', [q], labels).text);
		const ids = ['a', 'b', 'c', 'd', 'e'];
		for (let mask = 0; mask < 32; mask++) {
			const chosen = ids.filter((_, i) => mask & (1 << i));
			const moodle = Math.max(
				0,
				chosen.reduce((s, id) => s + read.answers![ids.indexOf(id)].fraction, 0)
			);
			const ours = grade(q, { type: 'multiple', choices: chosen }).score;
			expect(moodle).toBeCloseTo(ours, 2);
		}
	});
});

describe('toGift', () => {
	it('a category line first, then questions separated by blank lines', () => {
		const { text, skipped } = toGift('Week 3: Syria', [single, truefalse], labels);
		expect(text.split('\n\n')).toHaveLength(3);
		expect(text.startsWith('$CATEGORY: Week 3: Syria\n\n// q-single\n::q-single::')).toBe(true);
		expect(text.endsWith('}\n')).toBe(true);
		expect(skipped).toEqual([]);
		expect(readGift(text).map((r) => r.qtype)).toEqual(['category', 'multichoice', 'truefalse']);
	});

	it('the category is written as Moodle reads it (no escapes; "/" doubled; one line)', () => {
		const { text } = toGift('Iraq/Syria: {draft}\nv2', [], labels);
		expect(text).toBe('$CATEGORY: Iraq//Syria: {draft} v2\n');
		expect(readGift(text)[0].category).toBe('Iraq//Syria: {draft} v2');
	});

	it('single choice', () => {
		const { text } = toGift('T', [single], labels);
		expect(text).toBe(
			'$CATEGORY: T\n\n// q-single\n::q-single::[plain]Which?{\n' +
				'\t~text a#fb a\n\t=text b#fb b\n\t~text c#fb c\n}\n'
		);
		expect(readGift(text)[1]).toMatchObject({
			qtype: 'multichoice',
			name: 'q-single',
			questiontext: 'Which?',
			single: true,
			answers: [
				{ text: 'text a', fraction: 0, feedback: 'fb a' },
				{ text: 'text b', fraction: 1, feedback: 'fb b' },
				{ text: 'text c', fraction: 0, feedback: 'fb c' }
			]
		});
	});

	it('multiple response: +100/right for each right option, −100/right for each wrong one', () => {
		const { text } = toGift('T', [multiple], labels);
		expect(text).toContain(
			'{\n\t~%50%text a#fb a\n\t~%50%text b#fb b\n\t~%-50%text c#fb c\n\t~%-50%text d#fb d\n}'
		);
		const read = readGift(text)[1];
		expect(read.single).toBe(false);
		expect(read.answers!.map((a) => a.fraction)).toEqual([0.5, 0.5, -0.5, -0.5]);
	});

	it('multiple response: thirds use Moodle weights', () => {
		const q: Question = {
			...multiple,
			options: [opt('a', true), opt('b', true), opt('c', true), opt('d', false)]
		};
		const { text } = toGift('T', [q], labels);
		expect(text).toContain('~%33.33333%text a');
		expect(text).toContain('~%-33.33333%text d');
	});

	it('true/false: statement after the prompt, wrong then right feedback, why as general', () => {
		const { text } = toGift('T', [truefalse], labels);
		expect(text).toContain(
			'::q-tf::[plain]True or false?\\nThe text names the camp.{FALSE#Not so.#Right.####It only says "northeast Syria".}'
		);
		expect(readGift(text)[1]).toEqual({
			qtype: 'truefalse',
			name: 'q-tf',
			questionformat: 'plain',
			questiontext: 'True or false?\nThe text names the camp.',
			generalfeedback: 'It only says "northeast Syria".',
			correct: false,
			feedbacktrue: 'Not so.',
			feedbackfalse: 'Right.'
		});
	});

	it('true/false: a true statement', () => {
		const { text } = toGift('T', [{ ...truefalse, answer: true }], labels);
		expect(text).toContain('{TRUE#Not so.#Right.####');
		expect(readGift(text)[1]).toMatchObject({ correct: true, feedbacktrue: 'Right.' });
	});

	it('cloze: a missing-word short answer, every answer accepted, a catch-all for the rest', () => {
		const { text } = toGift('T', [cloze], labels);
		expect(text).toContain(
			'::q-cloze::[plain]Fill in the missing words.\\nupon the request and {\n' +
				'\t=prior consent#Yes.\n\t=consent#Yes.\n\t=%0%*#No.\n} of the countries concerned'
		);
		expect(readGift(text)[1]).toMatchObject({
			qtype: 'shortanswer',
			questiontext:
				'Fill in the missing words.\nupon the request and _____ of the countries concerned',
			answers: [
				{ text: 'prior consent', fraction: 1, feedback: 'Yes.' },
				{ text: 'consent', fraction: 1, feedback: 'Yes.' },
				{ text: '*', fraction: 0, feedback: 'No.' }
			]
		});
	});

	it('cloze: the blank at the end', () => {
		const q: Question = { ...cloze, text: 'including ___' };
		const read = readGift(toGift('T', [q], labels).text)[1];
		expect(read.qtype).toBe('shortanswer');
		expect(read.questiontext).toBe('Fill in the missing words.\nincluding');
	});

	it('matching: left -> right, pair feedback as general feedback', () => {
		const { text } = toGift('T', [matching], labels);
		expect(text).toContain(
			'::q-match::[plain]Match them.{\n\t=L1 -> R1\n\t=L2 -> R2\n\t=L3 -> R2\n\t####f1. f2.\n}'
		);
		expect(text).not.toContain('Note');
		expect(readGift(text)[1]).toMatchObject({
			qtype: 'match',
			generalfeedback: 'f1. f2.',
			pairs: [
				{ left: 'L1', right: 'R1' },
				{ left: 'L2', right: 'R2' },
				{ left: 'L3', right: 'R2' }
			]
		});
	});

	it('matching: fewer than 3 pairs is still written, with a note', () => {
		const q: Question = { ...matching, pairs: matching.pairs.slice(0, 2) };
		const { text, skipped } = toGift('T', [q], labels);
		expect(skipped).toEqual([]);
		expect(text).toContain('// Note: Moodle asks for at least 3 pairs');
		expect(readGift(text)[1].qtype).toBe('match');
	});

	it('locate: single choice over place names', () => {
		const { text } = toGift('T', [locate], labels);
		expect(text).toContain('{\n\t~Raqqa#not raqqa\n\t=Al-Baghuz Fawqani#right place\n}');
		expect(readGift(text)[1]).toMatchObject({
			qtype: 'multichoice',
			single: true,
			answers: [
				{ text: 'Raqqa', fraction: 0 },
				{ text: 'Al-Baghuz Fawqani', fraction: 1 }
			]
		});
	});

	it('ordering is skipped, with a reason, and the rest is still written', () => {
		const { text, skipped } = toGift('T', [single, ordering, locate], labels);
		expect(skipped).toEqual([{ id: 'q-order', reason: expect.stringMatching(/ordering/) }]);
		expect(text).not.toContain('q-order');
		expect(readGift(text).map((r) => r.name)).toEqual([undefined, 'q-single', 'q-locate']);
	});

	it('every piece of text is escaped and read back exactly', () => {
		const nasty = 'a~b=c#d{e}f:g\\h';
		const q: Question = {
			...single,
			id: 'id:with{odd}',
			prompt: `Prompt ${nasty}`,
			options: [
				{ id: 'a', text: `wrong ${nasty}`, correct: false, feedback: `fb ${nasty}` },
				{ id: 'b', text: `right ${nasty}`, correct: true, feedback: `why ${nasty}` }
			]
		};
		const { text } = toGift('T', [q], labels);
		const read = readGift(text)[1];
		expect(read).toMatchObject({
			qtype: 'multichoice',
			name: 'id:with{odd}',
			questiontext: `Prompt ${nasty}`,
			answers: [
				{ text: `wrong ${nasty}`, fraction: 0, feedback: `fb ${nasty}` },
				{ text: `right ${nasty}`, fraction: 1, feedback: `why ${nasty}` }
			]
		});
		const tf = readGift(
			toGift(
				'T',
				[
					{
						...truefalse,
						statement: nasty,
						why: nasty,
						feedback: { correct: nasty, incorrect: nasty }
					}
				],
				labels
			).text
		)[1];
		expect(tf).toMatchObject({ qtype: 'truefalse', generalfeedback: nasty, feedbacktrue: nasty });
		const m = readGift(
			toGift(
				'T',
				[
					{
						...matching,
						pairs: matching.pairs.map((p) => ({ ...p, left: `${p.left} ${nasty}`, right: nasty }))
					}
				],
				labels
			).text
		)[1];
		expect(m.pairs![0]).toEqual({ left: `L1 ${nasty}`, right: nasty });
		const c = readGift(toGift('T', [{ ...cloze, answers: [nasty] }], labels).text)[1];
		expect(c.answers![0]).toMatchObject({ text: nasty, fraction: 1 });
	});

	it('a choice starting with a percentage is not read as a weight', () => {
		const q: Question = {
			...single,
			options: [
				{ id: 'a', text: '%5% of them', correct: false, feedback: '' },
				{ id: 'b', text: '%50% of them', correct: true, feedback: '' }
			]
		};
		const read = readGift(toGift('T', [q], labels).text)[1];
		expect(read.answers).toEqual([
			{ text: '%5% of them', fraction: 0, feedback: '' },
			{ text: '%50% of them', fraction: 1, feedback: '' }
		]);
	});

	it('"->" where GIFT cannot take it: skipped with a reason', () => {
		const m: Question = {
			...matching,
			pairs: [{ left: 'a -> b', right: 'c', feedback: '' }, ...matching.pairs]
		};
		const c: Question = { ...cloze, feedback: { correct: 'see p3 -> p4', incorrect: '' } };
		const { skipped } = toGift('T', [m, c], labels);
		expect(skipped.map((s) => s.id)).toEqual(['q-match', 'q-cloze']);
	});

	it('"->" on the right of a pair is fine', () => {
		const m: Question = {
			...matching,
			pairs: matching.pairs.map((p) => ({ ...p, right: `${p.right} -> x` }))
		};
		const { text, skipped } = toGift('T', [m], labels);
		expect(skipped).toEqual([]);
		expect(readGift(text)[1].pairs![0]).toEqual({ left: 'L1', right: 'R1 -> x' });
	});

	it.each<{ name: string; prompt: string; option: string }>([
		{ name: 'a teacher’s <b> in the prompt', prompt: 'Is <b>this</b> bold?', option: 'yes' },
		{ name: 'an HTML entity', prompt: 'Tom &amp; Jerry?', option: '&lt;' },
		{ name: 'a prompt that looks like a marker', prompt: '[html]<i>x</i>', option: 'no' },
		{ name: 'an option that looks like a marker', prompt: 'Which?', option: '[html]<b>b</b>' },
		{ name: 'an option in brackets', prompt: 'Which?', option: '[sic] text' },
		{ name: 'a script tag', prompt: '<script>alert(1)</script>', option: '<img src=x>' }
	])(
		'every question is [plain], so Moodle shows the text as typed: $name',
		({ prompt, option }) => {
			const q: Question = {
				...single,
				prompt,
				options: [
					{ id: 'a', text: option, correct: true, feedback: option },
					{ id: 'b', text: 'other', correct: false, feedback: '' }
				]
			};
			const read = readGift(toGift('T', [q], labels).text)[1];
			expect(read).toMatchObject({
				questionformat: 'plain',
				questiontext: prompt,
				answers: [{ text: option, feedback: option }, { text: 'other' }]
			});
		}
	);

	it.each<{ prompt: string; expected: string }>([
		{ prompt: 'Select it on the map.', expected: 'Choose it from the list.' },
		{
			prompt: 'On the map, where did ISIS lose its last territory?',
			expected: 'Where did ISIS lose its last territory?'
		},
		{ prompt: 'Find al-Hol camp on the map.', expected: 'Choose al-Hol camp from the list.' },
		{
			prompt: "It welcomes 'a new government'. Select Baghdad, the capital, on the map.",
			expected: "It welcomes 'a new government'. Choose Baghdad, the capital, from the list."
		},
		{
			prompt: 'Select the place where this happened.',
			expected: 'Choose the place where this happened.'
		},
		{ prompt: 'Where?', expected: 'Where?' }
	])('locate asks a choice among places, never the map: $prompt', ({ prompt, expected }) => {
		const read = readGift(toGift('T', [{ ...locate, prompt }], labels).text)[1];
		expect(read.questiontext).toBe(expected);
		expect(read.questiontext).not.toMatch(/map/i);
	});
});
