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

/** How an assignment runs: set when it is created; the teacher may edit it (see `updateAssignment`). */
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
	/** Submissions after the due date are taken and marked late (absent: refused, as before). */
	acceptLate?: boolean;
	/** The class's names as the teacher pasted them (absent or empty: no class list). */
	classList?: string[];
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
	/** Raised by each edit: caches compare it to see that a record is still current. */
	revision: number;
}

export type NewAssignment = Omit<AssignmentRecord, 'id' | 'closedAt' | 'revision'>;

/** What an edit of an assignment writes (the whole of each; the service merges the request). */
export interface AssignmentEdit {
	title: string;
	settings: AssignmentSettings;
	dueAt: string | null;
}

export type EditOutcome =
	| { kind: 'updated'; revision: number }
	| { kind: 'gone' }
	/** The question pool was to change, and someone has submitted already. */
	| { kind: 'has-submissions'; submissions: number };

/** A name that has submitted, as first typed, with its folded key. */
export interface SubmittedName {
	name: string;
	nameKey: string;
}

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
	/** After the due date, taken because the teacher accepts late work. */
	late: boolean;
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
	/** The assignment was closed (`closed`) or deleted (`gone`) by the time the transaction ran. */
	| { kind: 'closed' }
	| { kind: 'gone' }
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

/** A fixed-window counter of requests (one client in one rate limit), shared by every process. */
export interface RateWindow {
	/** Requests counted in the current window, this one included. */
	count: number;
	/** When the window started (ms since the epoch). */
	start: number;
}

/**
 * Everything the app asks of its database. SQLite (`sqlite.ts`, the default) and PostgreSQL
 * (`postgres.ts`, with `DATABASE_URL`) implement it; nothing outside this folder knows which one
 * runs. Every call is async. Writes throw `StoreUnavailable` (503/507) when the database is busy
 * for too long, full, unwritable or out of reach — having stored nothing. Records it returns
 * may be shared (it caches parsed assignments, always checking that they are still current):
 * treat them as read-only.
 */
export interface Store {
	/** Which database this is, for logs and the operator: `sqlite` or `postgres`. */
	readonly kind: 'sqlite' | 'postgres';
	/**
	 * Whether other processes may serve this database too (PostgreSQL always: other machines may;
	 * SQLite when `WORKERS` is above 1): what must hold across them is then kept in it.
	 */
	readonly shared: boolean;
	/** Resolves once the database answers and its schema is current (migrations run at open). */
	ready(): Promise<void>;
	/** A trivial query: resolves when the database answers now (`GET /readyz`). */
	ping(): Promise<void>;
	/** A secret of this database (32 random bytes), created on first use, the same for every process. */
	secret(name: string): Promise<Buffer>;
	/** Inserts an assignment; returns null (and stores nothing) when the code is taken. */
	createAssignment(a: NewAssignment): Promise<number | null>;
	/** Never from a stale cache: a closed, reopened or deleted assignment is seen at once. */
	assignmentByCode(code: string): Promise<AssignmentRecord | undefined>;
	assignmentByTokenHash(hash: Buffer): Promise<AssignmentRecord | undefined>;
	setClosed(id: number, closedAt: string | null): Promise<void>;
	/**
	 * Writes an edit and raises the revision (every process's cache then re-reads the record). With
	 * `questionsChange`, refuses (`has-submissions`) in the same transaction when any submission
	 * exists: the pool a submission was marked against must not change under it.
	 */
	updateAssignment(
		id: number,
		edit: AssignmentEdit,
		questionsChange: boolean
	): Promise<EditOutcome>;
	/** Each name that has submitted (its first submission's spelling), in the order they first did. */
	submittedNames(assignmentId: number): Promise<SubmittedName[]>;
	/** Deletes the assignment and every submission to it, in one transaction. */
	deleteAssignment(id: number): Promise<void>;
	/**
	 * Checks that the assignment is still open, the idempotency key, the attempts and the student
	 * cap, and stores the submission, in one transaction that no other process can interleave.
	 */
	submit(s: NewSubmission): Promise<SubmitOutcome>;
	/** Deletes one submission of an assignment; false when it has no such submission. */
	deleteSubmission(assignmentId: number, submissionId: number): Promise<boolean>;
	attemptsUsed(assignmentId: number, nameKey: string): Promise<number>;
	summary(assignmentId: number): Promise<SubmissionSummary>;
	/** Submissions in the order they arrived, `limit` of them from `offset`. */
	submissionsPage(assignmentId: number, offset: number, limit: number): Promise<ListedSubmission[]>;
	/** Submissions with an id above `afterId`, oldest first (at most `limit`). */
	submissionsAfter(
		assignmentId: number,
		afterId: number,
		limit: number
	): Promise<ListedSubmission[]>;
	itemSums(assignmentId: number): Promise<ItemSums[]>;
	/** Wrong answers on first attempts, most chosen first (ties: the first seen first). */
	wrongCounts(assignmentId: number): Promise<WrongCount[]>;
	/** Per question of each latest attempt, in submission order, then question id (bytewise). */
	latestScores(assignmentId: number): Promise<LatestScore[]>;
	/** Every submission with its answers (exports, print). */
	submissions(assignmentId: number): Promise<StoredSubmission[]>;
	submissionByReceipt(assignmentId: number, receipt: string): Promise<StoredSubmission | undefined>;
	/** One submission of this assignment by its id (undefined for another assignment's). */
	submissionById(assignmentId: number, submissionId: number): Promise<StoredSubmission | undefined>;
	submissionByIdempotencyKey(
		assignmentId: number,
		key: string
	): Promise<StoredSubmission | undefined>;
	/**
	 * Counts one request of `key` in rate limit `bucket` (fixed windows of `windowMs`), for every
	 * process on this database; returns the window as it is after counting.
	 */
	countRequest(bucket: string, key: string, windowMs: number, now: number): Promise<RateWindow>;
	/** The current window of `key` in `bucket` without counting (undefined: none, or over). */
	requestWindow(
		bucket: string,
		key: string,
		windowMs: number,
		now: number
	): Promise<RateWindow | undefined>;
	/**
	 * Fills what submissions stored before the current schema lack (wrong answers), and re-folds
	 * names whose key `nameKey` now folds differently. Run once at start.
	 */
	backfill(
		wrongOf: (assignment: AssignmentRecord, s: StoredSubmission) => WrongPart[],
		nameKey: (name: string) => string
	): Promise<void>;
	/** How many rows each table holds (for tests and operators). */
	counts(): Promise<{ assignments: number; submissions: number }>;
	/** Closes the database (the pool: waits for queries under way). */
	close(): Promise<void>;
}
