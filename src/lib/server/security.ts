import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { codeAlphabet, codeLength } from '$lib/assignment/code';

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

/**
 * Fixed-window rate limits per client address, in memory (one server process). `RATE_LIMIT_SCALE`
 * multiplies every limit (the load benchmark sets it high; 0 is not allowed).
 */
export class RateLimiter {
	private windows = new Map<string, { start: number; count: number }>();
	readonly limit: number;

	constructor(
		limit: number,
		private windowMs = 60_000
	) {
		const scale = Number(process.env.RATE_LIMIT_SCALE ?? 1);
		this.limit = Math.max(1, Math.round(limit * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
	}

	/** Counts one request; false when the client is over its limit. */
	take(key: string, now = Date.now()): boolean {
		const w = this.windows.get(key);
		if (!w || now - w.start >= this.windowMs) {
			if (this.windows.size > 50_000) this.prune(now);
			this.windows.set(key, { start: now, count: 1 });
			return true;
		}
		w.count += 1;
		return w.count <= this.limit;
	}

	/** Whether the client is already over its limit, without counting a request. */
	blocked(key: string, now = Date.now()): boolean {
		const w = this.windows.get(key);
		return !!w && now - w.start < this.windowMs && w.count >= this.limit;
	}

	/** Seconds until the client's window ends. */
	retryAfter(key: string, now = Date.now()): number {
		const w = this.windows.get(key);
		return w ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 1;
	}

	private prune(now: number) {
		for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
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
	join: new RateLimiter(3000),
	/** Codes that match no assignment: 148 million codes, 30 tries a minute. */
	wrongCode: new RateLimiter(30),
	/** Submissions (each student has at most 10 attempts). */
	submit: new RateLimiter(1500),
	create: new RateLimiter(30),
	/** Wrong teacher tokens (256-bit: the limit only keeps the logs quiet). */
	token: new RateLimiter(20)
};
