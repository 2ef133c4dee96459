import { describe, expect, it } from 'vitest';
import { ContentErrors } from '$lib/content/errors';
import { validateCourse } from '$lib/content/validate';
import { fixture, readLessonFiles } from './load-files';

const real = readLessonFiles();

/** Validates the real course with some files replaced or added, and returns the error lines. */
function problemsWith(changes: Record<string, string | undefined>): string[] {
	try {
		validateCourse({ ...real, ...changes } as Record<string, string>);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentErrors);
		return (error as ContentErrors).errors.map((e) => e.message);
	}
	throw new Error('expected the content to be refused');
}

describe('validateCourse', () => {
	it('accepts the real course', () => {
		expect(() => validateCourse(real)).not.toThrow();
	});

	it.each([
		{
			name: 'a misquoted phrase names the file, lesson, field and sentence',
			changes: { '/lessons/bad-quote.md': fixture('bad-quote.md') },
			expected: [
				'/lessons/bad-quote.md [bad-quote] <Quote id="p3.s4" phrase>: "at the invitation of the Government of Iraq" is not verbatim in p3.s4'
			]
		},
		{
			name: 'dangling references in a lesson',
			changes: { '/lessons/unknown-refs.md': fixture('unknown-refs.md') },
			expected: [
				'/lessons/unknown-refs.md [unknown-refs] paragraphs: p12 is not a paragraph (p1…p9)',
				'/lessons/unknown-refs.md [unknown-refs] <Quote id>: p4.s9 is not a sentence of the communique',
				'/lessons/unknown-refs.md [unknown-refs] <Term id>: "no-such-term" is not a known glossary term',
				'/lessons/unknown-refs.md [unknown-refs] <Fact id>: "no-such-fact" is not a known event or fact in lessons/facts.yaml'
			]
		},
		{
			name: 'missing and malformed frontmatter',
			changes: { '/lessons/missing-title.md': fixture('missing-title.md') },
			expected: [
				'/lessons/missing-title.md [missing-title] colour: is not a known field',
				'/lessons/missing-title.md [missing-title] title: is missing',
				'/lessons/missing-title.md [missing-title] objectives: must list at least one item',
				'/lessons/missing-title.md [missing-title] minutes: must be at least 1, got 0'
			]
		},
		{
			name: 'a glossary match that is not verbatim, a duplicate id, a dangling see',
			changes: { '/lessons/glossary.yaml': fixture('glossary-bad.yaml') },
			expected: [
				'/lessons/glossary.yaml [daesh] matches[0]: "Daesh/ISIL" is not verbatim in the communique',
				'/lessons/glossary.yaml [daesh] id: is used twice',
				'/lessons/glossary.yaml [daesh] see: "nowhere" is not a known glossary term'
			]
		},
		{
			name: 'impossible dates, unknown lanes and confidence marks, dangling sentence and place ids',
			changes: { '/lessons/facts.yaml': fixture('facts-bad.yaml') },
			expected: [
				'/lessons/facts.yaml [bad-date] date: "2020-13-45" does not fit precision "day"',
				'/lessons/facts.yaml [bad-lane] lane: "Mars" is not one of',
				'/lessons/facts.yaml [bad-lane] confidence: "X" is not one of: V, P, U',
				'/lessons/facts.yaml [bad-lane] sentences: p10.s1 is not a sentence of the communique',
				'/lessons/facts.yaml [bad-lane] places: "atlantis" is not a known place'
			]
		},
		{
			name: 'a missing source file',
			changes: { '/lessons/source/communique.txt': undefined },
			expected: ['/lessons/source/communique.txt file: is missing']
		},
		{
			name: 'an edited sentence id layout (paragraph out of order)',
			changes: {
				'/lessons/source/communique.txt': real['/lessons/source/communique.txt'].replace(
					'[p2]',
					'[p3]'
				)
			},
			expected: ['/lessons/source/communique.txt [p3] line']
		}
	])('$name', ({ changes, expected }) => {
		const problems = problemsWith(changes);
		for (const line of expected) expect(problems.some((p) => p.startsWith(line))).toBe(true);
	});

	// 4 in the lesson, and 3 because a lesson needs a guide and a place in the unit plan.
	it('lists every problem in one message', () => {
		expect(() =>
			validateCourse({ ...real, '/lessons/unknown-refs.md': fixture('unknown-refs.md') })
		).toThrow(/^The course content in lessons\/ has 7 problems:\n {2}- /);
	});
});
