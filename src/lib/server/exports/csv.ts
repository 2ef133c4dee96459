import type { StoredAnswer, SubmissionResult } from '$lib/assignment/results';

/**
 * Characters a spreadsheet may read as the start of a formula (OWASP CSV injection): = + - @,
 * their full-width forms (＝ ＋ － ＠, which some spreadsheets fold to them), a tab or return,
 * even behind spaces or invisible characters (zero-width, bidi controls) that a spreadsheet skips.
 */
const FORMULA_START = /^[\s\p{Default_Ignorable_Code_Point}]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** Control characters no export carries (NUL, ESC…): tab, CR and LF are kept, and quoted. */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
export const exportControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * One text cell: control characters removed, a leading formula character defused with a `'`,
 * then RFC 4180 quoting (double quotes doubled) when the value holds a quote, comma, CR or LF.
 */
export function csvField(value: string): string {
	const clean = value.replace(exportControls, '');
	const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers we write ourselves: never text, so never defused or quoted. */
const num = (n: number, decimals: number) => {
	const f = 10 ** decimals;
	return String(Math.round(n * f) / f);
};

/** "2024-03-01 09:05:00": a form Excel and LibreOffice read as a date; the header says UTC. */
function utc(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? csvField(iso) : d.toISOString().slice(0, 19).replace('T', ' ');
}

/** A question as the CSV files name it: its id, its full text, and its answers written as words. */
export interface CsvQuestion {
	id: string;
	/** The question's full text (a true/false question: its prompt and its statement). */
	text: string;
	/** A student's answer as text (`responseText`), "No answer" when left unanswered. */
	answer(a: StoredAnswer): string;
}

const CRLF_FILE = (rows: string[][]) =>
	'\uFEFF' + rows.map((cells) => cells.join(',') + '\r\n').join('');

/**
 * The results of an assignment as CSV, one row per submission: the marks, then for each question
 * its mark and the student's answer as text, each headed by the question's number, id and full
 * text. Starts with a UTF-8 BOM so Excel reads accented names; CRLF line ends. A question a
 * student was not given is an empty cell.
 */
export function resultsCsv(questions: CsvQuestion[], submissions: SubmissionResult[]): string {
	const header = [
		'Name',
		'Attempt',
		'Submitted (UTC)',
		'Late',
		'Score',
		'Out of',
		'Percent',
		...questions.flatMap((q, i) => [
			csvField(`Q${i + 1} (${q.id}) mark: ${q.text}`),
			csvField(`Q${i + 1} (${q.id}) answer: ${q.text}`)
		])
	];
	const rows = submissions.map((s) => [
		csvField(s.name),
		String(s.attempt),
		utc(s.submittedAt),
		s.late ? 'late' : '',
		num(s.score, 2),
		String(s.maxScore),
		s.maxScore > 0 ? num((s.score / s.maxScore) * 100, 1) : '',
		...questions.flatMap((q) =>
			Object.hasOwn(s.answers, q.id)
				? [num(s.answers[q.id].score, 2), csvField(q.answer(s.answers[q.id]))]
				: ['', '']
		)
	]);
	return CRLF_FILE([header, ...rows]);
}

/** "2024-03-01T09:05:00Z": ISO 8601, which R and pandas parse as a UTC instant. */
function iso(when: string): string {
	const d = new Date(when);
	return Number.isNaN(d.getTime()) ? csvField(when) : d.toISOString().slice(0, 19) + 'Z';
}

/** The columns of the long file, in snake case for R and pandas. */
export const longColumns = [
	'student',
	'attempt',
	'submitted_at',
	'question_id',
	'question_text',
	'answer',
	'score',
	'max'
];

/**
 * The results in long (tidy) form: one row per student × question they were given, in the order
 * submissions arrived, then the questions' order. Same BOM, quoting and CRLF as `resultsCsv`.
 */
export function longResultsCsv(questions: CsvQuestion[], submissions: SubmissionResult[]): string {
	const rows = submissions.flatMap((s) =>
		questions
			.filter((q) => Object.hasOwn(s.answers, q.id))
			.map((q) => [
				csvField(s.name),
				String(s.attempt),
				iso(s.submittedAt),
				csvField(q.id),
				csvField(q.text),
				csvField(q.answer(s.answers[q.id])),
				num(s.answers[q.id].score, 2),
				'1'
			])
	);
	return CRLF_FILE([longColumns, ...rows]);
}
