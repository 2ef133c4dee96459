import type { Question } from '$lib/content';
import type { StoredAnswer, SubmissionResult } from '../results/types';

export const reveals = ['immediately', 'after-due', 'never'] as const;
export type Reveal = (typeof reveals)[number];

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

export interface StoredSubmission extends SubmissionResult {
	receipt: string;
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
	submittedAt: string;
	/** The most attempts this name may have. */
	maxAttempts: number;
}

export type SubmitOutcome =
	| { kind: 'stored'; submission: StoredSubmission }
	/** The same idempotency key was stored before: this is that submission, not a new one. */
	| { kind: 'replayed'; submission: StoredSubmission }
	| { kind: 'no-attempts'; used: number };

/**
 * Everything the app asks of its database. SQLite implements it today (`sqlite.ts`); another
 * database can take its place behind the same interface. Records it returns are shared (it may
 * cache them): treat them as read-only.
 */
export interface Store {
	/** Inserts an assignment; returns false (and stores nothing) when the code is taken. */
	createAssignment(a: NewAssignment): number | null;
	assignmentByCode(code: string): AssignmentRecord | undefined;
	assignmentByTokenHash(hash: Buffer): AssignmentRecord | undefined;
	setClosed(id: number, closedAt: string | null): void;
	/** Deletes the assignment and every submission to it, in one transaction. */
	deleteAssignment(id: number): void;
	/** Checks attempts and stores the submission in one transaction. */
	submit(s: NewSubmission): SubmitOutcome;
	attemptsUsed(assignmentId: number, nameKey: string): number;
	submissions(assignmentId: number): StoredSubmission[];
	submissionByReceipt(assignmentId: number, receipt: string): StoredSubmission | undefined;
	submissionByIdempotencyKey(assignmentId: number, key: string): StoredSubmission | undefined;
	/** How many rows each table holds (for tests and operators). */
	counts(): { assignments: number; submissions: number };
	close(): void;
}
