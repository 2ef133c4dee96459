import { error, json, type RequestEvent } from '@sveltejs/kit';
import { limits as schemaLimits } from '$lib/assignment/schema';
import { AssignmentError, assignmentForStudent, assignmentForTeacher } from './assignments/service';
import { StoreUnavailable } from './db/errors';
import { limits, normaliseCode, type RateDecision, type RateLimiter } from './security';

/** Decodes strictly: bytes that are not UTF-8 are refused, never stored as U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Checks a request's Content-Type: JSON, in UTF-8 (the only encoding JSON has, RFC 8259). Not
 * JSON at all is a 400 that says what to send; JSON in another charset, or a JSON text sequence
 * (`application/json-seq`), is a 415: the type is understood but not taken.
 */
function checkJsonType(type: string): void {
	const [essence, ...params] = type.split(';').map((p) => p.trim().toLowerCase());
	if (essence === 'application/json-seq')
		throw new AssignmentError(
			415,
			'Content-Type: application/json-seq is not taken; send one JSON object as application/json'
		);
	if (essence !== 'application/json')
		throw new AssignmentError(400, 'body: send JSON with Content-Type: application/json');
	const charset = params
		.find((p) => p.startsWith('charset='))
		?.slice(8)
		.replace(/^"|"$/g, '');
	if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
		throw new AssignmentError(
			415,
			`Content-Type: charset "${charset}" is not taken; send JSON in UTF-8 (charset=utf-8)`
		);
}

/**
 * Reads a JSON body of at most `maxBytes`, counting bytes as they arrive (a client can lie in
 * Content-Length, or send none). Throws an AssignmentError naming what was wrong.
 */
export async function readJson(
	request: Request,
	maxBytes = schemaLimits.bodyBytes
): Promise<unknown> {
	checkJsonType(request.headers.get('content-type') ?? '');
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) throw new AssignmentError(413, tooLarge(maxBytes));
	if (!request.body) throw new AssignmentError(400, 'body: empty; send a JSON object');
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch {
			// The client hung up mid-upload: nothing to answer, nothing stored.
			throw new AssignmentError(400, 'body: the upload was cut off before it ended');
		}
		const { done, value } = chunk;
		if (done) break;
		size += value.byteLength;
		// Stop reading, but do not cancel: that would drop the connection before the 413 is
		// sent. The hook closes the connection after any refused POST (see hooks.server.ts).
		if (size > maxBytes) throw new AssignmentError(413, tooLarge(maxBytes));
		chunks.push(value);
	}
	let text: string;
	try {
		text = utf8.decode(Buffer.concat(chunks));
	} catch {
		throw new AssignmentError(400, 'body: not valid UTF-8 text; send JSON encoded as UTF-8');
	}
	if (!text.trim()) throw new AssignmentError(400, 'body: empty; send a JSON object');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		throw new AssignmentError(400, `body: not valid JSON (${(e as Error).message})`);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new AssignmentError(400, 'body: must be a JSON object');
	return value;
}

const tooLarge = (max: number) => `body: larger than ${Math.round(max / 1024)} KB`;

/** Counts a request against a limit, or refuses it with 429. */
export async function limit(limiter: RateLimiter, event: RequestEvent): Promise<void> {
	const decision = await limiter.take(event.getClientAddress());
	if (!decision.ok) throw rateLimited(decision);
}

export function rateLimited(decision: RateDecision): AssignmentError & { retry: number } {
	const e = new AssignmentError(429, 'Too many requests: wait a minute and try again');
	return Object.assign(e, { retry: decision.retryAfter });
}

/**
 * A JSON response. SvelteKit's `json()` encodes the body twice (once to measure it); this
 * measures the string instead: the submission route answers thousands of these a second.
 */
export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
	const body = JSON.stringify(data);
	const headers = new Headers(init.headers);
	headers.set('content-type', 'application/json');
	headers.set('content-length', String(Buffer.byteLength(body)));
	return new Response(body, { ...init, headers });
}

/** The JSON error every API route answers with: `{ "error": "<what was wrong>" }`. */
export function apiError(e: unknown): Response {
	if (e instanceof AssignmentError) {
		const headers: Record<string, string> = { 'cache-control': 'no-store' };
		if ('retry' in e) headers['retry-after'] = String(e.retry);
		if (e.status === 401) headers['www-authenticate'] = 'Bearer';
		return json({ error: e.message }, { status: e.status, headers });
	}
	if (e instanceof StoreUnavailable)
		return json(
			{ error: e.message },
			{
				status: e.status,
				headers: { 'cache-control': 'no-store', 'retry-after': String(e.retryAfter) }
			}
		);
	console.error(e);
	return json({ error: 'Something went wrong on the server' }, { status: 500 });
}

/** Runs an API handler, turning refusals into JSON errors. */
export async function api(handler: () => Promise<Response> | Response): Promise<Response> {
	try {
		return await handler();
	} catch (e) {
		return apiError(e);
	}
}

/** The teacher token from `Authorization: Bearer <token>`, or a 401. */
export function bearer(request: Request): string {
	const header = request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	if (!match)
		throw new AssignmentError(401, 'Authorization: send the teacher token as "Bearer <token>"');
	return match[1];
}

/**
 * The assignment a teacher token opens. Wrong tokens count against the client's address, so
 * tokens cannot be guessed by trying many; a right token is always served, however many wrong
 * ones others behind the same address (a school's one NAT address) have sent.
 */
export async function teacherAssignment(event: RequestEvent, token: string, code?: string) {
	const key = event.getClientAddress();
	try {
		return await assignmentForTeacher(token, code);
	} catch (e) {
		if (e instanceof AssignmentError && e.status === 404) {
			const decision = await limits.token.take(key);
			if (!decision.ok) throw rateLimited(decision);
		}
		throw e;
	}
}

const noSuchCode = () => new AssignmentError(404, 'code: there is no assignment with this code');

/** A join code from a URL, normalised (case, spaces), or a 404. */
export function studentCode(raw: string): string {
	const code = normaliseCode(raw);
	if (!code) throw noSuchCode();
	return code;
}

/**
 * The assignment for a code a student typed. A code that matches nothing counts against the
 * client's address (codes cannot be guessed by trying many); a right one counts only against
 * a limit wide enough for a whole school behind one address.
 */
export async function studentAssignment(raw: string, event: RequestEvent) {
	const key = event.getClientAddress();
	const wrong = await limits.wrongCode.check(key);
	if (!wrong.ok) throw rateLimited(wrong);
	try {
		const a = await assignmentForStudent(studentCode(raw));
		await limit(limits.join, event);
		return a;
	} catch (e) {
		if (e instanceof AssignmentError && e.status === 404) await limits.wrongCode.take(key);
		throw e;
	}
}

/** A code for a teacher lookup: one that cannot be a code matches nothing (the same 404). */
export function teacherCode(raw: string): string {
	return normaliseCode(raw) ?? '!';
}

/** For the teacher's pages (`/teach/<token>/…`): the assignment, or an error page with the same 404. */
export async function teacherPageAssignment(event: RequestEvent) {
	try {
		return await teacherAssignment(event, event.params.token ?? '');
	} catch (e) {
		if (e instanceof AssignmentError) error(e.status, e.message);
		throw e;
	}
}
