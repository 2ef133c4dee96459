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

const storageKey = (code: string) => `course.assignment.${code}.v1`;

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

export function loadSaved(code: string): SavedAssignment | null {
	try {
		const raw = JSON.parse(localStorage.getItem(storageKey(code)) ?? 'null');
		if (!raw || typeof raw.name !== 'string') return null;
		return {
			name: raw.name,
			answers: raw.answers && typeof raw.answers === 'object' ? raw.answers : {},
			key: typeof raw.key === 'string' ? raw.key : newKey(),
			receipts: Array.isArray(raw.receipts)
				? raw.receipts.filter((r: unknown) => typeof r === 'string')
				: []
		};
	} catch {
		return null;
	}
}

export function save(code: string, saved: SavedAssignment): void {
	try {
		localStorage.setItem(storageKey(code), JSON.stringify(saved));
	} catch {
		// Storage full or blocked: the answers stay on the page, only resuming is lost.
	}
}

export function forgetSaved(code: string): void {
	localStorage.removeItem(storageKey(code));
}
