// Several app processes, one truth (issue 13): two processes on one PostgreSQL database, each
// asked directly. Runs with the PostgreSQL API tests (tests/api/vitest.postgres.config.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bankQuestion, rightResponse } from '../support/bank';
import { startServer, type RunningServer } from '../support/server-process';
import {
	allSubmissions,
	create,
	freshDatabase,
	nodeUrls,
	request,
	results,
	submit,
	view,
	type Receipt
} from './helpers';

const q = bankQuestion('rc-single-who-invited');
let a: string;
let b: string;
beforeAll(() => {
	[a, b] = nodeUrls();
	expect(nodeUrls()).toHaveLength(2);
});

describe('two app processes on one PostgreSQL database', () => {
	it('serves an assignment created on one from the other', async () => {
		const made = await create({ title: 'Across', questionIds: [q.id] }, a);
		const v = await view(made.code, 'Ann', b);
		expect([v.status, v.json.title]).toEqual([200, 'Across']);
		const r = await submit(
			made.code,
			{ name: 'Ann', answers: { [q.id]: rightResponse(q) } },
			{},
			b
		);
		expect([r.status, r.json.score]).toEqual([201, 1]);
		const back = await request<Receipt>(
			`/api/assignments/${made.code}/submissions/${r.json.receipt}`,
			{},
			a
		);
		expect([back.status, back.json.name]).toEqual([200, 'Ann']);
	});

	it('stores 200 concurrent submissions split across both, each once', async () => {
		const made = await create({ title: 'Split', questionIds: [q.id] }, a);
		const names = Array.from({ length: 200 }, (_, i) => `Split ${i}`);
		const replies = await Promise.all(
			names.map((name, i) =>
				submit(made.code, { name, answers: { [q.id]: rightResponse(q) } }, {}, i % 2 ? a : b)
			)
		);
		expect(replies.filter((r) => r.status !== 201).map((r) => r.text)).toEqual([]);
		const { submissions } = await allSubmissions(made.code, made.teacherToken, b);
		expect(submissions.map((s) => s.name).sort()).toEqual([...names].sort());
		expect(new Set(submissions.map((s) => s.id)).size).toBe(200);
	});

	it('gives the same name submitting on both at once one attempt (attempts: 1)', async () => {
		const made = await create({ title: 'Once', questionIds: [q.id], attempts: 1 }, a);
		for (let round = 0; round < 5; round++) {
			const name = `Twice ${round}`;
			const body = { name, answers: { [q.id]: rightResponse(q) } };
			const replies = await Promise.all([
				submit(made.code, body, {}, a),
				submit(made.code, body, {}, b)
			]);
			expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
		}
		const r = await results(made.code, made.teacherToken, a, { limit: 200 });
		expect(r.json.submissions.map((s) => s.attempt)).toEqual([1, 1, 1, 1, 1]);
	});

	it('sees a close on one at once on the other, and a delete', async () => {
		const made = await create({ title: 'Closing', questionIds: [q.id] }, a);
		// B has read (and cached) the assignment before it closes.
		expect((await view(made.code, 'Bo', b)).json.status).toBe('open');
		const close = await fetch(`${a}/teach/${made.teacherToken}?/close`, {
			method: 'POST',
			headers: { origin: inject('baseUrl'), 'content-type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		expect(close.status).toBe(200);
		expect((await view(made.code, 'Bo', b)).json.status).toBe('closed');
		const late = await submit(made.code, { name: 'Bo', answers: {} }, {}, b);
		expect([late.status, late.json.error]).toEqual([410, 'This assignment is closed']);
		const remove = await fetch(`${b}/teach/${made.teacherToken}?/delete`, {
			method: 'POST',
			headers: {
				origin: inject('baseUrl'),
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: `confirm=${made.code}`,
			redirect: 'manual'
		});
		expect(remove.status).toBe(303);
		expect((await view(made.code, undefined, a)).status).toBe(404);
	});
});

describe('rate limits shared by the processes', () => {
	const running: RunningServer[] = [];
	const drops: (() => Promise<void>)[] = [];
	afterAll(async () => {
		await Promise.all(running.map((s) => s.stop()));
		for (const drop of drops) await drop();
	});

	it('counts wrong codes on both against one limit (30 a minute per address)', async () => {
		const database = await freshDatabase('limits');
		drops.push(database.drop);
		const env = { DATABASE_URL: database.url, RATE_LIMIT_SCALE: undefined };
		const nodes = await Promise.all([startServer({ env }), startServer({ env })]);
		running.push(...nodes);
		const statuses: number[] = [];
		for (let i = 0; i < 32; i++)
			statuses.push(
				(
					await request(
						`/api/assignments/ZZZZZ${'ACDEFGHJKLMNPQRSTUVWXYZ2345679'[i % 30]}`,
						{},
						nodes[i % 2].baseUrl
					)
				).status
			);
		// 30 wrong codes answer 404, split over both; then both refuse the address.
		expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
		expect(statuses.slice(30)).toEqual([429, 429]);
	});
});

describe('readiness when the database is gone', () => {
	const running: RunningServer[] = [];
	afterAll(() => Promise.all(running.map((s) => s.stop('SIGKILL'))));

	it('GET /readyz answers 503 while the database is gone, /healthz still 200', async () => {
		const database = await freshDatabase('ready');
		const node = await startServer({ env: { DATABASE_URL: database.url } });
		running.push(node);
		expect((await request('/readyz', {}, node.baseUrl)).status).toBe(200);
		await database.drop();
		const down = await request('/readyz', {}, node.baseUrl);
		expect(down.status).toBe(503);
		expect(down.text).toMatch(/^not ready: the postgres database does not answer/);
		expect(down.headers.get('retry-after')).toBe('5');
		expect((await request('/healthz', {}, node.baseUrl)).status).toBe(200);
		// A write now is a 503 that says so, not a 500.
		const create = await request(
			'/api/assignments',
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ title: 'Down', lessons: ['reading-a-communique'] })
			},
			node.baseUrl
		);
		expect(create.status).toBe(503);
	});
});
