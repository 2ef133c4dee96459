import type {
	ListedSubmission,
	StoredAnswer,
	StoredSubmission,
	SubmissionSummary
} from '$lib/assignment/results';
import type { Question } from '$lib/content';
import type { Reveal } from '$lib/assignment/types';

// The submission shapes are public (the dashboard shows them): declared in $lib/assignment.
export type { ListedSubmission, StoredSubmission, SubmissionSummary };
export { reveals, type Reveal } from '$lib/assignment/types';

/** How an assignment runs, fixed when it is created. */
export interface AssignmentSettings {
	/** The question pool, in the order shown: bank ids and the teacher's own (`own-1`…). */
	questionIds: string[];
	/** When set, each student gets this many questions drawn from the pool (seeded by name). */
	count: number | null;
	/** Shuffle the options of choice questions (ordering and matching are always shuffled). */
	shuffle: boolean;
	/** Attempts each student (each name) may submit, 1–10. */
	attempts: number;
	/** When students see the right answers and feedback. */
	reveal: Reveal;
	/** How many students (names) may submit; absent in assignments made before the cap existed. */
	maxStudents?: number;
}

export interface AssignmentRecord {
	id: number;
	code: string;
	tokenHash: Buffer;
	title: string;
	settings: AssignmentSettings;
	/** Teacher-written questions, answers included: never sent to a student before grading. */
	ownQuestions: Question[];
	/** ISO 8601 (UTC) or null. */
	dueAt: string | null;
	closedAt: string | null;
	createdAt: string;
}

export type NewAssignment = Omit<AssignmentRecord, 'id' | 'closedAt'>;

/** One wrong part of an answer that did not earn full marks, as the dashboard tallies it. */
export interface WrongPart {
	questionId: string;
	/** What was chosen, as a key that is the same for the same wrong answer. */
	key: string;
	/** The wrong answer in words, for the teacher. */
	label: string;
}

export interface NewSubmission {
	assignmentId: number;
	receipt: string;
	idempotencyKey: string | null;
	name: string;
	nameKey: string;
	score: number;
	maxScore: number;
	answers: Record<string, StoredAnswer>;
	/** The wrong parts of its answers (see `WrongPart`). */
	wrong: WrongPart[];
	submittedAt: string;
	/** The most attempts this name may have. */
	maxAttempts: number;
	/** The most names that may submit to the assignment. */
	maxStudents: number;
}

export type SubmitOutcome =
	| { kind: 'stored'; submission: StoredSubmission }
	/** The same idempotency key was stored before: this is that submission, not a new one. */
	| { kind: 'replayed'; submission: StoredSubmission }
	| { kind: 'no-attempts'; used: number }
	/** A new name, and the assignment already has `maxStudents` names. */
	| { kind: 'full'; students: number };

/** Per question, over each student's first attempt: the sums the item analysis needs. */
export interface ItemSums {
	questionId: string;
	/** Answers (left unanswered counts, as a 0). */
	n: number;
	/** Σ item score, Σ rest (total − item), Σ item², Σ rest², Σ item × rest. */
	sx: number;
	sy: number;
	sxx: number;
	syy: number;
	sxy: number;
}

export interface WrongCount {
	questionId: string;
	label: string;
	count: number;
}

/** One score of a student's latest attempt, for the mastery map. */
export interface LatestScore {
	submissionId: number;
	name: string;
	questionId: string;
	score: number;
}

/**
 * Everything the app asks of its database. SQLite implements it (`sqlite.ts`); another database
 * can take its place behind the same interface. Writes are async: they wait for the database's
 * write lock without holding up other requests, and throw `StoreUnavailable` (503/507) when the
 * database is busy for too long, full or unwritable — having stored nothing. Records it returns
 * are shared (it may cache them): treat them as read-only.
 */
export interface Store {
	/** A secret of this database (32 random bytes), created on first use, the same for every process. */
	secret(name: string): Buffer;
	/** Inserts an assignment; returns null (and stores nothing) when the code is taken. */
	createAssignment(a: NewAssignment): Promise<number | null>;
	assignmentByCode(code: string): AssignmentRecord | undefined;
	assignmentByTokenHash(hash: Buffer): AssignmentRecord | undefined;
	setClosed(id: number, closedAt: string | null): Promise<void>;
	/** Deletes the assignment and every submission to it, in one transaction. */
	deleteAssignment(id: number): Promise<void>;
	/** Checks attempts and the student cap, and stores the submission, in one transaction. */
	submit(s: NewSubmission): Promise<SubmitOutcome>;
	/** Deletes one submission of an assignment; false when it has no such submission. */
	deleteSubmission(assignmentId: number, submissionId: number): Promise<boolean>;
	attemptsUsed(assignmentId: number, nameKey: string): number;
	summary(assignmentId: number): SubmissionSummary;
	/** Submissions in the order they arrived, `limit` of them from `offset`. */
	submissionsPage(assignmentId: number, offset: number, limit: number): ListedSubmission[];
	/** Submissions with an id above `afterId`, oldest first (at most `limit`). */
	submissionsAfter(assignmentId: number, afterId: number, limit: number): ListedSubmission[];
	itemSums(assignmentId: number): ItemSums[];
	/** Wrong answers on first attempts, most chosen first (ties: the first seen first). */
	wrongCounts(assignmentId: number): WrongCount[];
	latestScores(assignmentId: number): LatestScore[];
	/** Every submission with its answers (exports, print). */
	submissions(assignmentId: number): StoredSubmission[];
	submissionByReceipt(assignmentId: number, receipt: string): StoredSubmission | undefined;
	submissionByIdempotencyKey(assignmentId: number, key: string): StoredSubmission | undefined;
	/**
	 * Fills what submissions stored before the current schema lack (wrong answers), and re-folds
	 * names whose key `nameKey` now folds differently. Run once at start.
	 */
	backfill(
		wrongOf: (assignment: AssignmentRecord, s: StoredSubmission) => WrongPart[],
		nameKey: (name: string) => string
	): Promise<void>;
	/** How many rows each table holds (for tests and operators). */
	counts(): { assignments: number; submissions: number };
	close(): void;
}
