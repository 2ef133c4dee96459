// Rate limits (issue 13): fixed windows per client, counted where every process sees them.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCounter, RateLimiter } from '$lib/server/security';

const limiter = (limit: number, windowMs = 60_000, counter = new MemoryCounter()) =>
	new RateLimiter('test', limit, windowMs, () => counter);

afterEach(() => {
	delete process.env.RATE_LIMIT_SCALE;
});

describe('RateLimiter', () => {
	it('lets `limit` requests through in a window, then refuses until it ends', async () => {
		const l = limiter(3, 60_000);
		const t = 1_000_000;
		const taken = [];
		for (let i = 0; i < 4; i++) taken.push((await l.take('1.2.3.4', t + i)).ok);
		expect(taken).toEqual([true, true, true, false]);
		expect(await l.take('1.2.3.4', t + 30_000)).toEqual({ ok: false, retryAfter: 30 });
		// Another address has a window of its own.
		expect((await l.take('5.6.7.8', t + 10)).ok).toBe(true);
		// A new window starts when the old one is over.
		expect(await l.take('1.2.3.4', t + 60_000)).toEqual({ ok: true, retryAfter: 60 });
	});

	it('checks without counting: blocked once the limit is reached', async () => {
		const l = limiter(2);
		const t = 5_000_000;
		expect((await l.check('a', t)).ok).toBe(true);
		await l.take('a', t);
		expect((await l.check('a', t)).ok).toBe(true);
		await l.take('a', t);
		expect(await l.check('a', t + 1000)).toEqual({ ok: false, retryAfter: 59 });
		expect((await l.check('a', t + 60_000)).ok).toBe(true);
	});

	it('shares one count between limiters on the same counter (two processes on one database)', async () => {
		const counter = new MemoryCounter();
		const one = limiter(3, 60_000, counter);
		const other = limiter(3, 60_000, counter);
		const t = 9_000_000;
		expect((await one.take('x', t)).ok).toBe(true);
		expect((await other.take('x', t)).ok).toBe(true);
		expect((await one.take('x', t)).ok).toBe(true);
		expect((await other.take('x', t)).ok).toBe(false);
	});

	it('RATE_LIMIT_SCALE multiplies the limit; nonsense and 0 leave it as it is', () => {
		process.env.RATE_LIMIT_SCALE = '20';
		expect(limiter(30).limit).toBe(600);
		process.env.RATE_LIMIT_SCALE = '0';
		expect(limiter(30).limit).toBe(30);
		process.env.RATE_LIMIT_SCALE = 'lots';
		expect(limiter(30).limit).toBe(30);
	});
});
