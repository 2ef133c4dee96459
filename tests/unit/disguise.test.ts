import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import type { Response } from '$lib/quiz/responses';
import { grade } from '$lib/quiz/grade';
import { Disguise } from '$lib/server/assignments/disguise';
import { opt, questionsOfEachType } from '../fixtures/questions';

const secret = Buffer.alloc(32, 7);
const { ordering, locate, single } = questionsOfEachType({
	single: { id: 'ws-single-x', options: ['a', 'b', 'c', 'd'].map((id) => opt(id, id === 'a')) },
	ordering: { id: 'ord', events: ['mosul-falls-2014', 'raqqa-liberated-2017', 'baghuz-2019'] },
	locate: {
		id: 'ws-locate-ndjamena',
		region: 'west-africa-sahel',
		answer: 'ndjamena',
		options: [
			{ place: 'ndjamena', feedback: 'y' },
			{ place: 'niamey', feedback: 'n' }
		]
	}
});

describe('Disguise (issue 10.2)', () => {
	const d = new Disguise(secret, '1:ACDEFG:ann');

	it('gives ids that hold nothing of the real ones, the same on every call', () => {
		const shown = d.question(single);
		expect(shown.id).toMatch(/^q[A-Za-z0-9_-]{12}$/);
		expect(shown.id).not.toContain('single');
		expect(new Disguise(secret, '1:ACDEFG:ann').question(single)).toEqual(shown);
		if (shown.type !== 'single') throw new Error();
		expect(shown.options.map((o) => o.id).every((id) => /^o[A-Za-z0-9_-]{12}$/.test(id))).toBe(
			true
		);
		expect(d.question(locate).id).not.toMatch(/ndjamena/);
	});

	it('another student, another assignment or another secret gets other ids', () => {
		const id = d.question(single).id;
		expect(new Disguise(secret, '1:ACDEFG:bo').question(single).id).not.toBe(id);
		expect(new Disguise(secret, '2:ACDEFG:ann').question(single).id).not.toBe(id);
		expect(new Disguise(Buffer.alloc(32, 8), '1:ACDEFG:ann').question(single).id).not.toBe(id);
	});

	it.each([
		{ q: single, r: { type: 'single', choice: 'a' } },
		{ q: single, r: { type: 'multiple', choices: ['a', 'c'] } },
		{
			q: ordering,
			r: { type: 'ordering', order: ['baghuz-2019', 'mosul-falls-2014', 'raqqa-liberated-2017'] }
		},
		{ q: locate, r: { type: 'locate', place: 'niamey' } }
	] as { q: Question; r: Response }[])(
		'maps a $r.type response there and back, and grades it the same',
		({ q, r }) => {
			const shown = d.shownResponse(q, r);
			expect(JSON.stringify(shown)).not.toMatch(/mosul|niamey|"a"/);
			expect(d.realResponse(q, shown)).toEqual(r);
			if (r.type !== 'multiple')
				expect(grade(d.question(q), shown)).toMatchObject({ score: grade(q, r).score });
		}
	);

	it('shows ordering events out of the right order, and an order no public seed predicts', () => {
		const shown = d.publicQuestion(ordering, true);
		if (shown.type !== 'ordering') throw new Error();
		const inIds = d.question(ordering);
		if (inIds.type !== 'ordering') throw new Error();
		expect(shown.events).not.toEqual(inIds.events);
		expect([...shown.events].sort()).toEqual([...inIds.events].sort());
		const orders = new Set(
			Array.from({ length: 30 }, (_, i) => {
				const other = new Disguise(secret, `1:ACDEFG:s${i}`);
				const p = other.publicQuestion(single, true);
				return p.type === 'single' ? p.options.map((o) => o.text).join() : '';
			})
		);
		expect(orders.size).toBeGreaterThan(5);
	});
});

describe('Disguise: its ids are SHA-256 under a per-student HMAC key', () => {
	it('gives the ids SHA-256(HMAC-SHA256(secret, scope) ‖ text) gives, for short and long secrets', () => {
		for (const secret of [Buffer.alloc(32, 7), Buffer.alloc(100, 9), Buffer.from('k')]) {
			const d = new Disguise(secret, '1:ABCDEF:ann');
			const key = createHmac('sha256', secret).update('1:ABCDEF:ann').digest();
			const expected = (text: string) =>
				createHash('sha256').update(key).update(text).digest('base64url');
			expect(d.id('q', 'rc-1')).toBe(`q${expected('q::rc-1').slice(0, 12)}`);
			expect(d.id('o', 'b', 'rc-1')).toBe(`o${expected('o:rc-1:b').slice(0, 12)}`);
			expect(d.rank('x')).toBe(expected('rank:x'));
			// Again, from its cache, and from a second disguise of the same secret.
			expect(d.rank('x')).toBe(expected('rank:x'));
			expect(new Disguise(secret, '1:ABCDEF:ann').rank('y')).toBe(expected('rank:y'));
		}
	});
});
