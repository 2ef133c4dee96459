// Every refusal the API makes: the status, and an `error` message that names what was wrong.
// Each refused write is also checked against the database: it must have stored nothing.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankQuestion, rightResponse } from '../support/bank';
import type { DatabaseProbe } from '../support/db-counts';
import {
	baseUrl,
	create,
	ownServer,
	postJson,
	probe,
	request,
	results,
	shownId,
	sleep,
	submit,
	submitRaw,
	unknownCode,
	view,
	type Created
} from './helpers';

const q = bankQuestion('rc-single-who-invited');
const valid = { title: 'Errors', questionIds: [q.id] };
/** A token of the right shape that no assignment has. */
const wrongToken = 'x'.repeat(43);

let db: DatabaseProbe;
let assignment: Created;
beforeAll(async () => {
	assignment = await create({ ...valid, attempts: 1 });
	db = probe();
});
afterAll(() => db?.close());

/** Sends the request, expects the status and a JSON `{ error }` matching `names`; nothing stored. */
async function refused(
	send: () => Promise<{ status: number; json: unknown; headers: Headers }>,
	status: number,
	names: RegExp
): Promise<string> {
	const before = await db.counts();
	const r = await send();
	expect(r.status).toBe(status);
	expect(r.headers.get('content-type')).toMatch(/^application\/json/);
	const body = r.json as { error: string };
	expect(Object.keys(body)).toEqual(['error']);
	expect(body.error).toMatch(names);
	expect(await db.counts()).toEqual(before);
	return body.error;
}

const createWith = (body: unknown) => () => postJson('/api/assignments', body);

describe('400: a create request that names the field at fault', () => {
	it('title missing, empty or too long', async () => {
		await refused(createWith({ questionIds: [q.id] }), 400, /^title: is required$/);
		await refused(createWith({ ...valid, title: '   ' }), 400, /^title: must not be empty$/);
		await refused(createWith({ ...valid, title: 7 }), 400, /^title: must be text$/);
		await refused(
			createWith({ ...valid, title: 'x'.repeat(121) }),
			400,
			/^title: must be at most 120 characters$/
		);
	});

	it('attempts outside 1–10 or not whole', async () => {
		await refused(createWith({ ...valid, attempts: 11 }), 400, /^attempts: must be at most 10$/);
		await refused(createWith({ ...valid, attempts: 0 }), 400, /^attempts: must be at least 1$/);
		await refused(
			createWith({ ...valid, attempts: 2.5 }),
			400,
			/^attempts: must be a whole number/
		);
		await refused(
			createWith({ ...valid, attempts: '3' }),
			400,
			/^attempts: must be a whole number/
		);
	});

	it('a dueAt that is not a date, or is in the past', async () => {
		await refused(createWith({ ...valid, dueAt: 'next Friday' }), 400, /^dueAt: must be a date/);
		await refused(
			createWith({ ...valid, dueAt: '2026-02-30T25:99' }),
			400,
			/^dueAt: must be a date/
		);
		await refused(
			createWith({ ...valid, dueAt: '2001-01-01T00:00:00Z' }),
			400,
			/^dueAt: must be in the future/
		);
		await refused(
			createWith({ ...valid, reveal: 'after-due' }),
			400,
			/^reveal: "after-due" needs a due date/
		);
	});

	it('question ids, lessons or commitments that do not exist', async () => {
		await refused(
			createWith({ ...valid, questionIds: [q.id, 'no-such-question'] }),
			400,
			/^questionIds: "no-such-question" is not a question in the bank/
		);
		await refused(
			createWith({ title: 'x', lessons: ['no-such-lesson'] }),
			400,
			/^lessons: "no-such-lesson"/
		);
		await refused(
			createWith({ title: 'x', commitments: ['no-such-commitment'] }),
			400,
			/^commitments: "no-such-commitment"/
		);
		await refused(createWith({ title: 'Nothing chosen' }), 400, /^questionIds: choose at least/);
		await refused(createWith({ ...valid, count: 2 }), 400, /^count: 2 is more than the 1/);
	});

	it('teacher-written questions that are wrong, naming the question and its field', async () => {
		const single = {
			type: 'single',
			prompt: 'Pick one',
			options: [
				{ text: 'A', correct: true },
				{ text: 'B', correct: true }
			]
		};
		await refused(
			createWith({ title: 'x', questions: [single] }),
			400,
			/^questions\[0\]\.options: .*exactly one correct option/
		);
		await refused(
			createWith({ title: 'x', questions: [{ type: 'cloze', text: 'no blank', answers: ['x'] }] }),
			400,
			/^questions\[0\]\.text: .*___/
		);
		await refused(
			createWith({ title: 'x', questions: [{ type: 'essay', prompt: 'Discuss' }] }),
			400,
			/^questions\[0\]\.type/
		);
	});

	it('a field the request does not take', async () => {
		await refused(
			createWith({ ...valid, colour: 'blue' }),
			400,
			/^colour: is not a field this request takes/
		);
	});

	it('a body that is not JSON, not an object, empty, or sent as another content type', async () => {
		await refused(createWith('{"title": "x",'), 400, /^body: not valid JSON/);
		await refused(createWith('[1, 2]'), 400, /^body: must be a JSON object/);
		await refused(createWith('null'), 400, /^body: must be a JSON object/);
		await refused(createWith(''), 400, /^body: empty/);
		for (const type of ['application/xml', 'text/csv'])
			await refused(
				() =>
					request('/api/assignments', {
						method: 'POST',
						headers: { 'content-type': type },
						body: JSON.stringify(valid)
					}),
				400,
				/^body: send JSON with Content-Type: application\/json/
			);
		// text/plain is a form type: from this origin the API refuses it as not JSON…
		await refused(
			() =>
				request('/api/assignments', {
					method: 'POST',
					headers: { 'content-type': 'text/plain', origin: baseUrl() },
					body: JSON.stringify(valid)
				}),
			400,
			/^body: send JSON/
		);
		// …and from anywhere else SvelteKit's CSRF check refuses it before the API sees it.
		const before = await db.counts();
		const foreign = await request('/api/assignments', {
			method: 'POST',
			headers: { 'content-type': 'text/plain', origin: 'https://elsewhere.example' },
			body: JSON.stringify(valid)
		});
		expect(foreign.status).toBe(403);
		expect(await db.counts()).toEqual(before);
	});
});

describe('400: a submission that names the field at fault', () => {
	const send =
		(body: unknown, headers: Record<string, string> = {}) =>
		() =>
			submit(assignment.code, body, headers);

	it('name missing, empty, too long or with control characters', async () => {
		await refused(send({ answers: {} }), 400, /^name: is required$/);
		await refused(send({ name: '  ', answers: {} }), 400, /^name: must not be empty$/);
		await refused(
			send({ name: 'x'.repeat(61), answers: {} }),
			400,
			/^name: must be at most 60 characters$/
		);
		await refused(
			send({ name: 'a\u0000b', answers: {} }),
			400,
			/^name: must not contain control characters$/
		);
	});

	it('answers that are not an object, name no question, or do not fit their question', async () => {
		await refused(send({ name: 'x', answers: 'none' }), 400, /^answers: must be an object/);
		await refused(send({ name: 'x', answers: null }), 400, /^answers: must be an object/);
		await refused(
			send({ name: 'x', answers: { 'own-9': { choice: 'a' } } }),
			400,
			/^answers: "own-9" is not one of your questions/
		);
		// The message names the question as the student was shown it, never by its real id.
		const shown = (await shownId(assignment.code, 'x', q.id))!;
		expect(shown).toMatch(/^q[A-Za-z0-9_-]{12}$/);
		await refused(
			send({ name: 'x', answers: { [q.id]: { choice: 'z' } } }),
			400,
			new RegExp(`^answers\\.${shown}: "choice" "z" is not an option`)
		);
		await refused(
			send({ name: 'x', answers: { [q.id]: { choices: ['a'] } } }),
			400,
			new RegExp(`^answers\\.${shown}: "choice" must be`)
		);
		// A real id is not one of the student's questions.
		await refused(
			() => submitRaw(assignment.code, { name: 'x', answers: { [q.id]: { choice: 'z' } } }),
			400,
			new RegExp(`^answers: "${q.id}" is not one of your questions`)
		);
		await refused(
			send({ name: 'x', answers: {}, score: 100 }),
			400,
			/^score: is not a field this request takes/
		);
	});

	it('a malformed Idempotency-Key', async () => {
		await refused(
			send({ name: 'x', answers: {} }, { 'Idempotency-Key': 'short' }),
			400,
			/^Idempotency-Key: must be 8 to 100/
		);
	});
});

describe('401 and 404: teacher routes', () => {
	it('401 without a Bearer token, for JSON and CSV', async () => {
		for (const path of ['results', 'results.csv']) {
			for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer']) {
				const r = await request(`/api/assignments/${assignment.code}/${path}`, {
					headers: authorization ? { authorization } : {}
				});
				expect(r.status, `${path} with ${authorization}`).toBe(401);
				expect(r.headers.get('www-authenticate')).toBe('Bearer');
				expect(r.json).toEqual({ error: expect.stringMatching(/^Authorization: /) });
			}
		}
	});

	it('404 with the same bytes for a wrong token and for an unknown code', async () => {
		const ok = await results(assignment.code, assignment.teacherToken);
		expect(ok.status).toBe(200);

		const bodies = new Set<string>();
		for (const path of ['results', 'results.csv']) {
			const cases: [string, string][] = [
				[assignment.code, wrongToken],
				[assignment.code, 'not-even-the-shape-of-a-token'],
				[unknownCode, assignment.teacherToken],
				['!!', assignment.teacherToken]
			];
			for (const [code, token] of cases) {
				const r = await request(`/api/assignments/${code}/${path}`, {
					headers: { authorization: `Bearer ${token}` }
				});
				expect(r.status, `${path} ${code} ${token}`).toBe(404);
				bodies.add(r.text);
			}
		}
		expect([...bodies]).toEqual(['{"error":"No assignment for this code and token"}']);
	});

	it('404 for an unknown code, on every student route', async () => {
		for (const code of [unknownCode, 'not-a-code']) {
			const r = await view(code);
			expect(r.status).toBe(404);
			expect(r.json).toEqual({ error: expect.stringMatching(/^code: /) });
			await refused(() => submit(code, { name: 'x', answers: {} }), 404, /^code: /);
		}
		const receipt = await request(`/api/assignments/${assignment.code}/submissions/nope`);
		expect(receipt.status).toBe(404);
		expect(receipt.json).toEqual({ error: expect.stringMatching(/^receipt: /) });
	});
});

describe('409: no attempts left', () => {
	it('refuses a second submission when one attempt is allowed', async () => {
		const first = await submit(assignment.code, { name: 'Once', answers: {} });
		expect(first.status).toBe(201);
		await refused(
			() => submit(assignment.code, { name: 'once', answers: {} }),
			409,
			/^name: "once" has used all 1 attempt$/
		);
	});
});

describe('410: closed or past due', () => {
	const closeRequest = (token: string, origin: string) =>
		fetch(`${baseUrl()}/teach/${token}?/close`, {
			method: 'POST',
			headers: {
				origin,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json'
			},
			body: ''
		});

	it('refuses a cross-site close (403), then closes from the dashboard and refuses with 410', async () => {
		const a = await create({ ...valid, attempts: 3 });
		const answers = { [q.id]: rightResponse(q) };
		const before = await submit(
			a.code,
			{ name: 'Early', answers },
			{ 'Idempotency-Key': 'early-0001' }
		);
		expect(before.status).toBe(201);

		// SvelteKit's CSRF check: a form post from another origin never reaches the action.
		const foreign = await closeRequest(a.teacherToken, 'https://evil.example');
		expect(foreign.status).toBe(403);
		expect(await foreign.text()).toMatch(/Cross-site POST form submissions are forbidden/);
		expect((await view(a.code)).json.status).toBe('open');

		const closed = await closeRequest(a.teacherToken, baseUrl());
		expect(closed.status).toBe(200);
		expect(await closed.json()).toMatchObject({ type: 'success' });
		expect((await view(a.code)).json.status).toBe('closed');
		expect((await results(a.code, a.teacherToken)).json.status).toBe('closed');

		await refused(
			() => submit(a.code, { name: 'Late', answers }),
			410,
			/^This assignment is closed$/
		);
		// A retry of a submission made before closing still gets its receipt.
		const retry = await submit(
			a.code,
			{ name: 'Early', answers },
			{ 'Idempotency-Key': 'early-0001' }
		);
		expect(retry.status).toBe(201);
		expect(retry.json.receipt).toBe(before.json.receipt);
	});

	it('refuses with 410 once the due date has passed', async () => {
		const dueAt = new Date(Date.now() + 2_000).toISOString();
		const a = await create({ ...valid, dueAt });
		const open = await submit(a.code, { name: 'On time', answers: {} });
		expect(open.status).toBe(201);

		await sleep(Date.parse(dueAt) - Date.now() + 300);
		expect((await view(a.code)).json.status).toBe('past-due');
		await refused(
			() => submit(a.code, { name: 'Too late', answers: {} }),
			410,
			/^This assignment is past its due date$/
		);
	});
});

describe('413: a body over 64 KB', () => {
	const big = JSON.stringify({ ...valid, title: 'x'.repeat(70 * 1024) });

	it('refuses a 70 KB create and a 70 KB submission, and stores nothing', async () => {
		expect(big.length).toBeGreaterThan(70 * 1024);
		await refused(createWith(big), 413, /^body: larger than 64 KB$/);
		await refused(
			() => submit(assignment.code, { name: 'Big', answers: { [q.id]: 'x'.repeat(70 * 1024) } }),
			413,
			/^body: larger than 64 KB$/
		);
	});

	it('refuses a 70 KB body sent without Content-Length (chunked) with 413 too', async () => {
		const before = await db.counts();
		const bytes = new TextEncoder().encode(big);
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
				controller.close();
			}
		});
		let status: number | string;
		let text = '';
		try {
			const r = await fetch(`${baseUrl()}/api/assignments`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
				duplex: 'half'
			} as RequestInit);
			status = r.status;
			text = await r.text();
		} catch (e) {
			const cause = (e as Error & { cause?: { code?: string } }).cause;
			status = `no response (${cause?.code ?? (e as Error).message})`;
		}
		expect(await db.counts()).toEqual(before);
		expect(status, 'the server should answer 413, not drop the connection').toBe(413);
		expect(JSON.parse(text)).toEqual({ error: 'body: larger than 64 KB' });
	});
});

describe('413 on a kept-alive connection', () => {
	/**
	 * Two requests, one after the other, on one TCP connection: fetch would hide which socket it
	 * uses (and retries some requests on a fresh one), so this speaks HTTP/1.1 over a socket.
	 */
	async function twoRequestsOnOneConnection(first: string, second: string) {
		const { hostname, port, host } = new URL(baseUrl());
		const socket = connect(Number(port), hostname);
		socket.on('error', () => {});
		let received = '';
		let closed = false;
		socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
		socket.on('close', () => (closed = true));
		const post = (body: string) =>
			`POST /api/assignments HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
		/** The next whole response after `from`, or null once the connection closes or time is up. */
		const response = async (from: number, ms: number) => {
			const deadline = Date.now() + ms;
			for (;;) {
				const text = received.slice(from);
				const end = text.indexOf('\r\n\r\n');
				if (end >= 0) {
					const length = Number(/\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
					if (text.length >= end + 4 + length)
						return {
							status: Number(text.split(' ')[1]),
							connection: /\r\nconnection: *(\S+)/i.exec(text.slice(0, end))?.[1] ?? '',
							size: end + 4 + length
						};
				}
				if (closed || Date.now() > deadline) return null;
				await sleep(20);
			}
		};
		try {
			await new Promise((resolve) => socket.once('connect', resolve));
			socket.write(post(first));
			const one = await response(0, 5_000);
			if (!one || one.connection.toLowerCase() === 'close') return { one, two: null, closed };
			socket.write(post(second));
			const two = await response(one.size, 3_000);
			return { one, two, closed };
		} finally {
			socket.destroy();
		}
	}

	it('answers the next request on the connection after refusing a 256 KB body (or closes it)', async () => {
		const before = await db.counts();
		const big = JSON.stringify({ ...valid, title: 'x'.repeat(256 * 1024) });
		const { one, two } = await twoRequestsOnOneConnection(big, '{}');
		expect(one?.status).toBe(413);
		if (one?.connection.toLowerCase() !== 'close')
			expect(
				two?.status,
				`413 said "Connection: ${one?.connection}", but the next request on it got no answer`
			).toBe(400);
		expect(await db.counts()).toEqual(before);
	});
});

describe('security headers', () => {
	const common = (h: Headers) => {
		expect(h.get('x-content-type-options')).toBe('nosniff');
		expect(h.get('referrer-policy')).toBe('same-origin');
		expect(h.get('x-frame-options')).toBe('DENY');
	};
	/** The policy from the header and any <meta http-equiv>, joined. */
	const policy = (h: Headers, html: string) =>
		[
			h.get('content-security-policy') ?? '',
			...[...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)].map(
				(m) => m[1]
			)
		].join('; ');

	it('are on API answers, refusals included', async () => {
		for (const r of [
			await view(assignment.code),
			await view(unknownCode),
			await postJson('/api/assignments', '{')
		])
			common(r.headers);
	});

	it('are on the prerendered /join page, with a CSP as header or meta', async () => {
		const r = await request('/join');
		expect(r.status).toBe(200);
		common(r.headers);
		const csp = policy(r.headers, r.text);
		expect(csp).toMatch(/default-src 'self'/);
		expect(csp).toMatch(/script-src 'self'/);
		expect(csp).toMatch(/object-src 'none'/);
		expect(csp).toMatch(/frame-ancestors 'none'/);
	});

	it('are on server-rendered pages (/a/<code>, /teach/<token>), frame-ancestors included', async () => {
		for (const path of [`/a/${assignment.code}`, `/teach/${assignment.teacherToken}`]) {
			const r = await request(path);
			expect(r.status, path).toBe(200);
			common(r.headers);
			expect(r.headers.get('cache-control'), path).toBe('no-store');
			const csp = policy(r.headers, r.text);
			expect(csp, path).toMatch(/script-src 'self'/);
			// svelte.config.js: "frame-ancestors … is sent as a header by scripts/serve.js"
			expect(csp, `${path}: CSP frame-ancestors`).toMatch(/frame-ancestors 'none'/);
		}
	});
});

describe('429: rate limits at their defaults', () => {
	const server = ownServer({ env: { RATE_LIMIT_SCALE: undefined } });

	it('stops a client after 20 wrong teacher tokens, with Retry-After, but never the right token', async () => {
		const base = server().baseUrl;
		const a = await create(valid, base);
		const path = `/api/assignments/${a.code}/results`;
		const statuses: number[] = [];
		for (let i = 0; i < 20; i++) {
			const r = await request(path, { headers: { authorization: `Bearer ${wrongToken}` } }, base);
			statuses.push(r.status);
		}
		expect(statuses).toEqual(Array(20).fill(404));

		const wrong = await request(path, { headers: { authorization: `Bearer ${wrongToken}` } }, base);
		expect(wrong.status).toBe(429);
		const retry = Number(wrong.headers.get('retry-after'));
		expect(retry).toBeGreaterThanOrEqual(1);
		expect(retry).toBeLessThanOrEqual(60);
		expect(wrong.json).toEqual({ error: expect.stringMatching(/^Too many requests/) });

		// Others' guesses from the same address (a class behind one NAT) never lock the teacher out.
		const right = await request(
			path,
			{ headers: { authorization: `Bearer ${a.teacherToken}` } },
			base
		);
		expect(right.status, right.text).toBe(200);
		expect(right.json.code).toBe(a.code);

		// …and the right token does not reset the count for the wrong ones.
		const again = await request(path, { headers: { authorization: `Bearer ${wrongToken}` } }, base);
		expect(again.status).toBe(429);
	});

	it('stops a client after 30 creates a minute', async () => {
		const base = server().baseUrl;
		// One create was made above; the limit counts refused requests as well.
		const statuses: number[] = [];
		for (let i = 0; i < 30; i++)
			statuses.push((await postJson('/api/assignments', {}, {}, base)).status);
		expect(statuses.slice(0, 29)).toEqual(Array(29).fill(400));
		expect(statuses[29]).toBe(429);
	});
});
