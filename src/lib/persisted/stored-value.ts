import * as v from 'valibot';

/** Where values are kept: the browser's localStorage, or a stand-in in tests. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A schema whose output is `T`, whatever it accepts (it reads parsed JSON). */
export type Schema<T> = v.GenericSchema<unknown, T>;

// localStorage itself can throw when read: Safari in private mode, a blocked site.
const browserStorage = (): KeyValueStorage | undefined => globalThis.localStorage;

/** Stored text read by `schema`: nothing, text that is not JSON, or another shape gives the default. */
export function parseStored<T>(raw: string | null, schema: Schema<T>, fallback: () => T): T {
	if (raw === null) return fallback();
	try {
		const parsed = v.safeParse(schema, JSON.parse(raw));
		return parsed.success ? parsed.output : fallback();
	} catch {
		return fallback();
	}
}

/**
 * One value kept in local storage as JSON under a fixed key, checked by a valibot schema each
 * time it is read. Nothing stored, text that is not JSON, or a value of another shape reads as
 * the default; storage that is blocked or full never throws (the value then lasts this visit).
 * The key and the stored shape are a promise to every learner who saved something: change the
 * schema only in ways that still accept what was written before.
 */
export class StoredValue<T> {
	readonly key: string;
	readonly #schema: Schema<T>;
	readonly #fallback: () => T;
	readonly #storage: () => KeyValueStorage | undefined;

	constructor(
		key: string,
		schema: Schema<T>,
		fallback: () => T,
		storage: () => KeyValueStorage | undefined = browserStorage
	) {
		this.key = key;
		this.#schema = schema;
		this.#fallback = fallback;
		this.#storage = storage;
	}

	read(): T {
		let raw: string | null | undefined;
		try {
			raw = this.#storage()?.getItem(this.key);
		} catch {
			raw = null;
		}
		return parseStored(raw ?? null, this.#schema, this.#fallback);
	}

	/** Saves the value; false when the browser would not keep it (storage full or blocked). */
	write(value: T): boolean {
		try {
			const storage = this.#storage();
			storage?.setItem(this.key, JSON.stringify(value));
			return storage !== undefined;
		} catch {
			return false;
		}
	}

	remove(): void {
		try {
			this.#storage()?.removeItem(this.key);
		} catch {
			// Blocked storage holds nothing to remove.
		}
	}
}

/**
 * An object whose entries are each checked by `entry`: an entry that fails is dropped, not the
 * whole object, so one damaged entry never costs a learner the rest.
 */
export function validEntries<T>(entry: Schema<T>) {
	return v.pipe(
		v.record(v.string(), v.unknown()),
		v.transform((input) => {
			const kept: Record<string, T> = {};
			for (const [key, value] of Object.entries(input)) {
				const parsed = v.safeParse(entry, value);
				if (parsed.success) kept[key] = parsed.output;
			}
			return kept;
		})
	);
}

/** A list whose items are each checked by `item`: an item that fails is dropped. */
export function validItems<T>(item: Schema<T>) {
	return v.pipe(
		v.array(v.unknown()),
		v.transform((input) =>
			input.flatMap((value) => {
				const parsed = v.safeParse(item, value);
				return parsed.success ? [parsed.output] : [];
			})
		)
	);
}
