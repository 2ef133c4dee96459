// Issue 14, teacher item 2: the questions screen's changes (move, remove, add) on the stored list.
import { describe, expect, it } from 'vitest';
import {
	applyChange,
	parseOp,
	type QuestionChange
} from '../../src/routes/teach/[token]/questions/change';

describe('parseOp', () => {
	it.each([
		{ op: 'up:q-1', expected: { kind: 'up', id: 'q-1' } },
		{ op: 'down:own-2', expected: { kind: 'down', id: 'own-2' } },
		{ op: 'remove:a:b', expected: { kind: 'remove', id: 'a:b' } },
		{ op: 'sideways:q-1', expected: null },
		{ op: 'up:', expected: null },
		{ op: null, expected: null }
	])('$op', ({ op, expected }) => {
		expect(parseOp(op)).toEqual(expected);
	});
});

describe('applyChange', () => {
	const ids = ['a', 'b', 'c'];
	it.each([
		{
			name: 'up swaps with the one before',
			change: { kind: 'up', id: 'b' },
			expected: ['b', 'a', 'c']
		},
		{
			name: 'down swaps with the one after',
			change: { kind: 'down', id: 'b' },
			expected: ['a', 'c', 'b']
		},
		{ name: 'remove drops it', change: { kind: 'remove', id: 'a' }, expected: ['b', 'c'] },
		{
			name: 'add appends, skipping ones already there and repeats',
			change: { kind: 'add', ids: ['d', 'a', 'd', 'e'] },
			expected: ['a', 'b', 'c', 'd', 'e']
		}
	] as { name: string; change: QuestionChange; expected: string[] }[])(
		'$name',
		({ change, expected }) => {
			expect(applyChange(ids, change)).toEqual({ ok: true, ids: expected });
		}
	);

	it.each([
		{ name: 'up on the first', list: ids, change: { kind: 'up', id: 'a' }, says: /already first/ },
		{
			name: 'down on the last',
			list: ids,
			change: { kind: 'down', id: 'c' },
			says: /already last/
		},
		{
			name: 'the last question removed',
			list: ['a'],
			change: { kind: 'remove', id: 'a' },
			says: /at least one/
		},
		{
			name: 'a question no longer there',
			list: ids,
			change: { kind: 'remove', id: 'x' },
			says: /not in the assignment/
		},
		{
			name: 'nothing to add',
			list: ids,
			change: { kind: 'add', ids: ['a'] },
			says: /tick at least one/
		}
	] as { name: string; list: string[]; change: QuestionChange; says: RegExp }[])(
		'refuses $name, naming the questions',
		({ list, change, says }) => {
			const out = applyChange(list, change);
			expect(out.ok).toBe(false);
			expect(!out.ok && out.message).toMatch(/^Questions: /);
			expect(!out.ok && out.message).toMatch(says);
		}
	);

	it('leaves the list it was given as it was', () => {
		const list = ['a', 'b'];
		applyChange(list, { kind: 'down', id: 'a' });
		expect(list).toEqual(['a', 'b']);
	});
});
