import type { MapRegion, Place, Question } from '$lib/content';
import type { Graded } from '$lib/quiz/grade';
import type { PublicQuestion } from '$lib/quiz/public';

/** When students see the right answers and feedback. */
export const reveals = ['immediately', 'after-due', 'never'] as const;
export type Reveal = (typeof reveals)[number];
export type Status = 'open' | 'closed' | 'past-due';

/** What a student's page receives: the assignment with no answer in it. */
export interface StudentView {
	code: string;
	title: string;
	dueAt: string | null;
	status: Status;
	attempts: number;
	attemptsUsed: number | null;
	reveal: Reveal;
	questions: PublicQuestion[];
	/** Event titles for ordering questions (no dates: they would give the order away). */
	events: { id: string; title: string }[];
	/** The places offered by locate questions (no notes) and their maps. */
	places: Place[];
	regions: MapRegion[];
}

/**
 * One question's result, as a student may see it once answers are revealed. The answer to a
 * submission has only `id`, `score` and `correct`; `GET …/submissions/<receipt>` has the rest:
 * the feedback, the quote, and the full question (answers included) to draw it marked.
 */
export type RevealedResult = { id: string; score: number; correct: boolean } & Partial<
	Omit<Graded, 'score' | 'correct'> & { question: Question }
>;

/** What a student gets back for a submission (and later, by its receipt). */
export interface SubmissionReceipt {
	receipt: string;
	name: string;
	attempt: number;
	attempts: number;
	submittedAt: string;
	score: number;
	maxScore: number;
	percent: number;
	reveal: Reveal;
	/** When results will be shown (after-due), if not yet. */
	revealAt: string | null;
	results?: RevealedResult[];
}

/** A QR code as one SVG path over a grid of `size` modules (drawn by the page, never as HTML). */
export interface QrPath {
	size: number;
	path: string;
}
