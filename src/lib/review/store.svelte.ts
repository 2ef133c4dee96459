import * as v from 'valibot';
import { Persisted } from '$lib/persisted/persisted.svelte';
import { validEntries } from '$lib/persisted/stored-value';
import type { AnsweredQuestion } from '$lib/quiz/session.svelte';
import {
	makeReviewFile,
	migrateEntries,
	parseReviewFile,
	reviewEntrySchema,
	type RetiredQuestions,
	type ReviewEntry
} from './backup-file';
import { isDue, mastery, review, type Mastery, type Outcome } from './schedule';

/** The schedule as this browser keeps it; an entry that cannot be scheduled is dropped. */
const scheduleSchema = v.object({
	version: v.literal(1),
	entries: validEntries(reviewEntrySchema)
});
const emptySchedule = (): v.InferOutput<typeof scheduleSchema> => ({ version: 1, entries: {} });

/** The learner's review schedule, kept in this browser (no account). */
class ReviewStore {
	#saved = new Persisted('communique-course:review', scheduleSchema, emptySchedule);

	get entries(): Record<string, ReviewEntry> {
		return this.#saved.current.entries;
	}

	set entries(entries: Record<string, ReviewEntry>) {
		this.#saved.current = { version: 1, entries };
	}

	/** False until the browser's copy is read: the prerendered page knows nothing of it. */
	get loaded(): boolean {
		return this.#saved.loaded;
	}

	load(): void {
		this.#saved.load();
	}

	record(questionId: string, score: number, outcome: Outcome, now = new Date()): void {
		this.load();
		const card = review(this.entries[questionId]?.card, now, outcome);
		this.entries[questionId] = { card, lastScore: score, lastAnswered: now.toISOString() };
		this.#saved.save();
	}

	/** What a quiz runner reports (its `onanswered`), scheduled. */
	recordAnswer({ questionId, score, correct, unsure }: AnsweredQuestion): void {
		this.record(questionId, score, { correct, unsure });
	}

	due(now = new Date()): string[] {
		return Object.entries(this.entries)
			.filter(([, e]) => isDue({ ...e.card, due: new Date(e.card.due) }, now))
			.sort(([, a], [, b]) => Date.parse(String(a.card.due)) - Date.parse(String(b.card.due)))
			.map(([id]) => id);
	}

	nextDue(now = new Date()): Date | null {
		const later = Object.values(this.entries)
			.map((e) => new Date(e.card.due))
			.filter((d) => d.getTime() > now.getTime())
			.sort((a, b) => a.getTime() - b.getTime());
		return later[0] ?? null;
	}

	mastery(questionId: string): Mastery {
		return mastery(this.entries[questionId]?.card);
	}

	exportText(now = new Date()): string {
		return JSON.stringify(makeReviewFile(this.entries, now), null, 1);
	}

	/**
	 * Moves what this browser saved under retired question ids to their successors (or drops it),
	 * so an old schedule never asks for a question the bank no longer has.
	 */
	migrate(known: ReadonlySet<string>, retired: RetiredQuestions): void {
		this.load();
		if (!Object.keys(this.entries).some((id) => retired.has(id))) return;
		this.entries = migrateEntries(this.entries, known, retired);
	}

	/** Replaces the schedule with a backup file's, or changes nothing and says why. */
	importText(text: string, known: Set<string>, retired?: RetiredQuestions): string | null {
		const parsed = parseReviewFile(text, known, retired);
		if (!parsed.ok) return parsed.error;
		this.entries = parsed.file.entries;
		return null;
	}

	reset(): void {
		this.entries = {};
	}
}

export const reviews = new ReviewStore();
