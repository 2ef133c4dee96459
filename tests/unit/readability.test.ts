import { describe, expect, it } from 'vitest';
import {
	countSyllables,
	fleschKincaidGrade,
	lessonReadingGrade,
	readingProse,
	sentences,
	words
} from '$lib/content/readability';
import { validateCourse } from '$lib/content/validate';
import { readLessonFiles } from './load-files';

describe('countSyllables', () => {
	it.each([
		{ word: 'the', expected: 1 },
		{ word: 'text', expected: 1 },
		{ word: 'treaty', expected: 2 },
		{ word: 'promise', expected: 2 },
		{ word: 'coalition', expected: 3 },
		{ word: 'communique', expected: 4 },
		{ word: 'international', expected: 5 },
		{ word: 'stabilization', expected: 5 },
		{ word: 'ministers', expected: 3 },
		{ word: 'agreed', expected: 2 },
		{ word: '2014', expected: 4 }
	])('$word → $expected', ({ word, expected }) => expect(countSyllables(word)).toBe(expected));
});

describe('words and sentences', () => {
	it.each([
		{ text: 'Daesh/ISIS is one group.', words: 5 },
		{ text: "Iraq's sovereignty, in full.", words: 4 }
	])('words("$text")', ({ text, words: n }) => expect(words(text)).toHaveLength(n));

	it.each([
		{ text: 'One. Two? Three!', expected: ['One.', 'Two?', 'Three!'] },
		{
			text: 'The U.S. Secretary of State spoke. He left.',
			expected: ['The US Secretary of State spoke.', 'He left.']
		},
		{
			text: '## A heading\n\nA paragraph\nover two lines.',
			expected: ['A paragraph over two lines.']
		},
		{ text: '- a list item\n- another', expected: ['a list item', 'another'] },
		{ text: 'He said "stop." Then he left.', expected: ['He said "stop."', 'Then he left.'] }
	])('sentences of $text', ({ text, expected }) => expect(sentences(text)).toEqual(expected));
});

describe('fleschKincaidGrade', () => {
	it.each([
		// 0.39 × 4 + 11.8 × 1 − 15.59
		{ text: 'The cat sat down.', expected: -2.23 },
		// 0.39 × 4 + 11.8 × (13 / 4) − 15.59
		{ text: 'International humanitarian law applies.', expected: 24.32 },
		{ text: '', expected: 0 }
	])('"$text" → $expected', ({ text, expected }) =>
		expect(fleschKincaidGrade(text)).toBeCloseTo(expected, 2)
	);
});

describe('readingProse', () => {
	it('leaves out frontmatter, script, quotes, block quotes and Markdown marks', () => {
		const md = `---\ntitle: T\n---\n<script>\nimport x from 'y';\n</script>\n\n## Heading\n\nThe **text** <Quote id="p1.s1" /> says [this](/read).\n\n> A quoted block.\n`;
		expect(sentences(readingProse(md))).toEqual(['The text says this.']);
	});
});

describe('the lessons', () => {
	const course = validateCourse(readLessonFiles());
	it.each(course.lessons.map((l) => ({ slug: l.slug, grade: l.readingGrade })))(
		'$slug reads at grade $grade: within reach of a clear reader of 15 (at most grade 10)',
		({ grade }) => {
			expect(grade).toBeGreaterThan(2);
			expect(grade).toBeLessThanOrEqual(10);
		}
	);
	it('is the grade of the lesson file', () => {
		const files = readLessonFiles();
		const l = course.lessons[0];
		expect(l.readingGrade).toBe(lessonReadingGrade(files[l.file]));
	});
});
