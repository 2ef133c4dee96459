import { browser } from '$app/environment';
import { StoredValue, type Schema } from './stored-value';

/**
 * A stored value as reactive state, for what a page shows as it renders (lesson progress, the
 * review schedule). It holds the default until `load()`, which a page calls from an effect: the
 * prerendered page knows nothing of this browser, and the first render must match it. Assigning
 * `current` saves it; after changing it in place, call `save()`.
 */
export class Persisted<T> {
	#value: T = $state()!;
	/** False until the browser's copy is read. */
	loaded = $state(false);
	readonly #stored: StoredValue<T>;

	constructor(key: string, schema: Schema<T>, fallback: () => T) {
		this.#stored = new StoredValue(key, schema, fallback);
		this.#value = fallback();
	}

	get current(): T {
		return this.#value;
	}

	set current(value: T) {
		this.#value = value;
		this.save();
	}

	/** Reads the browser's copy, once; on the server it changes nothing. */
	load(): void {
		if (!browser || this.loaded) return;
		this.#value = this.#stored.read();
		this.loaded = true;
	}

	save(): void {
		this.#stored.write($state.snapshot(this.#value) as T);
	}
}
