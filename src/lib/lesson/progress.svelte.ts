import { browser } from '$app/environment';
import {
	continueTarget,
	emptyProgress,
	lessonStatus,
	parseProgress,
	type ProgressData
} from './progress';

const storageKey = 'communique-course:progress';

/** Reactive progress through the lessons, saved in localStorage (no account). */
class CourseProgress {
	data: ProgressData = $state(emptyProgress());
	/** False until the browser's copy is read: the prerendered page knows nothing of it. */
	loaded = $state(false);

	load(): void {
		if (!browser || this.loaded) return;
		try {
			this.data = parseProgress(localStorage.getItem(storageKey));
		} catch {
			this.data = emptyProgress(); // storage blocked (private mode): progress lasts this visit
		}
		this.loaded = true;
	}

	status(slug: string) {
		return lessonStatus(this.data, slug);
	}

	continueTarget(orderedSlugs: string[]) {
		return continueTarget(this.data, orderedSlugs);
	}

	visit(slug: string): void {
		this.load();
		if (!this.data.started[slug]) this.data.started[slug] = new Date().toISOString();
		this.data.last = slug;
		this.save();
	}

	setDone(slug: string, done: boolean): void {
		this.load();
		if (done) this.data.done[slug] = new Date().toISOString();
		else delete this.data.done[slug];
		this.save();
	}

	private save(): void {
		try {
			localStorage.setItem(storageKey, JSON.stringify(this.data));
		} catch {
			// Storage full or blocked: keep the in-memory progress for this visit.
		}
	}
}

export const progress = new CourseProgress();
