// Issue 14, teacher item 3: the class list (parsed by the schema both sides import) and who is
// missing from it; item 2: the dashboard's edit form as the API body.
import { describe, expect, it } from 'vitest';
import { classListSchema, limits, parseWith } from '$lib/assignment/schema';
import { rosterOf } from '$lib/server/assignments/roster';
import { nameKey } from '$lib/server/assignments/names';
import { editBody, editRefusal } from '../../src/routes/teach/[token]/edit-form';

const submitted = (...names: string[]) => names.map((name) => ({ name, nameKey: nameKey(name) }));

describe('rosterOf', () => {
	it.each([
		{
			name: 'no list: nobody missing, nothing flagged',
			list: [],
			done: submitted('Ann'),
			expected: { missing: [], unlisted: [], submitted: 0, keys: [] }
		},
		{
			name: 'names match as attempts do (case, accents, spaces)',
			list: ['Zoë Martin', 'Bo Chen'],
			done: submitted('zoe  martin'),
			expected: {
				missing: ['Bo Chen'],
				unlisted: [],
				submitted: 1,
				keys: ['zoe martin', 'bo chen']
			}
		},
		{
			name: 'a submitted name on no list is flagged',
			list: ['Ann'],
			done: submitted('Ann', 'Stray'),
			expected: { missing: [], unlisted: ['Stray'], submitted: 1, keys: ['ann'] }
		},
		{
			name: 'a name listed twice counts once',
			list: ['Ann', 'ann', 'Bo'],
			done: submitted('Bo'),
			expected: { missing: ['Ann'], unlisted: [], submitted: 1, keys: ['ann', 'bo'] }
		},
		{
			name: 'a Cyrillic look-alike matches the Latin name',
			list: ['Alice'],
			done: submitted('\u0410lice'),
			expected: { missing: [], unlisted: [], submitted: 1, keys: ['alice'] }
		}
	])('$name', ({ list, done, expected }) => {
		expect(rosterOf(list, done)).toEqual({ names: list, ...expected });
	});
});

describe('classListSchema', () => {
	it.each([
		{ name: 'lines, blanks skipped, trimmed', input: ' Ann \r\n\nBo\n', expected: ['Ann', 'Bo'] },
		{ name: 'a list of names (the API)', input: ['Ann', ' Bo'], expected: ['Ann', 'Bo'] },
		{ name: 'empty: no list', input: '', expected: [] }
	])('takes $name', ({ input, expected }) => {
		expect(parseWith(classListSchema, input)).toEqual({ ok: true, value: expected });
	});

	it.each([
		{
			name: 'a line without a letter',
			input: 'Ann\n!!!',
			error: /line 2 \("!!!"\).*letter or digit/
		},
		{ name: 'a name too long', input: 'x'.repeat(limits.name + 1), error: /line 1 .*at most 60/ },
		{
			name: 'too many names',
			input: Array.from({ length: limits.classList.names + 1 }, (_, i) => `N${i}`).join('\n'),
			error: /at most 1000 names/
		},
		{ name: 'not text', input: 42, error: /text \(one name a line\) or a list of names/ }
	])('refuses $name', ({ input, error }) => {
		const r = parseWith(classListSchema, input);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(error);
	});
});

describe('the edit form', () => {
	const form = (fields: Record<string, string>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields)) f.set(k, v);
		return f;
	};
	it.each<{ name: string; fields: Record<string, string>; expected: Record<string, unknown> }>([
		{
			name: 'settings, a zone-less time read as UTC, late work unticked',
			fields: {
				section: 'settings',
				title: 'T',
				due: '2031-05-04T10:30',
				attempts: '2',
				reveal: 'never',
				maxStudents: '30'
			},
			expected: {
				title: 'T',
				dueAt: '2031-05-04T10:30:00Z',
				acceptLate: false,
				attempts: 2,
				reveal: 'never',
				maxStudents: 30
			}
		},
		{
			name: 'an instant sent by the page as it is, late work ticked, no due date',
			fields: {
				section: 'settings',
				title: 'T',
				due: '',
				acceptLate: 'on',
				attempts: '',
				reveal: '',
				maxStudents: '5'
			},
			expected: {
				title: 'T',
				dueAt: null,
				acceptLate: true,
				attempts: NaN,
				reveal: 'immediately',
				maxStudents: 5
			}
		},
		{
			name: 'the class list form sends only the list',
			fields: { section: 'class-list', names: 'Ann\nBo' },
			expected: { classList: 'Ann\nBo' }
		}
	])('$name', ({ fields, expected }) => {
		expect(editBody(form(fields))).toEqual(expected);
	});

	it.each([
		['attempts: must be at most 10', 'settings', 'Attempts: must be at most 10', 'edit-attempts'],
		[
			'maxStudents: must be at least 1',
			'settings',
			'Most students: must be at least 1',
			'edit-max'
		],
		['classList: line 2 ("!"): …', 'class-list', 'Class list: line 2 ("!"): …', 'class-list'],
		['Something else', 'settings', 'Something else', 'edit-error']
	] as const)('says %j in the form’s words', (message, section, words, field) => {
		expect(editRefusal(message, section)).toEqual({ message: words, field });
	});
});
