import { describe, expect, it } from 'vitest';
import { ContentErrors } from '$lib/content/errors';
import { fleschKincaidGrade } from '$lib/content/readability';
import { parseGuideText } from '$lib/content/files/guide-text';
import { guidePath } from '$lib/content/files/guide';
import { validateCourse } from '$lib/content/validate';
import { parseSourceText } from '$lib/content/source-text';
import { matchOrder } from '../../src/routes/teach/guide/match-order';
import { chooseLesson } from '../../src/routes/teach/lesson-choice';
import { fixture, readLessonFiles } from './load-files';

const real = readLessonFiles();
const course = validateCourse(real);
const source = parseSourceText(real['/lessons/source/communique.txt'], 'communique.txt', []);
const sentenceText = new Map<string, string>(
	source.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text]))
);

/** Validates the real course with some files replaced, added or removed; returns the error lines. */
function problemsWith(changes: Record<string, string | undefined>): string[] {
	const files = { ...real, ...changes };
	for (const [k, v] of Object.entries(files)) if (v === undefined) delete files[k];
	try {
		validateCourse(files as Record<string, string>);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentErrors);
		return (error as ContentErrors).errors.map((e) => e.message);
	}
	throw new Error('expected the content to be refused');
}

describe('every lesson has a guide, a worksheet and a key', () => {
	it.each(course.lessons.map((l) => l.slug))('%s', (slug) => {
		const guide = course.guides.find((g) => g.lesson === slug);
		expect(guide, `lessons/guides/${slug}.yaml`).toBeDefined();
		const ws = guide!.worksheet;
		expect(ws.sentences.length).toBeGreaterThan(0);
		expect(ws.questions.length).toBeGreaterThanOrEqual(5);
		expect(ws.questions.length).toBeLessThanOrEqual(8);
		for (const kind of ['short', 'vocabulary', 'evidence'])
			expect(
				ws.questions.some((q) => q.kind === kind),
				`a ${kind} question`
			).toBe(true);
		// The key: every question has its answer (a vocabulary match's answer is its pairs).
		for (const q of ws.questions)
			if (q.kind === 'vocabulary') expect(q.pairs.length).toBeGreaterThanOrEqual(3);
			else expect(q.answer.length, `answer to ${JSON.stringify(q.ask)}`).toBeGreaterThan(0);
		expect(ws.purpose.length).toBeGreaterThan(0);
		expect(guide!.prompts.length).toBeGreaterThanOrEqual(4);
		expect(guide!.plan.full.reduce((n, s) => n + s.minutes, 0)).toBe(45);
		expect(guide!.plan.short.reduce((n, s) => n + s.minutes, 0)).toBe(20);
	});

	it('the guide to the whole text groups and orders every lesson', () => {
		const slugs = course.lessons.map((l) => l.slug).sort();
		expect(course.unitPlan.groups.flatMap((g) => g.lessons).sort()).toEqual(slugs);
		expect([...course.unitPlan.long.lessons].sort()).toEqual(slugs);
		expect(course.unitPlan.short.lessons.length).toBeLessThan(slugs.length);
	});
});

describe('quotes in the guides are verbatim', () => {
	// Read from the files themselves, apart from the validator: every <Quote id phrase> in a guide.
	const quotes = Object.entries(real)
		.filter(([path]) => path.startsWith('/lessons/guides/') || path === '/lessons/unit-plan.yaml')
		.flatMap(([path, raw]) =>
			[
				...raw.replace(/\s*\n\s*/g, ' ').matchAll(/<Quote id="([^"]+)"(?: phrase="([^"]*)")? \/>/g)
			].map(([, id, phrase]) => ({ path, id, phrase }))
		);

	it('finds the quotes', () => expect(quotes.length).toBeGreaterThan(100));

	it.each(quotes.map((q) => [`${q.path} ${q.id} ${q.phrase ?? '(whole sentence)'}`, q] as const))(
		'%s',
		(_, q) => {
			expect(sentenceText.has(q.id)).toBe(true);
			if (q.phrase) expect(sentenceText.get(q.id)).toContain(q.phrase);
		}
	);
});

describe('the guides are refused when broken', () => {
	it('a lesson without a guide fails with the file and the lesson named', () => {
		expect(problemsWith({ [guidePath('west-africa-sahel')]: undefined })).toEqual([
			`/lessons/guides/west-africa-sahel.yaml [west-africa-sahel] file: is missing: lesson "west-africa-sahel" (/lessons/west-africa-sahel.md) needs a teacher's guide with its worksheet and answer key`
		]);
	});

	it('a guide for no lesson is refused', () => {
		const problems = problemsWith({
			'/lessons/guides/no-such-lesson.yaml': real[guidePath('syria')].replace(
				'lesson: syria',
				'lesson: no-such-lesson'
			)
		});
		expect(problems).toContain(
			'/lessons/guides/no-such-lesson.yaml [no-such-lesson] file: there is no lesson "no-such-lesson" (lessons/no-such-lesson.md) for this guide'
		);
	});

	it('a missing unit plan is refused', () => {
		expect(problemsWith({ '/lessons/unit-plan.yaml': undefined })).toEqual([
			'/lessons/unit-plan.yaml file: is missing: the guide to the whole text (the unit plan) lives here'
		]);
	});

	const file = guidePath('detainees-and-families');
	const problems = problemsWith({ [file]: fixture('guide-bad.yaml') });
	const at = `${file} [detainees-and-families]`;
	it.each([
		[
			'a misquote',
			`${at} summary <Quote id="p8.s1" phrase>: "will hold every trial themselves" is not verbatim in p8.s1`
		],
		['an unknown number', `${at} summary: the number "90,000" is not in the source or facts.yaml`],
		[
			'an unknown date',
			`${at} summary: the date "June 5, 2019" is not a fully checked date in the source or facts.yaml`
		],
		['an unknown term', `${at} terms: "no-such-term" is not a known glossary term`],
		[
			'a full plan that does not add up',
			`${at} plan.full: its steps add up to 30 minutes; they must add up to 45`
		],
		[
			'a short plan out of order',
			`${at} plan.short: its stages must come in the order warm-up, reading, activity, check`
		],
		[
			'words of the text without <Quote>',
			`${at} prompts[0].strong: "treated appropriately and tried" quotes the communique without <Quote id phrase>`
		],
		[
			'an unknown sentence',
			`${at} prompts[1].sentences: p8.s9 is not a sentence of the communique`
		],
		[
			'an unknown fact',
			`${at} prompts[1].strong <Fact id>: "no-such-fact" is not a known event or fact in lessons/facts.yaml`
		],
		[
			'a whole sentence inside a paragraph',
			`${at} prompts[2].strong: <Quote id="p8.s2" /> must be on a line of its own, with a blank line before and after`
		],
		[
			'a tag guides may not use',
			`${at} prompts[3].strong: <b> is not allowed here (only <Quote>, <Term> and <Fact>)`
		],
		[
			'a worksheet sentence the lesson does not quote',
			`${at} worksheet.sentences: p3.s1 is not a sentence lesson "detainees-and-families" quotes in full`
		],
		[
			'two correct options',
			`${at} worksheet.questions[2].options: exactly one option must be marked correct: true`
		],
		[
			'a true/false without true or false',
			`${at} worksheet.questions[3].isTrue: must be true or false`
		],
		[
			'an unknown kind of question',
			`${at} worksheet.questions[4].kind: "essay" is not one of: short, evidence, vocabulary, choice, truefalse`
		],
		[
			'no vocabulary or evidence question',
			`${at} worksheet.questions: needs at least one question of kind "evidence" (short, evidence and vocabulary)`
		],
		[
			'a worksheet without its own content note',
			`${at} worksheet.contentNote: is missing: the students' worksheet needs its own content note, in words for them`
		],
		[
			'a lesson with a content note, a guide without one',
			`${at} contentNote: is missing: lesson "detainees-and-families" opens with a content note, so its guide, worksheet and key need one too`
		]
	])('%s', (_, line) => expect(problems).toContain(line));
});

describe('guide text', () => {
	it.each([
		{
			raw: 'Plain *words*.',
			expected: [
				{
					kind: 'p',
					parts: [
						{ kind: 'text', text: 'Plain ' },
						{ kind: 'text', text: 'words', em: true },
						{ kind: 'text', text: '.' }
					]
				}
			]
		},
		{ raw: '<Quote id="p1.s1" />', expected: [{ kind: 'quote', id: 'p1.s1' }] },
		{
			raw: 'A\n\n<Fact id="g5-sahel" />',
			expected: [
				{ kind: 'p', parts: [{ kind: 'text', text: 'A' }] },
				{ kind: 'fact', id: 'g5-sahel' }
			]
		},
		{
			raw: 'See <Term id="sahel">the Sahel</Term> and <Quote id="p5.s1" phrase="in particular" />.',
			expected: [
				{
					kind: 'p',
					parts: [
						{ kind: 'text', text: 'See ' },
						{ kind: 'term', id: 'sahel', words: 'the Sahel' },
						{ kind: 'text', text: ' and ' },
						{ kind: 'quote', id: 'p5.s1', phrase: 'in particular' },
						{ kind: 'text', text: '.' }
					]
				}
			]
		}
	])('$raw', ({ raw, expected }) => {
		expect(parseGuideText(raw)).toEqual({ blocks: expected, problems: [] });
	});
});

describe('matchOrder', () => {
	it.each([2, 3, 4, 5, 6])('never leaves a meaning beside its own term (%i pairs)', (n) => {
		for (const seed of ['a', 'b', 'west-africa-sahel:1', 'syria:1', 'x:9']) {
			const order = matchOrder(n, seed);
			expect([...order].sort()).toEqual([...Array(n).keys()]);
			order.forEach((pair, k) => expect(pair).not.toBe(k));
			expect(matchOrder(n, seed)).toEqual(order);
		}
	});
});

describe('worksheets read at grade 10 or below', () => {
	const words = (
		t: { kind: string; parts?: { kind: string; text?: string; words?: string }[] }[]
	) => t.map((b) => (b.parts ?? []).map((p) => p.text ?? p.words ?? '').join('')).join(' ');
	it.each(course.guides.map((g) => g.lesson))('%s', (slug) => {
		const ws = course.guides.find((g) => g.lesson === slug)!.worksheet;
		const student = ws.questions.flatMap((q) => [
			words(q.ask),
			...(q.kind === 'truefalse' ? [words(q.statement)] : []),
			...(q.kind === 'vocabulary' ? q.pairs.map((p) => p.meaning) : [])
		]);
		expect(fleschKincaidGrade(student.join('\n'))).toBeLessThanOrEqual(10);
	});
});

describe('chooseLesson (/teach?lesson=)', () => {
	const data = {
		lessons: [
			{ slug: 'a', title: 'A', order: 1 },
			{ slug: 'b', title: 'B', order: 2 }
		],
		questions: [
			{ id: 'q1', lesson: 'a' },
			{ id: 'q2', lesson: 'b' },
			{ id: 'q3', lesson: 'a' }
		]
	};
	it.each([
		{ slug: null, expected: null },
		{ slug: 'a', expected: { lesson: data.lessons[0], ids: ['q1', 'q3'] } },
		{ slug: 'b', expected: { lesson: data.lessons[1], ids: ['q2'] } },
		{ slug: 'zz', expected: { ids: [], unknown: 'zz' } },
		{ slug: 'x'.repeat(200), expected: { ids: [], unknown: 'x'.repeat(80) } }
	])('$slug', ({ slug, expected }) => expect(chooseLesson(slug, data)).toEqual(expected));
});
