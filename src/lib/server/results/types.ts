import type { Response } from '$lib/quiz/responses';

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
	/** Sum of the answer scores. */
	score: number;
	/** The number of questions this student was given (each worth 1). */
	maxScore: number;
	/** question id → answer; only the questions this student was given. */
	answers: Record<string, StoredAnswer>;
}

/** How exports name things a question refers to by id (places, events). */
export interface ExportLabels {
	placeName(id: string): string;
	eventTitle(id: string): string;
}
