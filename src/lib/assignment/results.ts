import type { Question } from '$lib/content';
import type { Response } from '$lib/quiz/responses';
import type { Reveal, Status } from './types';

// What the teacher's dashboard (and `GET …/results`) receives, and the stored submission it is
// made from. The server builds these (server/assignments/results.ts); the dashboard's components
// import the types from here, never from $lib/server.

/** One graded answer inside a stored submission. */
export interface StoredAnswer {
	/** Between 0 and 1 (the same scale as `grade()`). */
	score: number;
	/** Null when the student left the question unanswered (it scores 0). */
	response: Response | null;
}

/** A stored submission as results, analysis and exports read it. */
export interface SubmissionResult {
	id: number;
	/** The display name the student typed (trimmed, NFC). Untrusted text: never HTML. */
	name: string;
	/** 1 for the student's first attempt, 2 for the second… */
	attempt: number;
	/** ISO 8601, UTC. */
	submittedAt: string;
	/** Taken after the due date (the teacher accepts late work). */
	late: boolean;
	/** Sum of the answer scores. */
	score: number;
	/** The number of questions this student was given (each worth 1). */
	maxScore: number;
	/** question id → answer; only the questions this student was given. */
	answers: Record<string, StoredAnswer>;
}

export interface StoredSubmission extends SubmissionResult {
	receipt: string;
	/** The name folded for comparison (`nameKey`): attempts and caps count these. */
	nameKey: string;
}

/** What changes when a submission arrives or goes: the dashboard polls this, cheaply. */
export interface SubmissionSummary {
	submissions: number;
	students: number;
	/** The newest submission's id (0 for none). */
	lastId: number;
	/** The mean of every submission's percentage, or null for none. */
	meanPercent: number | null;
}

/** A submission as the dashboard lists it: no answers, its score per question. */
export type ListedSubmission = Omit<StoredSubmission, 'answers'> & {
	/** question id → score 0..1 (only the questions this student was given) */
	scores: Record<string, number>;
};

/** How one question did, for the teacher dashboard. */
export interface ItemStats {
	id: string;
	/** Submissions that include this question (left unanswered counts, as a 0). */
	answered: number;
	/** Mean score (0..1); null when nobody answered. */
	facility: number | null;
	/** Moodle's discrimination index (−100..100, 1 decimal); null when it cannot be computed. */
	discrimination: number | null;
	facilityGuidance: string;
	discriminationGuidance: string;
	/** The most chosen wrong answer among answers that did not earn a full score. */
	commonWrong: { label: string; count: number } | null;
}

export interface MasteryRow {
	id: string;
	label: string;
	kind: string;
}

/** Each student's mean score on the questions about each commitment or principle. */
export interface Mastery {
	rows: MasteryRow[];
	columns: { id: string; label: string }[];
	cells: { row: string; column: string; score: number; questions: number }[];
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
	/** The most students (names) who may submit. */
	maxStudents: number;
	/** Submissions after the due date are taken, marked late. */
	acceptLate: boolean;
	/** Changes whenever anything shown here changes: the dashboard polls with it. */
	version: string;
	summary: SubmissionSummary;
	questions: ResultsQuestion[];
	/** One page of submissions, in the order they arrived. */
	submissions: ListedSubmission[];
	page: { offset: number; limit: number; total: number };
	/** Item analysis over each student's first attempt. */
	items: ItemStats[];
	mastery: Mastery;
}
