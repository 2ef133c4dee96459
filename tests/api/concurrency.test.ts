// Many submissions at once: none lost, none doubled, and an idempotency key stores one row
// however many retries race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankQuestion, rightResponse, wrongResponse } from '../support/bank';
import type { DatabaseProbe } from '../support/db-counts';
import { create, probe, request, results, submit, type Receipt } from './helpers';

const q = bankQuestion('rc-single-who-invited');

let db: DatabaseProbe;
beforeAll(async () => {
	await create({ title: 'Warm-up', questionIds: [q.id] });
	db = probe();
});
afterAll(() => db?.close());

describe('concurrent submissions', () => {
	it('stores 200 concurrent submissions from 200 students, each once', async () => {
		const { code, teacherToken } = await create({ title: 'Busy class', questionIds: [q.id] });
		const names = Array.from(
			{ length: 200 },
			(_, i) => `Student ${String(i + 1).padStart(3, '0')}`
		);
		const before = await db.counts();

		const replies = await Promise.all(
			names.map((name, i) =>
				submit(code, {
					name,
					answers: { [q.id]: i % 2 ? rightResponse(q) : wrongResponse(q) }
				})
			)
		);
		const statuses = replies.map((r) => r.status);
		expect(
			statuses.filter((s) => s !== 201),
			replies.find((r) => r.status !== 201)?.text
		).toEqual([]);
		const receipts = replies.map((r) => r.json.receipt);
		expect(new Set(receipts).size).toBe(200);
		expect(replies.map((r) => r.json.name)).toEqual(names);
		expect(replies.every((r) => r.json.attempt === 1)).toBe(true);
		expect((await db.counts()).submissions).toBe(before.submissions + 200);

		// One page of 200, the most a page holds: every submission, and the totals agree.
		const r = await results(code, teacherToken, undefined, { limit: 200 });
		expect(r.status).toBe(200);
		expect(r.json.page).toEqual({ offset: 0, limit: 200, total: 200 });
		expect(r.json.summary).toMatchObject({ submissions: 200, students: 200 });
		expect(r.json.submissions).toHaveLength(200);
		expect(new Set(r.json.submissions.map((s) => s.name))).toEqual(new Set(names));
		expect(r.json.submissions.filter((s) => s.score === 1)).toHaveLength(100);
		expect(r.json.submissions.filter((s) => s.score === 0)).toHaveLength(100);
		expect(replies.map((x) => x.json.score)).toEqual(names.map((_, i) => (i % 2 ? 1 : 0)));

		// Every receipt reads back the submission it was given for.
		const readBack = await Promise.all(
			receipts.map((receipt) => request<Receipt>(`/api/assignments/${code}/submissions/${receipt}`))
		);
		expect(readBack.map((x) => [x.status, x.json.name])).toEqual(names.map((n) => [200, n]));
	});

	it('stores one submission for 50 concurrent retries of the same idempotency key', async () => {
		const { code, teacherToken } = await create({
			title: 'Flaky network',
			questionIds: [q.id],
			attempts: 10
		});
		const before = await db.counts();
		const body = { name: 'Retrier', answers: { [q.id]: rightResponse(q) } };
		const replies = await Promise.all(
			Array.from({ length: 50 }, () => submit(code, body, { 'Idempotency-Key': 'same-key-123' }))
		);
		expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
		expect(new Set(replies.map((r) => r.json.receipt)).size).toBe(1);
		expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
		expect(replies.every((r) => r.json.attempt === 1)).toBe(true);
		expect((await db.counts()).submissions).toBe(before.submissions + 1);

		const r = await results(code, teacherToken);
		expect(r.json.submissions.map((s) => [s.name, s.attempt])).toEqual([['Retrier', 1]]);
	});

	it('keeps attempts exact when one student submits many times at once', async () => {
		const { code, teacherToken } = await create({
			title: 'Impatient student',
			questionIds: [q.id],
			attempts: 10
		});
		const replies = await Promise.all(
			Array.from({ length: 30 }, () => submit(code, { name: 'Dee', answers: {} }))
		);
		const statuses = replies.map((r) => r.status).sort();
		expect(statuses).toEqual([...Array(10).fill(201), ...Array(20).fill(409)]);
		const attempts = replies.filter((r) => r.status === 201).map((r) => r.json.attempt);
		expect(attempts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		const r = await results(code, teacherToken);
		expect(r.json.submissions).toHaveLength(10);
	});
});
