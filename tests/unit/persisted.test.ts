import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoredValue, validEntries, validItems } from '$lib/persisted/stored-value';
import { review } from '$lib/review/schedule';

// The reactive stores read storage only in the browser.
vi.mock('$app/environment', () => ({ browser: true, building: false, dev: false, version: '' }));

/** localStorage as a Map; `broken` makes every call throw, as a blocked site's storage does. */
class MemoryStorage {
	items = new Map<string, string>();
	broken = false;
	getItem(key: string) {
		if (this.broken) throw new Error('SecurityError');
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.broken) throw new Error('QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		if (this.broken) throw new Error('SecurityError');
		this.items.delete(key);
	}
}

let storage: MemoryStorage;
beforeEach(() => {
	storage = new MemoryStorage();
	vi.stubGlobal('localStorage', storage);
	// Each test gets fresh stores (they are module singletons that read storage once).
	vi.resetModules();
});
afterEach(() => {
	vi.unstubAllGlobals();
});

const stored = (key: string) => JSON.parse(storage.items.get(key) ?? 'null');
const t = '2026-01-01T00:00:00.000Z';

describe('StoredValue', () => {
	const value = new StoredValue('k', v.object({ n: v.number() }), () => ({ n: 0 }));

	it.each([
		{ name: 'nothing stored', raw: undefined, expected: { n: 0 } },
		{ name: 'not JSON', raw: '{oops', expected: { n: 0 } },
		{ name: 'another shape', raw: '{"n":"one"}', expected: { n: 0 } },
		{ name: 'null', raw: 'null', expected: { n: 0 } },
		{ name: 'a valid value', raw: '{"n":3}', expected: { n: 3 } }
	])('reads $name as $expected', ({ raw, expected }) => {
		if (raw !== undefined) storage.items.set('k', raw);
		expect(value.read()).toEqual(expected);
	});

	it('writes JSON under its key, and reads it back', () => {
		expect(value.write({ n: 7 })).toBe(true);
		expect(storage.items.get('k')).toBe('{"n":7}');
		expect(value.read()).toEqual({ n: 7 });
		value.remove();
		expect(storage.items.has('k')).toBe(false);
	});

	it('never throws when storage is blocked or full', () => {
		storage.broken = true;
		expect(value.read()).toEqual({ n: 0 });
		expect(value.write({ n: 1 })).toBe(false);
		expect(() => value.remove()).not.toThrow();
	});

	it('works where there is no storage at all (the server)', () => {
		const none = new StoredValue(
			'k',
			v.number(),
			() => 0,
			() => undefined
		);
		expect(none.read()).toBe(0);
		expect(none.write(1)).toBe(false);
	});

	it.each([
		{
			name: 'validEntries drops the entries that fail, not the object',
			schema: validEntries(v.string()),
			input: { a: 'x', b: 3, c: 'y' },
			expected: { a: 'x', c: 'y' }
		},
		{
			name: 'validItems drops the items that fail, not the list',
			schema: validItems(v.string()),
			input: ['x', null, 'y'],
			expected: ['x', 'y']
		}
	])('$name', ({ schema, input, expected }) => {
		expect(v.parse(schema as v.GenericSchema<unknown, unknown>, input)).toEqual(expected);
	});
});

// What this browser saved before the stores shared one helper, byte for byte as the old code
// wrote it: a learner's saved data must still load, under the same key, in the same shape.
const card = JSON.parse(JSON.stringify(review(undefined, new Date(t), { correct: true })));
const before = {
	progress: {
		key: 'communique-course:progress',
		raw: JSON.stringify({
			version: 1,
			started: { intro: t, syria: t },
			done: { intro: t },
			last: 'syria'
		})
	},
	review: {
		key: 'communique-course:review',
		raw: JSON.stringify({ version: 1, entries: { q1: { card, lastScore: 1, lastAnswered: t } } })
	},
	assignment: {
		key: 'course.assignment.ABCDEF.v1',
		raw: JSON.stringify({
			name: 'Ann',
			answers: { q1: { type: 'single', choice: 'a' }, q2: { type: 'cloze', text: 'consent' } },
			key: 'k-123',
			receipts: ['r1']
		})
	},
	teach: {
		key: 'course.teach.assignments.v1',
		raw: JSON.stringify([{ code: 'ABCDEF', title: 'Week 1', token: 'tok', createdAt: t }])
	}
};

describe('values saved before still load', () => {
	beforeEach(() => {
		for (const { key, raw } of Object.values(before)) storage.items.set(key, raw);
	});

	it('lesson progress', async () => {
		const { progress } = await import('$lib/lesson/progress.svelte');
		progress.load();
		expect(progress.data).toEqual(JSON.parse(before.progress.raw));
		expect(progress.status('intro')).toBe('done');
		expect(progress.continueTarget(['intro', 'syria'])).toBe('syria');
	});

	it('the review schedule', async () => {
		const { reviews } = await import('$lib/review/store.svelte');
		reviews.load();
		expect(reviews.entries).toEqual(JSON.parse(before.review.raw).entries);
	});

	it("a student's saved assignment", async () => {
		const { loadSaved } = await import('$lib/assignment/saved');
		expect(loadSaved('ABCDEF')).toEqual(JSON.parse(before.assignment.raw));
		expect(loadSaved('OTHER1')).toBeNull();
	});

	it("a teacher's remembered assignments", async () => {
		const { loadRemembered } = await import('../../src/routes/teach/remembered');
		expect(loadRemembered()).toEqual(JSON.parse(before.teach.raw));
	});

	it('and are written back under the same keys, in the same shapes', async () => {
		const { progress } = await import('$lib/lesson/progress.svelte');
		const { reviews } = await import('$lib/review/store.svelte');
		const { loadSaved, save } = await import('$lib/assignment/saved');
		const { remember } = await import('../../src/routes/teach/remembered');

		progress.setDone('syria', true);
		const p = stored(before.progress.key);
		expect(Object.keys(p)).toEqual(['version', 'started', 'done', 'last']);
		expect(p).toMatchObject({ version: 1, done: { intro: t }, last: 'syria' });
		expect(Object.keys(p.done)).toEqual(['intro', 'syria']);

		reviews.recordAnswer({ questionId: 'q2', score: 0, correct: false, unsure: false });
		const r = stored(before.review.key);
		expect(Object.keys(r)).toEqual(['version', 'entries']);
		expect(r.entries.q1).toEqual(JSON.parse(before.review.raw).entries.q1);
		expect(Object.keys(r.entries.q2)).toEqual(['card', 'lastScore', 'lastAnswered']);

		save('ABCDEF', { ...loadSaved('ABCDEF')!, receipts: ['r1', 'r2'] });
		expect(stored(before.assignment.key)).toEqual({
			...JSON.parse(before.assignment.raw),
			receipts: ['r1', 'r2']
		});

		remember({ code: 'GHJKLM', title: 'Week 2', token: 'tok2', createdAt: t });
		expect(stored(before.teach.key)).toEqual([
			{ code: 'GHJKLM', title: 'Week 2', token: 'tok2', createdAt: t },
			...JSON.parse(before.teach.raw)
		]);
	});
});

describe('a malformed value falls back to the default', () => {
	it.each([
		{ name: 'lesson progress of another version', key: before.progress.key, raw: '{"version":2}' },
		{ name: 'lesson progress that is not JSON', key: before.progress.key, raw: '{oops' },
		{ name: 'a review schedule that is a string', key: before.review.key, raw: '"nonsense"' },
		{ name: 'a saved assignment with no name', key: before.assignment.key, raw: '{"answers":{}}' },
		{ name: 'remembered assignments that are no list', key: before.teach.key, raw: '{}' }
	])('$name', async ({ key, raw }) => {
		storage.items.set(key, raw);
		const { progress } = await import('$lib/lesson/progress.svelte');
		const { reviews } = await import('$lib/review/store.svelte');
		const { loadSaved } = await import('$lib/assignment/saved');
		const { loadRemembered } = await import('../../src/routes/teach/remembered');
		progress.load();
		reviews.load();
		expect(progress.data).toEqual({ version: 1, started: {}, done: {}, last: null });
		expect(reviews.entries).toEqual({});
		expect(loadSaved('ABCDEF')).toBeNull();
		expect(loadRemembered()).toEqual([]);
	});

	it('a damaged part costs only that part', async () => {
		storage.items.set(
			before.review.key,
			JSON.stringify({
				version: 1,
				entries: { q1: { card, lastScore: 1, lastAnswered: t }, q2: { card: { due: 'soon' } } }
			})
		);
		storage.items.set(
			before.assignment.key,
			JSON.stringify({ name: 'Ann', answers: { q1: 'a' }, key: 5, receipts: ['r1', 2] })
		);
		storage.items.set(
			before.teach.key,
			JSON.stringify([{ code: 'ABCDEF', token: 'tok' }, { code: 'NOTOKN' }])
		);
		const { reviews } = await import('$lib/review/store.svelte');
		const { loadSaved } = await import('$lib/assignment/saved');
		const { loadRemembered } = await import('../../src/routes/teach/remembered');
		reviews.load();
		expect(Object.keys(reviews.entries)).toEqual(['q1']);
		const saved = loadSaved('ABCDEF')!;
		expect(saved).toMatchObject({ name: 'Ann', answers: {}, receipts: ['r1'] });
		expect(saved.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(loadRemembered()).toEqual([{ code: 'ABCDEF', title: '', token: 'tok', createdAt: '' }]);
	});

	it('blocked storage: the stores start empty and keep this visit in memory', async () => {
		storage.broken = true;
		const { progress } = await import('$lib/lesson/progress.svelte');
		const { forgetSaved, save } = await import('$lib/assignment/saved');
		expect(() => progress.visit('intro')).not.toThrow();
		expect(progress.status('intro')).toBe('started');
		expect(() => save('ABCDEF', { name: 'A', answers: {}, key: 'k', receipts: [] })).not.toThrow();
		expect(() => forgetSaved('ABCDEF')).not.toThrow();
	});
});
