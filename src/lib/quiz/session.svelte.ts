import type { Question } from '$lib/content';
import { grade, type Graded } from './grade';
import type { Response } from './responses';
import { seededShuffle } from './shuffle';

/** What a runner reports when the learner checks an answer (the route decides what to do with it). */
export interface AnsweredQuestion {
	questionId: string;
	/** Between 0 and 1, as `grade()` gives it. */
	score: number;
	correct: boolean;
	/** The learner ticked "I was unsure". */
	unsure: boolean;
}

/** One run through a set of questions: answers, grades, and the summary at the end. */
export class QuizSession {
	questions: Question[];
	index = $state(0);
	results: Record<string, Graded> = $state({});
	/** What the learner answered, to show beside the right answer at the end. */
	responses: Record<string, Response> = $state({});
	/** The seed that orders options in this attempt. */
	readonly seed: string;

	constructor(questions: Question[], seed = String(Date.now())) {
		this.questions = questions;
		this.seed = seed;
	}

	get current(): Question | undefined {
		return this.questions[this.index];
	}

	get finished(): boolean {
		return this.index >= this.questions.length;
	}

	/** Options in this attempt's order (single, multiple, locate); other types keep their own. */
	optionOrder(q: Question): string[] {
		if (q.type === 'single' || q.type === 'multiple')
			return seededShuffle(
				q.options.map((o) => o.id),
				`${this.seed}:${q.id}`
			);
		if (q.type === 'locate')
			return seededShuffle(
				q.options.map((o) => o.place),
				`${this.seed}:${q.id}`
			);
		if (q.type === 'ordering') return seededShuffle(q.events, `${this.seed}:${q.id}`);
		if (q.type === 'matching')
			return seededShuffle(
				q.pairs.map((p) => p.right),
				`${this.seed}:${q.id}`
			);
		return [];
	}

	answer(q: Question, response: Response): Graded {
		const graded = grade(q, response);
		this.results[q.id] = graded;
		this.responses[q.id] = response;
		return graded;
	}

	next(): void {
		this.index += 1;
	}

	get score(): number {
		return Object.values(this.results).reduce((s, r) => s + r.score, 0);
	}

	/** Missed or partly right: what the summary goes over, and what "retry" asks again. */
	get missed(): Question[] {
		return this.questions.filter((q) => this.results[q.id] && !this.results[q.id].correct);
	}

	/** Per commitment item: how many of its questions were answered fully right. */
	byCommitment(): { id: string; right: number; total: number }[] {
		const rows: Record<string, { right: number; total: number }> = {};
		for (const q of this.questions) {
			for (const c of q.commitments) {
				rows[c] ??= { right: 0, total: 0 };
				rows[c].total += 1;
				if (this.results[q.id]?.correct) rows[c].right += 1;
			}
		}
		return Object.entries(rows).map(([id, r]) => ({ id, ...r }));
	}
}
