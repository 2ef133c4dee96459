import { Persisted } from '$lib/persisted/persisted.svelte';
import { continueTarget, emptyProgress, lessonStatus, progressSchema } from './progress';

/** Reactive progress through the lessons, saved in localStorage (no account). */
class CourseProgress {
	#saved = new Persisted('communique-course:progress', progressSchema, emptyProgress);

	get data() {
		return this.#saved.current;
	}

	/** False until the browser's copy is read: the prerendered page knows nothing of it. */
	get loaded() {
		return this.#saved.loaded;
	}

	load(): void {
		this.#saved.load();
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
		this.#saved.save();
	}

	setDone(slug: string, done: boolean): void {
		this.load();
		if (done) this.data.done[slug] = new Date().toISOString();
		else delete this.data.done[slug];
		this.#saved.save();
	}
}

export const progress = new CourseProgress();
