import { afterAll, beforeAll, inject } from 'vitest';
import { startServer, type RunningServer, type StartOptions } from '../support/server-process';
import { createDatabase } from '../support/postgres-cluster.js';
import type { Question } from '../../src/lib/content/types';
import { toQuestion } from '../../src/lib/server/assignments/own-questions';
import type { OwnQuestionInput } from '../../src/lib/assignment/schema';
import { bankQuestions, shownQuestion, toShownAnswers } from '../support/bank';
import { openDatabaseProbe, type DatabaseProbe } from '../support/db-counts';

export const baseUrl = (): string => inject('baseUrl');

export interface Reply<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	text: string;
	/** The parsed body (undefined when it is not JSON); a refusal's is `{ error }`. */
	json: T & { error?: string };
}

async function reply<T>(response: Response): Promise<Reply<T>> {
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: json as T & { error?: string }
	};
}

/** Sends a request to the shared server (or another, given a full URL) and reads the whole reply. */
export async function request<T = Record<string, unknown>>(
	path: string,
	init: RequestInit = {},
	base = baseUrl()
): Promise<Reply<T>> {
	return reply<T>(await fetch(path.startsWith('http') ? path : base + path, init));
}

/** POSTs `body` as JSON (a string is sent as it is). */
export function postJson<T = Record<string, unknown>>(
	path: string,
	body: unknown,
	headers: Record<string, string> = {},
	base = baseUrl()
): Promise<Reply<T>> {
	return request<T>(
		path,
		{
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		},
		base
	);
}

export interface Created {
	code: string;
	teacherToken: string;
	studentUrl: string;
	teacherUrl: string;
}

/** The teacher-written questions of each assignment the tests created, by code. */
const ownQuestions = new Map<string, Question[]>();

/** Creates an assignment and fails loudly unless the server answers 201. */
export async function create(body: Record<string, unknown>, base = baseUrl()): Promise<Created> {
	const r = await postJson<Created>('/api/assignments', body, {}, base);
	if (r.status !== 201) throw new Error(`create answered ${r.status}: ${r.text}`);
	const own = Array.isArray(body.questions) ? (body.questions as OwnQuestionInput[]) : [];
	ownQuestions.set(r.json.code, own.map(toQuestion));
	return r.json;
}

/** A question of an assignment by its real id: a teacher's own, or the bank's. */
export function realQuestion(code: string, id: string): Question | undefined {
	return (
		ownQuestions.get(code.toUpperCase())?.find((q) => q.id === id) ??
		bankQuestions().find((q) => q.id === id)
	);
}

export interface PublicQuestion {
	id: string;
	type: string;
	prompt: string;
	options?: { id: string; text: string }[];
	[key: string]: unknown;
}

export interface StudentView {
	code: string;
	title: string;
	status: string;
	dueAt: string | null;
	attempts: number;
	attemptsUsed: number | null;
	reveal: string;
	questions: PublicQuestion[];
}

export interface Receipt {
	receipt: string;
	name: string;
	attempt: number;
	attempts: number;
	score: number;
	maxScore: number;
	percent: number;
	reveal: string;
	revealAt: string | null;
	results?: { id: string; score: number; correct: boolean }[];
}

export function view(code: string, name?: string, base = baseUrl()) {
	const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
	return request<StudentView>(`/api/assignments/${code}${query}`, {}, base);
}

/**
 * Submits answers keyed by *real* question, option, event and place ids, as the tests know
 * them from the bank: first fetches the student's view and names each answer as the view does
 * (the server disguises ids per student with a secret; see `toShownAnswers`). A body that is
 * not `{ name, answers }`, or whose view cannot be read, is sent as it is.
 */
export async function submit(
	code: string,
	body: unknown,
	headers: Record<string, string> = {},
	base = baseUrl()
) {
	return postJson<Receipt>(
		`/api/assignments/${code}/submissions`,
		await asShown(code, body, base),
		headers,
		base
	);
}

/** Sends the body exactly as given: for tests of what the server does with raw input. */
export function submitRaw(
	code: string,
	body: unknown,
	headers: Record<string, string> = {},
	base = baseUrl()
) {
	return postJson<Receipt>(`/api/assignments/${code}/submissions`, body, headers, base);
}

async function asShown(code: string, body: unknown, base: string): Promise<unknown> {
	if (typeof body !== 'object' || body === null) return body;
	const { name, answers } = body as { name?: unknown; answers?: unknown };
	// A name the URL cannot carry as it is (a lone surrogate) has no view of its own to read.
	if (typeof name !== 'string' || !name.isWellFormed()) return body;
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return body;
	return {
		...body,
		answers: await answersFor(code, name, answers as Record<string, unknown>, base)
	};
}

/**
 * Answers keyed by real question, option, event and place ids, in the ids `name`'s view shows
 * them: for a test that builds its own request. Returned as given when the view cannot be read.
 */
export async function answersFor(
	code: string,
	name: string,
	answers: Record<string, unknown>,
	base = baseUrl()
): Promise<Record<string, unknown>> {
	const v = await view(code, name, base);
	if (v.status !== 200) return answers;
	return toShownAnswers(v.json, answers, (id) => realQuestion(code, id));
}

/** The id a real question (bank or own) has in `name`'s view, or undefined if not shown. */
export async function shownId(
	code: string,
	name: string,
	realId: string,
	base = baseUrl()
): Promise<string | undefined> {
	const real = realQuestion(code, realId);
	const v = await view(code, name, base);
	if (!real || v.status !== 200) return undefined;
	return shownQuestion(v.json, real)?.id;
}

export interface Results {
	code: string;
	status: string;
	questions: { id: string; label: string }[];
	/** One page of submissions (50 unless `limit` says otherwise; see `page`). */
	submissions: {
		id: number;
		name: string;
		attempt: number;
		score: number;
		maxScore: number;
		percent: number;
		scores: Record<string, number>;
	}[];
	items: { id: string; answered: number; facility: number | null }[];
	mastery: {
		rows: { id: string }[];
		columns: { id: string; label: string }[];
		cells: { row: string; column: string; score: number; questions: number }[];
	};
	summary: { submissions: number; students: number; lastId: number; meanPercent: number | null };
	page: { offset: number; limit: number; total: number };
	version: string;
}

/** The teacher's results: one page of submissions (`query`: `{ offset, limit, since }`). */
export function results(
	code: string,
	token: string,
	base = baseUrl(),
	query: Record<string, string | number> = {}
) {
	const search = new URLSearchParams(
		Object.entries(query).map(([k, v]) => [k, String(v)])
	).toString();
	return request<Results>(
		`/api/assignments/${code}/results${search ? `?${search}` : ''}`,
		{ headers: { authorization: `Bearer ${token}` } },
		base
	);
}

/**
 * Every submission of an assignment, read page by page (200 at a time, the most a page holds),
 * with the last page's reply; fails loudly on a refusal or a page that does not add up.
 */
export async function allSubmissions(code: string, token: string, base = baseUrl()) {
	const all: Results['submissions'] = [];
	for (;;) {
		const r = await results(code, token, base, { offset: all.length, limit: 200 });
		if (r.status !== 200) throw new Error(`results answered ${r.status}: ${r.text}`);
		if (r.json.page.offset !== all.length) throw new Error(`page at ${r.json.page.offset}`);
		all.push(...r.json.submissions);
		if (all.length >= r.json.page.total || !r.json.submissions.length) {
			if (all.length !== r.json.page.total)
				throw new Error(`read ${all.length} submissions of ${r.json.page.total}`);
			return { submissions: all, last: r };
		}
	}
}

/** The shared server's database (SQLite read-only, or PostgreSQL). Close it in afterAll. */
export function probe(): DatabaseProbe {
	const databaseUrl = inject('databaseUrl');
	return openDatabaseProbe(databaseUrl ? { databaseUrl } : inject('dataDir'));
}

/**
 * A new, empty PostgreSQL database on the server the run uses, for a test whose processes must
 * not share the suite's rate-limit windows; dropped by `drop()`. Only on PostgreSQL.
 */
export async function freshDatabase(prefix: string) {
	const server = new URL(inject('databaseUrl'));
	server.pathname = '/postgres';
	return createDatabase(server.toString(), prefix);
}

/** Each app process's own address: two on PostgreSQL (the proxy alternates between them). */
export const nodeUrls = (): string[] => inject('nodeUrls');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A join code that no assignment can have: codes are made 6 long, and 8 still parse as one. */
export const unknownCode = 'ACDEFGHJ';

/**
 * A server of the calling `describe` block's own, started before its tests and stopped after
 * them (for tests that need other settings than the shared server's): `server()` returns it.
 */
export function ownServer(options: StartOptions = {}): () => RunningServer {
	let server: RunningServer | undefined;
	beforeAll(async () => {
		server = await startServer(options);
	});
	afterAll(async () => {
		await server?.stop();
	});
	return () => {
		if (!server) throw new Error('The server of this block has not started');
		return server;
	};
}
