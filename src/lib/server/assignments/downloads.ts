import { db, type AssignmentRecord } from '../db';
import { questionText } from '$lib/assignment/answers';
import { responseText } from '$lib/quiz/answer-text';
import { course } from '$lib/content/course.server';
import { longResultsCsv, resultsCsv, type CsvQuestion } from '../exports/csv';
import { toGift } from '../exports/gift';
import { toQtiPackage } from '../exports/qti';
import { labels, poolOf } from './results';

/** A file name from the title: "Lesson 3 quiz" → "lesson-3-quiz-ABC123". ASCII only, for every browser. */
export function fileStem(a: AssignmentRecord): string {
	const slug = a.title
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, '-')
		.slice(0, 40)
		.replace(/-$/, '');
	return `${slug || 'assignment'}-${a.code}`;
}

const download = (body: BodyInit, type: string, name: string) =>
	new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});

/** The names events and places stand for, as answers are written out. */
export const answerNames = { events: course.events, places: course.places };

/** The assignment's questions as the CSV files head and write them. */
function csvQuestions(a: AssignmentRecord): CsvQuestion[] {
	return poolOf(a).map((q) => ({
		id: q.id,
		text: questionText(q),
		answer: (answer) => responseText(q, answer.response, answerNames)
	}));
}

/** One row per submission: marks, and each answer as text. */
export async function csvDownload(a: AssignmentRecord): Promise<Response> {
	const csv = resultsCsv(csvQuestions(a), await db().submissions(a.id));
	return download(csv, 'text/csv; charset=utf-8', `${fileStem(a)}-results.csv`);
}

/** One row per student × question (long form, for R and pandas). */
export async function longCsvDownload(a: AssignmentRecord): Promise<Response> {
	const csv = longResultsCsv(csvQuestions(a), await db().submissions(a.id));
	return download(csv, 'text/csv; charset=utf-8', `${fileStem(a)}-answers-long.csv`);
}

export function giftDownload(a: AssignmentRecord): Response {
	const { text } = toGift(a.title, poolOf(a), labels);
	return download(text, 'text/plain; charset=utf-8', `${fileStem(a)}-questions.gift.txt`);
}

export function qtiDownload(a: AssignmentRecord): Response {
	const { zip } = toQtiPackage(a.title, poolOf(a), labels);
	return download(
		new Blob([zip as Uint8Array<ArrayBuffer>]),
		'application/zip',
		`${fileStem(a)}-qti21.zip`
	);
}

type Gaps = { gift: string[]; qti: string[] };
/** An assignment's questions never change, so neither do its gaps: the dashboard reloads every 5 s. */
const gapsByAssignment = new Map<string, Gaps>();

/** Which questions an export leaves out, and why, so the dashboard can say so. */
export function exportGaps(a: AssignmentRecord): Gaps {
	// Keyed by the token's hash: unlike a row id or a code, never reused by a later assignment.
	const key = a.tokenHash.toString('hex');
	const known = gapsByAssignment.get(key);
	if (known) return known;
	if (gapsByAssignment.size >= 1000) gapsByAssignment.clear();
	const gaps = findGaps(a);
	gapsByAssignment.set(key, gaps);
	return gaps;
}

function findGaps(a: AssignmentRecord): Gaps {
	const pool = poolOf(a);
	const index = new Map(pool.map((q, i) => [q.id, i]));
	const name = (id: string) => `Q${(index.get(id) ?? 0) + 1}`;
	return {
		gift: toGift(a.title, pool, labels).skipped.map((s) => `${name(s.id)} (${s.reason})`),
		qti: toQtiPackage(a.title, pool, labels).skipped.map((s) => `${name(s.id)} (${s.reason})`)
	};
}
