import { inject } from 'vitest';
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

/** Creates an assignment and fails loudly unless the server answers 201. */
export async function create(body: Record<string, unknown>, base = baseUrl()): Promise<Created> {
	const r = await postJson<Created>('/api/assignments', body, {}, base);
	if (r.status !== 201) throw new Error(`create answered ${r.status}: ${r.text}`);
	return r.json;
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

export function submit(
	code: string,
	body: unknown,
	headers: Record<string, string> = {},
	base = baseUrl()
) {
	return postJson<Receipt>(`/api/assignments/${code}/submissions`, body, headers, base);
}

export interface Results {
	code: string;
	status: string;
	questions: { id: string; label: string }[];
	submissions: {
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
}

export function results(code: string, token: string, base = baseUrl()) {
	return request<Results>(
		`/api/assignments/${code}/results`,
		{ headers: { authorization: `Bearer ${token}` } },
		base
	);
}

/** The shared server's database, read-only. Close it in afterAll. */
export function probe(): DatabaseProbe {
	return openDatabaseProbe(inject('dataDir'));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A join code that no assignment can have: codes are made 6 long, and 8 still parse as one. */
export const unknownCode = 'ACDEFGHJ';
