/** The learner's course progress, kept in the browser. Pure helpers; storage is in progress.svelte.ts. */

export interface ProgressData {
	version: 1;
	/** slug → ISO time the lesson was first opened */
	started: Record<string, string>;
	/** slug → ISO time the learner marked it done */
	done: Record<string, string>;
	/** the lesson opened most recently */
	last: string | null;
}

export type LessonStatus = 'not-started' | 'started' | 'done';

export function emptyProgress(): ProgressData {
	return { version: 1, started: {}, done: {}, last: null };
}

/** Reads stored progress; anything unreadable or foreign counts as no progress rather than a crash. */
export function parseProgress(raw: string | null): ProgressData {
	if (!raw) return emptyProgress();
	try {
		const value = JSON.parse(raw);
		if (value?.version !== 1 || typeof value.started !== 'object' || typeof value.done !== 'object')
			return emptyProgress();
		return {
			version: 1,
			started: stringRecord(value.started),
			done: stringRecord(value.done),
			last: typeof value.last === 'string' ? value.last : null
		};
	} catch {
		return emptyProgress();
	}
}

function stringRecord(value: unknown): Record<string, string> {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
	return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string'));
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
