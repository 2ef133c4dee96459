// What both back-ends share: the rows as both schemas hold them (the same columns, the same
// forms), their mapping to records, and the cache of parsed assignments.
import type { StoredAnswer } from '$lib/assignment/results';
import type {
	AssignmentRecord,
	ListedSubmission,
	NewAssignment,
	NewSubmission,
	StoredSubmission,
	SubmitOutcome,
	WrongPart
} from './types';

export interface AssignmentRow {
	id: number;
	code: string;
	token_hash: Buffer;
	title: string;
	settings: string;
	own_questions: string;
	due_at: string | null;
	closed_at: string | null;
	created_at: string;
	revision: number;
}

export interface SubmissionRow {
	id: number;
	assignment_id: number;
	receipt: string;
	name: string;
	name_key: string;
	attempt: number;
	score: number;
	max_score: number;
	answers: string;
	submitted_at: string;
	late: number;
}

/** The secret that draws each student's answer order and ids (see assignments/disguise.ts). */
export const answerOrderSecret = 'answer-order';

export const toAssignment = (r: AssignmentRow): AssignmentRecord => ({
	id: r.id,
	code: r.code,
	tokenHash: Buffer.from(r.token_hash),
	title: r.title,
	settings: JSON.parse(r.settings),
	ownQuestions: JSON.parse(r.own_questions),
	dueAt: r.due_at,
	closedAt: r.closed_at,
	createdAt: r.created_at,
	revision: Number(r.revision)
});

/** An assignment's JSON columns as stored. */
export const assignmentColumns = (a: NewAssignment) => ({
	settings: JSON.stringify(a.settings),
	ownQuestions: JSON.stringify(a.ownQuestions)
});

const submissionFields = (r: SubmissionRow) => ({
	id: r.id,
	receipt: r.receipt,
	name: r.name,
	nameKey: r.name_key,
	attempt: r.attempt,
	score: r.score,
	maxScore: r.max_score,
	submittedAt: r.submitted_at,
	late: r.late === 1
});

export const toSubmission = (r: SubmissionRow): StoredSubmission => ({
	...submissionFields(r),
	answers: JSON.parse(r.answers)
});

/** A new submission as stored, under the id and attempt number the back-end gave it. */
export const stored = (s: NewSubmission, id: number, attempt: number): SubmitOutcome => ({
	kind: 'stored',
	submission: {
		id,
		receipt: s.receipt,
		name: s.name,
		nameKey: s.nameKey,
		attempt,
		score: s.score,
		maxScore: s.maxScore,
		answers: s.answers,
		submittedAt: s.submittedAt,
		late: s.late
	}
});

/** A listed submission keeps only each answer's score. */
export function toListed(r: SubmissionRow): ListedSubmission {
	const answers = JSON.parse(r.answers) as Record<string, StoredAnswer>;
	const scores: Record<string, number> = {};
	for (const id in answers) scores[id] = answers[id].score;
	return { ...submissionFields(r), scores };
}

/** The wrong parts as the `wrong` column holds them: `[[question id, key, label], …]`. */
export const wrongJson = (wrong: WrongPart[]) =>
	JSON.stringify(wrong.map((w) => [w.questionId, w.key, w.label]));

/**
 * Parsed assignments by code. Every submission looks its assignment up by code, and parsing
 * its settings and own questions is most of the cost. Another process may close, edit or delete
 * it, so each use re-reads `closed_at` and `revision` (raised by every edit) by primary key and
 * token hash (a row id or a code can be reused after a delete; a hash cannot).
 */
export class AssignmentCache {
	private byCode = new Map<string, AssignmentRecord>();

	constructor(
		private read: (code: string) => Promise<AssignmentRow | undefined>,
		private state: (
			id: number,
			hash: Buffer
		) => Promise<{ closed_at: string | null; revision: number } | undefined>
	) {}

	async get(code: string): Promise<AssignmentRecord | undefined> {
		const cached = this.byCode.get(code);
		if (cached) {
			const now = await this.state(cached.id, cached.tokenHash);
			if (now && now.closed_at === cached.closedAt && Number(now.revision) === cached.revision)
				return cached;
			// Closed, reopened, edited or deleted since: read it again (another may have its code now).
			this.byCode.delete(code);
		}
		const row = await this.read(code);
		if (!row) return undefined;
		if (this.byCode.size >= 1000) this.byCode.clear();
		const record = toAssignment(row);
		this.byCode.set(code, record);
		return record;
	}
}
