import * as v from 'valibot';
import { StoredValue, validEntries, validItems } from '$lib/persisted/stored-value';
import type { Response } from '$lib/quiz/responses';

/**
 * What a student's device keeps for one assignment, so they can leave and come back: the name
 * they joined with, the answers of the attempt in progress, the idempotency key that makes a
 * retried submit safe, and the receipts of what they submitted.
 */
export interface SavedAssignment {
	name: string;
	answers: Record<string, Response>;
	/** Sent as `Idempotency-Key`: the same until the server confirms the submission. */
	key: string;
	receipts: string[];
}

/**
 * A new idempotency key: 128 random bits, base64url. `crypto.getRandomValues` exists in every
 * context; `crypto.randomUUID` only in secure ones (https, localhost), and a class reaches the
 * teacher's laptop over plain http at its network address.
 */
export function newKey(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** An answer in progress; the server checks it in full against its question on submit. */
const answerInProgress = v.pipe(
	v.looseObject({ type: v.string() }),
	v.transform((response) => response as unknown as Response)
);

/** What a device saved: without a name it is nothing; any other part that is damaged starts afresh. */
const savedSchema = v.object({
	name: v.string(),
	answers: v.fallback(validEntries(answerInProgress), {}),
	key: v.fallback(v.string(), newKey),
	receipts: v.fallback(validItems(v.string()), [])
});

const stored = (code: string) =>
	new StoredValue<SavedAssignment | null>(`course.assignment.${code}.v1`, savedSchema, () => null);

export function loadSaved(code: string): SavedAssignment | null {
	return stored(code).read();
}

/** Storage full or blocked: the answers stay on the page, only resuming is lost. */
export function save(code: string, saved: SavedAssignment): void {
	stored(code).write(saved);
}

export function forgetSaved(code: string): void {
	stored(code).remove();
}
