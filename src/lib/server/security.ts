import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { codeAlphabet, codeLength } from '$lib/assignment/code';
import { db, type RateWindow, type Store } from './db';

export { codeAlphabet, normaliseCode } from '$lib/assignment/code';

/** A new join code from a CSPRNG (6 characters: 148 million codes). */
export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
	return code;
}

/** A teacher token: 256 bits from a CSPRNG, URL-safe. Only its hash is stored. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
	return createHash('sha256').update(token, 'utf8').digest();
}

/** Compares two token hashes in constant time. */
export function sameHash(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A token's shape, checked before any lookup (43 base64url characters). */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Random bytes drawn 4 KB at a time: one system call per 256 receipts, not one each. */
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** An unguessable receipt for a submission (128 bits from the CSPRNG). */
export function newReceipt(): string {
	if (poolOffset + 16 > pool.length) {
		pool = randomBytes(4096);
		poolOffset = 0;
	}
	const bytes = pool.subarray(poolOffset, poolOffset + 16);
	poolOffset += 16;
	return bytes.toString('base64url');
}

/** Where request counts are kept: this process's memory, or the database that all processes share. */
export type RequestCounter = Pick<Store, 'countRequest' | 'requestWindow'>;

/** Counts in this process's memory: right when it is the only process on its database. */
export class MemoryCounter implements RequestCounter {
	private windows = new Map<string, RateWindow>();

	async countRequest(bucket: string, key: string, windowMs: number, now: number) {
		const id = `${bucket}\u0000${key}`;
		const w = this.windows.get(id);
		if (!w || now - w.start >= windowMs) {
			if (this.windows.size > 50_000) this.prune(windowMs, now);
			const fresh = { start: now, count: 1 };
			this.windows.set(id, fresh);
			return { ...fresh };
		}
		w.count += 1;
		return { ...w };
	}

	async requestWindow(bucket: string, key: string, windowMs: number, now: number) {
		const w = this.windows.get(`${bucket}\u0000${key}`);
		return w && now - w.start < windowMs ? { ...w } : undefined;
	}

	private prune(windowMs: number, now: number) {
		for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
	}
}

const memory = new MemoryCounter();

/**
 * The counter every limit uses: the database when several processes serve it (PostgreSQL, or
 * `WORKERS` above 1), so a client cannot multiply its limit by the number of processes; this
 * process's memory when it is the only one on its SQLite file (the laptop), which costs no write.
 */
function sharedCounter(): RequestCounter {
	const store = db();
	return store.shared ? store : memory;
}

/** What a limit says of one request: allowed or not, and the seconds until the window ends. */
export interface RateDecision {
	ok: boolean;
	retryAfter: number;
}

/**
 * A fixed-window rate limit per client address. `RATE_LIMIT_SCALE` multiplies every limit (the
 * load benchmark sets it high; 0 is not allowed).
 */
export class RateLimiter {
	readonly limit: number;

	constructor(
		readonly bucket: string,
		limit: number,
		private windowMs = 60_000,
		private counter: () => RequestCounter = sharedCounter
	) {
		const scale = Number(process.env.RATE_LIMIT_SCALE ?? 1);
		this.limit = Math.max(1, Math.round(limit * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
	}

	private decision(w: RateWindow | undefined, ok: boolean, now: number): RateDecision {
		const end = (w?.start ?? now) + this.windowMs;
		return { ok, retryAfter: Math.max(1, Math.ceil((end - now) / 1000)) };
	}

	/** Counts one request; not ok when the client is over its limit. */
	async take(key: string, now = Date.now()): Promise<RateDecision> {
		const w = await this.counter().countRequest(this.bucket, key, this.windowMs, now);
		return this.decision(w, w.count <= this.limit, now);
	}

	/** Whether the client is already at its limit, without counting a request (ok: not blocked). */
	async check(key: string, now = Date.now()): Promise<RateDecision> {
		const w = await this.counter().requestWindow(this.bucket, key, this.windowMs, now);
		return this.decision(w, !w || w.count < this.limit, now);
	}
}

/**
 * The limits, per client address per minute. A school puts every student behind one address,
 * so what a class does at once — 300 students joining and submitting in a minute — stays far
 * inside them; what guessing needs (many wrong codes or tokens) does not. The per-assignment
 * student cap (default 200, at most 1,000) bounds what one assignment can take.
 */
export const limits = {
	/** Joins and reloads of an assignment that exists (page, questions, receipts). */
	join: new RateLimiter('join', 3000),
	/** Codes that match no assignment: 148 million codes, 30 tries a minute. */
	wrongCode: new RateLimiter('wrong-code', 30),
	/** Submissions (each student has at most 10 attempts). */
	submit: new RateLimiter('submit', 1500),
	create: new RateLimiter('create', 30),
	/** Wrong teacher tokens (256-bit: the limit only keeps the logs quiet). */
	token: new RateLimiter('token', 20)
};
