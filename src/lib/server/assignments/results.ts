import type { Question } from '$lib/content';
import { course } from '$lib/content/course.server';
import { db, type AssignmentRecord, type Reveal, type StoredSubmission } from '../db';
import { analyseItems, type ItemStats } from '../results/analysis';
import type { ExportLabels } from '../results/types';
import { nameKey, questionById, statusOf, type Status } from './service';

/** How exports and analysis name the places and events questions refer to. */
export const labels: ExportLabels = {
	placeName: (id) => course.places.find((p) => p.id === id)?.name ?? id,
	eventTitle: (id) => course.events.find((e) => e.id === id)?.title ?? id
};

export function poolOf(a: AssignmentRecord): Question[] {
	return a.settings.questionIds.map((id) => questionById(a, id)).filter((q): q is Question => !!q);
}

/** "Q3: What does the text…" — a question's short label for tables, CSV columns and charts. */
export function questionLabel(q: Question, index: number): string {
	const text = q.type === 'truefalse' ? q.statement : q.prompt;
	const short = text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
	return `Q${index + 1}: ${short}`;
}

export interface MasteryRow {
	id: string;
	label: string;
	kind: string;
}
export interface Mastery {
	rows: MasteryRow[];
	columns: { id: string; label: string }[];
	cells: { row: string; column: string; score: number; questions: number }[];
}

/** The latest attempt of each student (by folded name), in the order they first submitted. */
function latestByStudent(subs: StoredSubmission[]): StoredSubmission[] {
	const byName = new Map<string, StoredSubmission>();
	for (const s of subs) byName.set(nameKey(s.name), s);
	return [...byName.values()];
}

function firstByStudent(subs: StoredSubmission[]): StoredSubmission[] {
	const byName = new Map<string, StoredSubmission>();
	for (const s of subs) {
		const key = nameKey(s.name);
		if (!byName.has(key)) byName.set(key, s);
	}
	return [...byName.values()];
}

/** Each student's mean score on the questions about each commitment or principle. */
export function mastery(pool: Question[], subs: StoredSubmission[]): Mastery {
	const tagged = new Set(pool.flatMap((q) => q.commitments));
	const rows = course.commitments
		.filter((c) => tagged.has(c.id))
		.map((c) => ({ id: c.id, label: c.restatement, kind: c.kind }));
	const students = latestByStudent(subs);
	const byId = new Map(pool.map((q) => [q.id, q]));
	const cells: Mastery['cells'] = [];
	for (const s of students)
		for (const row of rows) {
			const scores = Object.entries(s.answers)
				.filter(([id]) => byId.get(id)?.commitments.includes(row.id))
				.map(([, a]) => a.score);
			if (scores.length)
				cells.push({
					row: row.id,
					column: String(s.id),
					score: scores.reduce((t, x) => t + x, 0) / scores.length,
					questions: scores.length
				});
		}
	return { rows, columns: students.map((s) => ({ id: String(s.id), label: s.name })), cells };
}

export interface ResultsQuestion {
	id: string;
	label: string;
	type: Question['type'];
	prompt: string;
	own: boolean;
	commitments: string[];
}

export interface Results {
	code: string;
	title: string;
	status: Status;
	dueAt: string | null;
	createdAt: string;
	attempts: number;
	reveal: Reveal;
	count: number | null;
	shuffle: boolean;
	questions: ResultsQuestion[];
	submissions: {
		name: string;
		attempt: number;
		submittedAt: string;
		score: number;
		maxScore: number;
		percent: number;
		/** question id → score 0..1 (only the questions this student was given) */
		scores: Record<string, number>;
	}[];
	/** Item analysis over each student's first attempt. */
	items: ItemStats[];
	mastery: Mastery;
}

/** Everything the dashboard and `GET …/results` show. Only for a caller holding the token. */
export function resultsOf(a: AssignmentRecord, now = new Date()): Results {
	const pool = poolOf(a);
	const subs = db().submissions(a.id);
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
		questions: pool.map((q, i) => ({
			id: q.id,
			label: questionLabel(q, i),
			type: q.type,
			prompt: q.type === 'truefalse' ? `${q.prompt} ${q.statement}` : q.prompt,
			own: q.lesson === '',
			commitments: q.commitments
		})),
		submissions: subs.map((s) => ({
			name: s.name,
			attempt: s.attempt,
			submittedAt: s.submittedAt,
			score: s.score,
			maxScore: s.maxScore,
			percent: s.maxScore ? Math.round((s.score / s.maxScore) * 1000) / 10 : 0,
			scores: Object.fromEntries(Object.entries(s.answers).map(([id, x]) => [id, x.score]))
		})),
		items: analyseItems(pool, firstByStudent(subs), labels),
		mastery: mastery(pool, subs)
	};
}
