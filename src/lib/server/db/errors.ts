/**
 * The database could not do what was asked, for a reason that is not the request's fault: it is
 * busy (another process holds the write lock), its disk is full, or it cannot be written. Nothing
 * was stored. The API answers with `status` and `Retry-After`, and says what happened.
 */
export class StoreUnavailable extends Error {
	constructor(
		readonly status: 503 | 507,
		message: string,
		/** Seconds the client should wait before trying again. */
		readonly retryAfter: number
	) {
		super(message);
	}
}

const busy = () =>
	new StoreUnavailable(
		503,
		'The server is busy saving other work: nothing was saved yet. Try again in a moment.',
		2
	);

/**
 * Turns SQLite's error codes (better-sqlite3's `SqliteError.code`) into a `StoreUnavailable`;
 * any other error is returned as it was.
 */
export function storeError(e: unknown): unknown {
	const code = (e as { code?: unknown })?.code;
	if (typeof code !== 'string') return e;
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busy();
	if (code === 'SQLITE_FULL')
		return new StoreUnavailable(
			507,
			'The server’s disk is full: nothing was saved. Tell your teacher; your answers are still on this device.',
			30
		);
	if (
		code.startsWith('SQLITE_READONLY') ||
		code.startsWith('SQLITE_CANTOPEN') ||
		code.startsWith('SQLITE_IOERR') ||
		code === 'SQLITE_PERM'
	)
		return new StoreUnavailable(
			503,
			'The server cannot write to its database: nothing was saved. Tell your teacher; your answers are still on this device.',
			30
		);
	return e;
}

export const isBusy = (e: unknown) =>
	e instanceof StoreUnavailable && e.status === 503 && e.retryAfter === 2;
