import * as v from 'valibot';
import { StoredValue, validItems } from '$lib/persisted/stored-value';

/**
 * The assignments this browser created, so a teacher can find their dashboards again. Kept in
 * localStorage only: the server has no accounts and does not know who the teacher is.
 */
const rememberedSchema = v.object({
	code: v.string(),
	title: v.fallback(v.string(), ''),
	/** The secret in the private dashboard link, `/teach/<token>`. */
	token: v.string(),
	createdAt: v.fallback(v.string(), '')
});

export type Remembered = v.InferOutput<typeof rememberedSchema>;

/** Newest first; an entry without its code and token leads nowhere and is dropped. */
const stored = new StoredValue(
	'course.teach.assignments.v1',
	validItems(rememberedSchema),
	() => []
);

export function loadRemembered(): Remembered[] {
	return stored.read();
}

export function remember(r: Remembered): void {
	stored.write([r, ...loadRemembered().filter((x) => x.code !== r.code)]);
}

export function forget(code: string): void {
	stored.write(loadRemembered().filter((x) => x.code !== code));
}
