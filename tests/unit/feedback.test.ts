import { describe, expect, it } from 'vitest';
import {
	endSentence,
	feedbackLines,
	rightAnswerLine,
	rightPlaceLine,
	sentenceProblem,
	withoutVerdict
} from '$lib/content/feedback';
import { validateCourse } from '$lib/content/validate';
import { readLessonFiles } from './load-files';

describe('composing feedback from its parts', () => {
	it.each([
		{ name: 'drops "Right."', got: withoutVerdict('Right. It is.'), expected: 'It is.' },
		{
			name: 'drops "Right:" and capitalises',
			got: withoutVerdict('Right: the last one.'),
			expected: 'The last one.'
		},
		{
			name: 'capitalises after a quote',
			got: withoutVerdict('Correct! "sole" means only.'),
			expected: '"Sole" means only.'
		},
		{ name: 'adds a stop to a label', got: endSentence('text b'), expected: 'text b.' },
		{
			name: 'keeps a label that ends a sentence',
			got: endSentence('It is under way.'),
			expected: 'It is under way.'
		},
		{
			name: 'keeps a quoted sentence end',
			got: endSentence('"It remains."'),
			expected: '"It remains."'
		},
		{
			name: 'issue 18: an option ending in a full stop',
			got: rightAnswerLine(
				'A reaffirmation of a fight already under way.',
				'Right. To reaffirm is to say again.'
			),
			expected:
				'The right answer: A reaffirmation of a fight already under way. To reaffirm is to say again.'
		},
		{
			name: 'issue 18: a place feedback starting "Right:"',
			got: rightPlaceLine('Right: the last ISIS-held territory in Syria fell here.'),
			expected:
				'The right place is highlighted on the map. The last ISIS-held territory in Syria fell here.'
		}
	])('$name', ({ got, expected }) => expect(got).toBe(expected));
});

describe('sentenceProblem', () => {
	it.each([
		{ line: 'It is under way.', problem: null },
		{ line: 'The text says "worldwide".', problem: null },
		{ line: 'Is it? Yes.', problem: null },
		{ line: 'A U.S. raid, e.g. in Idlib, came first.', problem: null },
		{ line: 'The raid was by the U.S.', problem: null },
		{ line: 'No. It is not.', problem: null },
		{ line: 'Paragraph 3 (p3.s2) says so.', problem: null },
		{ line: 'It ends "…and more."', problem: null },
		{ line: 'under way.', problem: 'begins with a lower-case letter' },
		{ line: 'It is under way.. To reaffirm is to say again.', problem: 'has a doubled full stop' },
		{
			line: 'On the map. the last ISIS-held territory fell here.',
			problem: 'starts a sentence in lower case'
		},
		{ line: 'It is under way', problem: 'must end with exactly one' },
		{ line: 'Is it?.', problem: 'must end with exactly one' },
		{ line: 'It goes on…', problem: 'must end with exactly one' },
		{ line: '', problem: 'is empty' }
	])('"$line"', ({ line, problem }) => {
		const got = sentenceProblem(line);
		if (problem === null) expect(got).toBeNull();
		else expect(got).toMatch(new RegExp(`^${problem}`));
	});
});

describe('the composed feedback of every bank question', () => {
	const course = validateCourse(readLessonFiles());
	it.each(course.questions.map((q) => ({ id: q.id, q })))('$id reads as sentences', ({ q }) => {
		const problems = feedbackLines(q)
			.map((line) => [line, sentenceProblem(line)])
			.filter(([, p]) => p);
		expect(problems).toEqual([]);
	});
});
