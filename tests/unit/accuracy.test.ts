import { describe, expect, it } from 'vitest';
import { AllowedClaims, findClaims, lessonProse } from '$lib/content/accuracy';
import { ContentErrors } from '$lib/content/errors';
import { validateCourse } from '$lib/content/validate';
import { readLessonFiles } from './load-files';

describe('findClaims', () => {
	it.each([
		{ text: 'They met on June 4, 2020.', expected: [['day', '2020-06-04']] },
		{ text: 'They met on 4 June 2020.', expected: [['day', '2020-06-04']] },
		{
			text: 'In June 2020 the group had 32 members.',
			expected: [
				['month', '2020-06'],
				['number', '32']
			]
		},
		{ text: 'the April 2 NATO Ministerial', expected: [['day-of-year', '04-02']] },
		{
			text: 'Resolution 2254 of 2015',
			expected: [
				['number', '2254'],
				['year', '2015']
			]
		},
		{
			text: '66,101 people: 46% Iraqi',
			expected: [
				['number', '66101'],
				['number', '46%']
			]
		},
		{
			text: 'more than 7.7 million and nearly eight million',
			expected: [
				['number', 'eight million'],
				['number', '7.7 million']
			]
		},
		{ text: 'paragraphs 2 and 3, sentence 2, Lesson 4, p4.s2, COVID-19', expected: [] },
		{ text: 'ICCPR art. 4, arts. 10 and 14, Common Article 3, article 75', expected: [] },
		{ text: 'Two hosts and three ways', expected: [] }
	])('$text', ({ text, expected }) => {
		const sorted = (list: string[][]) => list.map((c) => c.join(' ')).sort();
		expect(sorted(findClaims(text).map((c) => [c.kind, c.key]))).toEqual(sorted(expected));
	});
});

describe('AllowedClaims', () => {
	const allowed = new AllowedClaims();
	allowed.addText(
		'The Ministers, recalling their statement of February 6, 2019, and the April 2 meeting.'
	);
	allowed.addDate('2020-05-06', false); // a partly checked day: month and year only

	it.each([
		{ text: 'on February 6, 2019', ok: true },
		{ text: 'on 6 February 2019', ok: true },
		{ text: 'on February 7, 2019', ok: false },
		{ text: 'on April 2', ok: true },
		{ text: 'on April 3', ok: false },
		{ text: 'in May 2020', ok: true },
		{ text: 'on 6 May 2020', ok: false },
		{ text: 'in 2019', ok: true },
		{ text: 'in 2018', ok: false },
		{ text: '12 members', ok: false }
	])('$text → $ok', ({ text, ok }) => {
		const problems = findClaims(text).map((c) => allowed.problem(c));
		expect(problems.every((p) => p === null)).toBe(ok);
	});
});

describe('lessonProse', () => {
	it('leaves out frontmatter, script, quotes, facts and list markers, keeping prose and term words', () => {
		const md = `---\norder: 3\n---\n<script>\nimport x from 'y';\n</script>\n1. In 2019 <Quote id="p1.s3" phrase="February 6, 2019" /> <Fact id="x" /> <Term id="t">the Sahel</Term>.`;
		expect(lessonProse(md).replace(/\s+/g, ' ').trim()).toBe('In 2019 the Sahel.');
	});
});

describe('accuracy of the real content', () => {
	it('states no date or number that neither the source nor facts.yaml holds', () => {
		expect(() => validateCourse(readLessonFiles())).not.toThrow();
	});

	it.each([
		{
			name: 'an invented date',
			prose: 'The meeting took place on June 3, 2020.',
			error: 'the date "June 3, 2020"'
		},
		{
			name: 'a partly checked day stated as certain',
			prose: 'The government was approved on 6 May 2020.',
			error: 'the date "6 May 2020"'
		},
		{
			name: 'an invented figure',
			prose: 'About 12,000 fighters were held.',
			error: 'the number "12,000"'
		},
		{
			name: 'words of the text in plain quotation marks',
			prose: 'The text speaks of "security vacuums that Daesh/ISIS may exploit".',
			error:
				'"security vacuums that Daesh/ISIS may exploit" quotes the communique without <Quote id phrase>'
		}
	])('refuses $name in a lesson', ({ prose, error }) => {
		const files = readLessonFiles();
		const path = '/lessons/reading-a-communique.md';
		const broken = {
			...files,
			[path]: files[path].replace(
				'## What is a communique?',
				`## What is a communique?\n\n${prose}`
			)
		};
		try {
			validateCourse(broken);
			throw new Error('expected the content to be refused');
		} catch (e) {
			expect(e).toBeInstanceOf(ContentErrors);
			expect((e as Error).message).toContain(`${path} [reading-a-communique] text: ${error}`);
		}
	});
});
