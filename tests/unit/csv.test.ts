import { describe, expect, it } from 'vitest';
import { csvField, longResultsCsv, resultsCsv, type CsvQuestion } from '$lib/server/exports/csv';
import type { StoredAnswer, SubmissionResult } from '$lib/assignment/results';

const answer = (score: number): StoredAnswer => ({
	score,
	response: { type: 'truefalse', answer: true }
});
const sub = (over: Partial<SubmissionResult>): SubmissionResult => ({
	id: 1,
	name: 'Ana',
	attempt: 1,
	submittedAt: '2024-03-01T09:05:00.000Z',
	late: false,
	score: 0,
	maxScore: 0,
	answers: {},
	...over
});

/** Splits the file into rows of cells (good enough for these tests: no quoted commas). */
const lines = (csv: string) => csv.slice(1).split('\r\n');

describe('csvField', () => {
	it.each<{ name: string; input: string; expected: string }>([
		{ name: 'plain text', input: 'Ana Silva', expected: 'Ana Silva' },
		{ name: 'empty', input: '', expected: '' },
		{ name: 'a comma is quoted', input: 'Silva, Ana', expected: '"Silva, Ana"' },
		{
			name: 'quotes are doubled',
			input: 'Ana "the fox" Silva',
			expected: '"Ana ""the fox"" Silva"'
		},
		{ name: 'LF is quoted', input: 'two\nlines', expected: '"two\nlines"' },
		{ name: 'CRLF is quoted', input: 'two\r\nlines', expected: '"two\r\nlines"' },
		{ name: 'CR alone is quoted', input: 'two\rlines', expected: '"two\rlines"' },
		{ name: 'accents kept', input: 'Zoë Ñúñez', expected: 'Zoë Ñúñez' },
		{ name: 'emoji kept', input: 'Ali 🦊', expected: 'Ali 🦊' },
		{ name: 'DDE payload', input: "=cmd|' /C calc'!A0", expected: "'=cmd|' /C calc'!A0" },
		{ name: 'leading plus', input: '+1', expected: "'+1" },
		{ name: '10.11: full-width equals', input: '\uFF1DSUM(A1)', expected: "'\uFF1DSUM(A1)" },
		{ name: '10.11: full-width plus', input: '\uFF0B1', expected: "'\uFF0B1" },
		{ name: '10.11: full-width minus', input: '\uFF0D1', expected: "'\uFF0D1" },
		{ name: '10.11: full-width at', input: '\uFF20SUM(1)', expected: "'\uFF20SUM(1)" },
		{ name: '10.11: zero-width space first', input: '\u200B=1+1', expected: "'\u200B=1+1" },
		{ name: '10.11: bidi mark first', input: '\u200F@SUM(1)', expected: "'\u200F@SUM(1)" },
		{ name: '10.11: spaces first', input: '  =1', expected: "'  =1" },
		{ name: '10.7: NUL and ESC removed', input: 'A\u0000n\u001bn', expected: 'Ann' },
		{ name: 'leading minus', input: '-2', expected: "'-2" },
		{ name: 'leading at', input: '@SUM(A1)', expected: "'@SUM(A1)" },
		{ name: 'leading tab', input: '\t=1', expected: "'\t=1" },
		{ name: 'leading CR: defused, then quoted', input: '\r=1', expected: '"\'\r=1"' },
		{
			name: 'formula with a comma and quotes: defused, then quoted',
			input: '=HYPERLINK("http://x.test","click")',
			expected: '"\'=HYPERLINK(""http://x.test"",""click"")"'
		},
		{ name: 'a formula character later on is harmless', input: 'Ana=1', expected: 'Ana=1' }
	])('$name', ({ input, expected }) => {
		expect(csvField(input)).toBe(expected);
	});
});

describe('resultsCsv', () => {
	/** Each answer written as its truth value: enough to see which answer lands in which cell. */
	const said = (a: StoredAnswer) =>
		a.response?.type === 'truefalse' ? (a.response.answer ? 'True' : 'False') : 'No answer';
	const q = (id: string, text: string): CsvQuestion => ({ id, text, answer: said });
	const questions = [
		q('q1', 'Who met, and where?'),
		q('q2', '"Prior consent" means'),
		q('q3', '=Q3')
	];
	const HEADER =
		'Name,Attempt,Submitted (UTC),Late,Score,Out of,Percent,' +
		'"Q1 (q1) mark: Who met, and where?","Q1 (q1) answer: Who met, and where?",' +
		'"Q2 (q2) mark: ""Prior consent"" means","Q2 (q2) answer: ""Prior consent"" means",' +
		'Q3 (q3) mark: =Q3,Q3 (q3) answer: =Q3';

	it('starts with a BOM and ends every line with CRLF', () => {
		const csv = resultsCsv(questions, [sub({})]);
		expect(csv.startsWith('\uFEFFName,')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('header: fixed columns, then per question its mark and answer, with its number, id and full text', () => {
		const [header] = lines(resultsCsv(questions, []));
		expect(header).toBe(HEADER);
	});

	it('the full text, never cut short', () => {
		const long = 'A question far longer than sixty characters, so that a short label would cut it.';
		const [header] = lines(resultsCsv([q('long', long)], []));
		expect(header).toContain(`"Q1 (long) mark: ${long}","Q1 (long) answer: ${long}"`);
	});

	it('no submissions: just the header', () => {
		expect(resultsCsv(questions, [])).toBe(`\uFEFF${HEADER}\r\n`);
	});

	it('one row per submission: each mark beside the answer as text; empty cells for questions not given', () => {
		const csv = resultsCsv(questions, [
			sub({
				name: 'Zoë',
				attempt: 2,
				score: 1.25,
				maxScore: 2,
				answers: { q1: answer(1), q3: { score: 0.25, response: null } }
			}),
			sub({
				name: 'Ben',
				score: 0,
				maxScore: 3,
				answers: {
					q1: { score: 0, response: { type: 'truefalse', answer: false } },
					q2: answer(0),
					q3: answer(0)
				}
			}),
			sub({ name: 'Nobody given anything' })
		]);
		expect(lines(csv)).toEqual([
			expect.any(String),
			'Zoë,2,2024-03-01 09:05:00,,1.25,2,62.5,1,True,,,0.25,No answer',
			'Ben,1,2024-03-01 09:05:00,,0,3,0,0,False,0,True,0,True',
			'Nobody given anything,1,2024-03-01 09:05:00,,0,0,,,,,,,',
			''
		]);
	});

	it('an answer a student typed is a text cell: quoted and defused', () => {
		const typed: CsvQuestion = { id: 'c', text: 'Fill in', answer: () => '=HYPERLINK("x"), "y"' };
		const csv = resultsCsv([typed], [sub({ answers: { c: answer(0) } })]);
		expect(lines(csv)[1]).toBe('Ana,1,2024-03-01 09:05:00,,0,0,,0,"\'=HYPERLINK(""x""), ""y"""');
	});

	it('partial scores and rounding', () => {
		const csv = resultsCsv(
			[q('m', 'M')],
			[
				sub({ score: 0.5, maxScore: 1, answers: { m: answer(0.5) } }),
				sub({ score: 0.667, maxScore: 3, answers: { m: answer(0.667) } })
			]
		);
		expect(lines(csv).slice(1, 3)).toEqual([
			'Ana,1,2024-03-01 09:05:00,,0.5,1,50,0.5,True',
			'Ana,1,2024-03-01 09:05:00,,0.67,3,22.2,0.67,True'
		]);
	});

	it.each<{ name: string; input: string; expected: string }>([
		{ name: 'DDE payload', input: "=cmd|' /C calc'!A0", expected: "'=cmd|' /C calc'!A0" },
		{ name: 'plus', input: '+1', expected: "'+1" },
		{ name: 'minus', input: '-2', expected: "'-2" },
		{ name: 'at', input: '@SUM(A1)', expected: "'@SUM(A1)" },
		{ name: 'comma and quote', input: 'O"Brien, Pat', expected: '"O""Brien, Pat"' },
		{ name: 'newline', input: 'Pat\nBrien', expected: '"Pat\nBrien"' },
		{ name: 'accents and emoji', input: 'Élodie 🌍 Ngô', expected: 'Élodie 🌍 Ngô' }
	])('names are text cells: $name', ({ input, expected }) => {
		const csv = resultsCsv([], [sub({ name: input, score: 1, maxScore: 1 })]);
		expect(csv).toBe(
			'\uFEFFName,Attempt,Submitted (UTC),Late,Score,Out of,Percent\r\n' +
				`${expected},1,2024-03-01 09:05:00,,1,1,100\r\n`
		);
	});

	it('a question id that is also an Object property is not taken as answered', () => {
		const csv = resultsCsv([q('constructor', 'C')], [sub({})]);
		expect(lines(csv)[1].endsWith(',')).toBe(true);
	});

	it('a date it cannot read is written as text, defused', () => {
		const csv = resultsCsv([], [sub({ submittedAt: '=1+1' })]);
		expect(lines(csv)[1]).toBe("Ana,1,'=1+1,,0,0,");
	});

	it('issue 14: a submission taken after the due date says late', () => {
		const csv = resultsCsv([], [sub({ late: true, score: 1, maxScore: 1 })]);
		expect(lines(csv)[1]).toBe('Ana,1,2024-03-01 09:05:00,late,1,1,100');
	});
});

describe('longResultsCsv', () => {
	const said = (a: StoredAnswer) => (a.response ? 'True' : 'No answer');
	const questions: CsvQuestion[] = [
		{ id: 'q1', text: 'Who met, and where?', answer: said },
		{ id: 'q2', text: 'Second', answer: said }
	];

	it.each<{ name: string; subs: SubmissionResult[]; rows: string[] }>([
		{ name: 'no submissions: the header only', subs: [], rows: [] },
		{
			name: 'one row per question given, in the questions’ order',
			subs: [sub({ answers: { q2: answer(0.5), q1: { score: 0, response: null } } })],
			rows: [
				'Ana,1,2024-03-01T09:05:00Z,q1,"Who met, and where?",No answer,0,1',
				'Ana,1,2024-03-01T09:05:00Z,q2,Second,True,0.5,1'
			]
		},
		{
			name: 'a question not given has no row; each attempt its own rows',
			subs: [
				sub({ name: 'Bo', answers: { q2: answer(1) } }),
				sub({ name: 'Bo', attempt: 2, answers: { q2: answer(0.333) } })
			],
			rows: [
				'Bo,1,2024-03-01T09:05:00Z,q2,Second,True,1,1',
				'Bo,2,2024-03-01T09:05:00Z,q2,Second,True,0.33,1'
			]
		},
		{
			name: 'names are text cells, defused',
			subs: [sub({ name: '@Bo, "B"', answers: { q1: answer(1) } })],
			rows: ['"\'@Bo, ""B""",1,2024-03-01T09:05:00Z,q1,"Who met, and where?",True,1,1']
		}
	])('$name', ({ subs, rows }) => {
		const csv = longResultsCsv(questions, subs);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines(csv)).toEqual([
			'student,attempt,submitted_at,question_id,question_text,answer,score,max',
			...rows,
			''
		]);
	});
});
