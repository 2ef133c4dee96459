import * as v from 'valibot';
import { parseStored, validEntries } from '$lib/persisted/stored-value';

/** The learner's course progress, kept in the browser. Pure helpers; storage is in progress.svelte.ts. */

/** Progress as stored under `communique-course:progress`; a value that is not text is dropped. */
export const progressSchema = v.object({
	version: v.literal(1),
	/** slug → ISO time the lesson was first opened */
	started: validEntries(v.string()),
	/** slug → ISO time the learner marked it done */
	done: validEntries(v.string()),
	/** the lesson opened most recently */
	last: v.fallback(v.nullable(v.string()), null)
});

export type ProgressData = v.InferOutput<typeof progressSchema>;

export type LessonStatus = 'not-started' | 'started' | 'done';

export function emptyProgress(): ProgressData {
	return { version: 1, started: {}, done: {}, last: null };
}

/** Reads stored progress; anything unreadable or foreign counts as no progress rather than a crash. */
export function parseProgress(raw: string | null): ProgressData {
	return parseStored(raw, progressSchema, emptyProgress);
}

export function lessonStatus(progress: ProgressData, slug: string): LessonStatus {
	if (progress.done[slug]) return 'done';
	if (progress.started[slug]) return 'started';
	return 'not-started';
}

/**
 * Where "Continue" should go: the last lesson opened if it is not done yet; otherwise the first
 * lesson in course order that is not done; null once every lesson is done.
 */
export function continueTarget(progress: ProgressData, orderedSlugs: string[]): string | null {
	if (progress.last && orderedSlugs.includes(progress.last) && !progress.done[progress.last])
		return progress.last;
	return orderedSlugs.find((slug) => !progress.done[slug]) ?? null;
}
