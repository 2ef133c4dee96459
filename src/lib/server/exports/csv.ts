import type { SubmissionResult } from '$lib/assignment/results';

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

/**
 * The results of an assignment as CSV, one row per submission. Starts with a UTF-8 BOM so Excel
 * reads accented names; CRLF line ends. A question a student was not given is an empty cell.
 */
export function resultsCsv(
	questions: { id: string; label: string }[],
	submissions: SubmissionResult[]
): string {
	const header = [
		'Name',
		'Attempt',
		'Submitted (UTC)',
		'Late',
		'Score',
		'Out of',
		'Percent',
		...questions.map((q) => csvField(q.label))
	];
	const rows = submissions.map((s) => [
		csvField(s.name),
		String(s.attempt),
		utc(s.submittedAt),
		s.late ? 'late' : '',
		num(s.score, 2),
		String(s.maxScore),
		s.maxScore > 0 ? num((s.score / s.maxScore) * 100, 1) : '',
		...questions.map((q) => (Object.hasOwn(s.answers, q.id) ? num(s.answers[q.id].score, 2) : ''))
	]);
	return '\uFEFF' + [header, ...rows].map((cells) => cells.join(',') + '\r\n').join('');
}
