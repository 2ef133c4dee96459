import { browser } from '$app/environment';
import {
	makeReviewFile,
	migrateEntries,
	parseReviewFile,
	type RetiredQuestions,
	type ReviewEntry
} from './progress-file';
import { isDue, mastery, review, type Mastery, type Outcome } from './schedule';

const storageKey = 'communique-course:review';

/** The learner's review schedule, kept in this browser (no account). */
class ReviewStore {
	entries: Record<string, ReviewEntry> = $state({});
	loaded = $state(false);

	load(): void {
		if (!browser || this.loaded) return;
		try {
			const raw = localStorage.getItem(storageKey);
			const parsed = raw ? JSON.parse(raw) : null;
			this.entries = parsed?.version === 1 && parsed.entries ? parsed.entries : {};
		} catch {
			this.entries = {};
		}
		this.loaded = true;
	}

	record(questionId: string, score: number, outcome: Outcome, now = new Date()): void {
		this.load();
		const card = review(this.entries[questionId]?.card, now, outcome);
		this.entries[questionId] = { card, lastScore: score, lastAnswered: now.toISOString() };
		this.save();
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
		this.save();
	}

	/** Replaces progress with a file's, or changes nothing and says why. */
	importText(text: string, known: Set<string>, retired?: RetiredQuestions): string | null {
		const parsed = parseReviewFile(text, known, retired);
		if (!parsed.ok) return parsed.error;
		this.entries = parsed.file.entries;
		this.save();
		return null;
	}

	reset(): void {
		this.entries = {};
		this.save();
	}

	private save(): void {
		try {
			localStorage.setItem(storageKey, JSON.stringify({ version: 1, entries: this.entries }));
		} catch {
			// storage blocked or full: keep this visit's progress in memory
		}
	}
}

export const reviews = new ReviewStore();
