import type { ItemStats, Mastery, Results } from '$lib/assignment/results';
import { questionText } from '$lib/assignment/answers';
import type { Question } from '$lib/content';
import { course } from '$lib/content/course.server';
import {
	db,
	type AssignmentRecord,
	type ItemSums,
	type LatestScore,
	type SubmissionSummary,
	type WrongCount
} from '../db';
import { discriminationFromSums, discriminationGuidance, facilityGuidance } from '../item-analysis';
import { defaultMaxStudents } from '$lib/assignment/schema';
import { questionById, statusOf } from './service';

export { labels } from './labels';

export function poolOf(a: AssignmentRecord): Question[] {
	return a.settings.questionIds.map((id) => questionById(a, id)).filter((q): q is Question => !!q);
}

/** "Q3: What does the text…" — a question's short label for tables, CSV columns and charts. */
export function questionLabel(q: Question, index: number): string {
	const text = q.type === 'truefalse' ? q.statement : q.prompt;
	const short = text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
	return `Q${index + 1}: ${short}`;
}

/**
 * Each student's mean score on the questions about each commitment or principle, from the
 * scores of their latest attempts (one row per answer, in the order students first submitted).
 */
export function mastery(pool: Question[], latest: LatestScore[]): Mastery {
	const tagged = new Set(pool.flatMap((q) => q.commitments));
	const rows = course.commitments
		.filter((c) => tagged.has(c.id))
		.map((c) => ({ id: c.id, label: c.restatement, kind: c.kind }));
	const byId = new Map(pool.map((q) => [q.id, q]));
	const columns = new Map<number, string>();
	const sums = new Map<string, { row: string; column: string; total: number; questions: number }>();
	for (const { submissionId, name, questionId, score } of latest) {
		columns.set(submissionId, name);
		for (const row of byId.get(questionId)?.commitments ?? []) {
			const key = `${row}\u0000${submissionId}`;
			const cell = sums.get(key) ?? { row, column: String(submissionId), total: 0, questions: 0 };
			cell.total += score;
			cell.questions += 1;
			sums.set(key, cell);
		}
	}
	const order = new Map(rows.map((r, i) => [r.id, i]));
	const cells = [...sums.values()]
		.filter((c) => order.has(c.row))
		.sort((a, b) => Number(a.column) - Number(b.column) || order.get(a.row)! - order.get(b.row)!)
		.map(({ row, column, total, questions }) => ({
			row,
			column,
			score: total / questions,
			questions
		}));
	return {
		rows,
		columns: [...columns].map(([id, label]) => ({ id: String(id), label })),
		cells
	};
}

/** Item analysis from the database's sums and wrong-answer counts, one entry per question. */
export function itemStats(pool: Question[], sums: ItemSums[], wrong: WrongCount[]): ItemStats[] {
	const sumsOf = new Map(sums.map((s) => [s.questionId, s]));
	const topWrong = new Map<string, WrongCount>();
	// Most chosen first, so the first seen per question is its top.
	for (const w of wrong) if (!topWrong.has(w.questionId)) topWrong.set(w.questionId, w);
	return pool.map((q) => {
		const s = sumsOf.get(q.id);
		const facility = s && s.n > 0 ? s.sx / s.n : null;
		const discrimination = s ? discriminationFromSums(s) : null;
		const top = topWrong.get(q.id);
		return {
			id: q.id,
			answered: s?.n ?? 0,
			facility,
			discrimination,
			facilityGuidance: facilityGuidance(facility),
			discriminationGuidance: discriminationGuidance(discrimination),
			commonWrong: top ? { label: top.label, count: top.count } : null
		};
	});
}

/** Submissions listed per page on the dashboard and in `GET …/results`. */
export const pageSize = 50;

export const maxStudentsOf = (a: AssignmentRecord) => a.settings.maxStudents ?? defaultMaxStudents;

/** What the dashboard's version is made of: a submission added or deleted, a close, an edit, the status. */
export function versionOf(
	a: AssignmentRecord,
	summary: SubmissionSummary,
	now = new Date()
): string {
	return [summary.lastId, summary.submissions, statusOf(a, now), a.closedAt ?? '', a.revision].join(
		':'
	);
}

/**
 * Everything the dashboard and `GET …/results` show. Only for a caller holding the token.
 * Aggregates come from the database (sums, counts), so a large class costs a few queries, not
 * a pass over every answer in JavaScript; submissions come a page at a time.
 */
export async function resultsOf(
	a: AssignmentRecord,
	{ offset = 0, limit = pageSize }: { offset?: number; limit?: number } = {},
	now = new Date()
): Promise<Results> {
	const pool = poolOf(a);
	const store = db();
	const [summary, submissions, sums, wrong, latest] = await Promise.all([
		store.summary(a.id),
		store.submissionsPage(a.id, offset, limit),
		store.itemSums(a.id),
		store.wrongCounts(a.id),
		store.latestScores(a.id)
	]);
	const meanPercent =
		summary.meanPercent === null ? null : Math.round(summary.meanPercent * 10) / 10;
	return {
		code: a.code,
		title: a.title,
		status: statusOf(a, now),
		dueAt: a.dueAt,
		createdAt: a.createdAt,
		attempts: a.settings.attempts,
		reveal: a.settings.reveal,
		count: a.settings.count,
		shuffle: a.settings.shuffle,
		maxStudents: maxStudentsOf(a),
		acceptLate: a.settings.acceptLate ?? false,
		version: versionOf(a, summary, now),
		summary: { ...summary, meanPercent },
		questions: pool.map((q, i) => ({
			id: q.id,
			label: questionLabel(q, i),
			type: q.type,
			prompt: questionText(q),
			own: q.lesson === '',
			commitments: q.commitments
		})),
		submissions,
		page: { offset, limit, total: summary.submissions },
		items: itemStats(pool, sums, wrong),
		mastery: mastery(pool, latest)
	};
}
