import { describe, expect, it } from 'vitest';
import { ContentErrors } from '$lib/content/errors';
import { validateCourse } from '$lib/content/validate';
import { toPublic } from '$lib/quiz/public';
import { readLessonFiles } from './load-files';

const real = readLessonFiles();

function problemsWith(file: string, edit: (text: string) => string): string[] {
	const changed = edit(real[file]);
	expect(changed, 'the edit must change the file').not.toBe(real[file]);
	try {
		validateCourse({ ...real, [file]: changed });
	} catch (e) {
		expect(e).toBeInstanceOf(ContentErrors);
		return (e as ContentErrors).errors.map((x) => x.message);
	}
	return [];
}

describe('sensitive: true and kind: call', () => {
	const course = validateCourse(real);

	it('reads the marks into the course', () => {
		expect(course.glossary.find((t) => t.id === 'detainees')?.sensitive).toBe(true);
		expect(course.glossary.find((t) => t.id === 'sovereignty')?.sensitive).toBeUndefined();
		expect(course.commitments.find((c) => c.id === 'allocate-adequate-resources')?.kind).toBe(
			'call'
		);
		expect(
			course.commitments.find((c) => c.id === 'coalition-proven-cohesive-and-adaptable')
		).toMatchObject({ kind: 'assessment', by: 'the Ministers' });
	});

	it.each([
		{
			name: 'a question marked with something other than true or false',
			file: '/lessons/questions/syria.yaml',
			edit: (t: string) => t.replace(/^(- id: ([a-z0-9-]+)\n)/m, '$1  sensitive: yes\n'),
			expected:
				/^\/lessons\/questions\/syria\.yaml \[[a-z0-9-]+\] sensitive: must be true or false, got string "yes"$/
		},
		{
			name: 'a glossary entry marked with a number',
			file: '/lessons/glossary.yaml',
			edit: (t: string) => t.replace('- id: sovereignty\n', '- id: sovereignty\n  sensitive: 1\n'),
			expected:
				/^\/lessons\/glossary\.yaml \[sovereignty\] sensitive: must be true or false, got number 1$/
		},
		{
			name: 'a commitment item marked with something other than true or false',
			file: '/lessons/commitments.yaml',
			edit: (t: string) =>
				t.replace(
					/(- id: accountability-for-sexual-violence\n[\s\S]*?\n {2})sensitive: true/,
					'$1sensitive: "yes"'
				),
			expected:
				/^\/lessons\/commitments\.yaml \[accountability-for-sexual-violence\] sensitive: must be true or false, got string "yes"$/
		},
		{
			name: 'an unknown kind of item',
			file: '/lessons/commitments.yaml',
			edit: (t: string) =>
				t.replace(/(- id: allocate-adequate-resources\n {2}kind: )call/, '$1calls'),
			expected:
				/^\/lessons\/commitments\.yaml \[allocate-adequate-resources\] kind: "calls" is not one of: .*\bcall\b/
		}
	])('refuses $name, naming file, id and field', ({ file, edit, expected }) => {
		expect(problemsWith(file, edit)).toContainEqual(expect.stringMatching(expected));
	});
});

describe('the answer-free question a student gets', () => {
	const course = validateCourse(real);
	const rank = (key: string) => key;
	it.each([
		{ name: 'a sensitive question says so', sensitive: true, expected: true },
		{ name: 'another question carries no mark at all', sensitive: false, expected: undefined }
	])('$name', ({ sensitive, expected }) => {
		const q = course.questions.find((x) => (x.sensitive === true) === sensitive)!;
		const shown = toPublic(q, rank, false);
		expect(shown.sensitive).toBe(expected);
		expect('sensitive' in shown).toBe(sensitive);
	});
});
