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

const unreachable = () =>
	new StoreUnavailable(
		503,
		'The server cannot reach its database: nothing was saved. Try again in a moment; your answers are still on this device.',
		5
	);

/** A connection that failed or broke (Node's and the postgres driver's codes). */
const connectionCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE',
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED'
]);

/** PostgreSQL's SQLSTATE codes (five characters) that say the database, not the request, failed. */
function postgresError(code: string): StoreUnavailable | undefined {
	// 08: connection exceptions; 28: refused credentials; 3D000: no such database; 57P01–57P03:
	// shutting down, starting, crashed; 53300: too many connections.
	if (
		code.startsWith('08') ||
		code.startsWith('28') ||
		code === '3D000' ||
		/^57P0[123]$/.test(code) ||
		code === '53300'
	)
		return unreachable();
	if (code === '53100')
		return new StoreUnavailable(
			507,
			'The database server’s disk is full: nothing was saved. Tell your teacher; your answers are still on this device.',
			30
		);
	if (code === '53200' || isConflict(code)) return busy();
	if (code === '25006')
		return new StoreUnavailable(
			503,
			'The server cannot write to its database: nothing was saved. Tell your teacher; your answers are still on this device.',
			30
		);
	return undefined;
}

/** A serialization failure, a deadlock or a lock not available: the same write may succeed next. */
const isConflict = (code: string) => code === '40001' || code === '40P01' || code === '55P03';

/** Whether running the same transaction again may succeed (PostgreSQL). */
export function isRetryable(e: unknown): boolean {
	const code = (e as { code?: unknown })?.code;
	return typeof code === 'string' && isConflict(code);
}

/**
 * Turns the database's error codes (better-sqlite3's `SqliteError.code`, PostgreSQL's SQLSTATE,
 * a broken connection) into a `StoreUnavailable`; any other error is returned as it was.
 */
export function storeError(e: unknown): unknown {
	if (e instanceof StoreUnavailable) return e;
	const code = (e as { code?: unknown })?.code;
	if (typeof code !== 'string') return e;
	if (connectionCodes.has(code)) return unreachable();
	if (/^[0-9A-Z]{5}$/.test(code)) return postgresError(code) ?? e;
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
