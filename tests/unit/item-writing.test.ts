import { describe, expect, it } from 'vitest';
import { auditCourse, questionProblems } from '$lib/content/audit';
import {
	absoluteWordCue,
	keyIsLongest,
	keyLongestShare,
	stem,
	stemEchoCue,
	trueShare
} from '$lib/content/item-writing';
import type { Question } from '$lib/content';
import { validateCourse } from '$lib/content/validate';
import { fixture, readLessonFiles } from './load-files';

const real = readLessonFiles();
const opt = (text: string, correct = false) => ({ text, correct });

describe('keyIsLongest', () => {
	it.each([
		{
			name: 'key strictly longest',
			options: [opt('a much longer key', true), opt('short')],
			expected: true
		},
		{
			name: 'a distractor longest',
			options: [opt('key', true), opt('a longer distractor')],
			expected: false
		},
		{
			name: 'a tie at the top says nothing',
			options: [opt('same', true), opt('size')],
			expected: false
		},
		{
			name: 'multiple: the longest is one of the keys',
			options: [opt('short', true), opt('the longest key of all', true), opt('medium one')],
			expected: true
		},
		{
			name: 'spaces around do not count',
			options: [opt(' key  ', true), opt('keys')],
			expected: false
		}
	])('$name', ({ options, expected }) => expect(keyIsLongest(options)).toBe(expected));
});

const single = (id: string, options: { text: string; correct: boolean }[]): Question => ({
	id,
	lesson: 'l',
	bloom: 'remember',
	difficulty: 1,
	prompt: 'Which?',
	sentences: ['p1.s1'],
	quote: 'q',
	commitments: [],
	type: 'single',
	options: options.map((o, i) => ({ ...o, id: String(i), feedback: 'F.' }))
});
const tf = (answer: boolean): Question => ({
	id: `tf-${answer}`,
	lesson: 'l',
	bloom: 'remember',
	difficulty: 1,
	prompt: 'True or false?',
	sentences: ['p1.s1'],
	quote: 'q',
	commitments: [],
	type: 'truefalse',
	statement: 's',
	answer,
	feedback: { correct: 'Y.', incorrect: 'N.' },
	why: 'W.'
});

describe('bank shares', () => {
	it.each([
		{ name: 'no choice questions', bank: [tf(true)], count: 0, total: 0 },
		{
			name: 'one of two keys longest',
			bank: [
				single('a', [opt('the long key', true), opt('short')]),
				single('b', [opt('key', true), opt('long distractor')]),
				tf(false)
			],
			count: 1,
			total: 2
		}
	])('key-longest share: $name', ({ bank, count, total }) => {
		expect(keyLongestShare(bank)).toMatchObject({ count, total });
	});

	it.each([
		{ answers: [], count: 0, total: 0, share: 0 },
		{ answers: [true, false, false, false], count: 1, total: 4, share: 0.25 },
		{ answers: [true, false], count: 1, total: 2, share: 0.5 }
	])('true share of $answers', ({ answers, count, total, share }) => {
		expect(trueShare(answers.map(tf))).toEqual({ count, total, share });
	});
});

describe('absoluteWordCue', () => {
	it.each([
		{
			name: 'only in a wrong option',
			options: [opt('Watchful', true), opt('Only in Iraq')],
			expected: 'only'
		},
		{
			name: 'never in a wrong option',
			options: [opt('Watchful', true), opt('It never acts')],
			expected: 'never'
		},
		{
			name: 'every, everyone, none',
			options: [opt('Some', true), opt('Everyone')],
			expected: 'everyone'
		},
		{
			name: 'the key is worded as strongly',
			options: [opt('Only the Ministers', true), opt('Every member')],
			expected: null
		},
		{
			name: '"all" is allowed (the text uses it)',
			options: [opt('K', true), opt('At all times')],
			expected: null
		},
		{ name: 'no absolute word', options: [opt('K', true), opt('D')], expected: null },
		{
			name: 'a word inside another word',
			options: [opt('K', true), opt('Everlasting, lonely')],
			expected: null
		}
	])('$name', ({ options, expected }) => expect(absoluteWordCue(options)).toBe(expected));
});

describe('stemEchoCue', () => {
	it.each([
		{ word: 'vigilance', expected: 'vigil' },
		{ word: 'vigilant', expected: 'vigil' },
		{ word: 'forces', expected: 'forc' },
		{ word: 'force', expected: 'forc' },
		{ word: "Iraq's", expected: 'iraq' }
	])('stem($word) = $expected', ({ word, expected }) => expect(stem(word)).toBe(expected));

	it.each([
		{
			name: 'only the key repeats a stem word',
			prompt: 'What does the threat call for?',
			options: [opt('A call for vigilance', true), opt('A welcome'), opt('A plan')],
			expected: ['call']
		},
		{
			name: 'a wrong option repeats one too',
			prompt: 'What does the threat call for?',
			options: [opt('A call for vigilance', true), opt('A call to arms')],
			expected: []
		},
		{
			name: 'word forms count as the same word',
			prompt: 'Why must the Coalition stay vigilant?',
			options: [opt('Vigilance protects its success', true), opt('To win votes')],
			expected: ['vigilance']
		},
		{
			name: 'stop words and structural words do not count',
			prompt: 'Which of these does the text say about paragraph 4?',
			options: [opt('The text says this about Syria', true), opt('Nothing')],
			expected: []
		},
		{
			name: 'nobody repeats anything',
			prompt: 'What does "vigilant" mean?',
			options: [opt('Watchful', true), opt('Slow')],
			expected: []
		}
	])('$name', ({ prompt, options, expected }) =>
		expect(stemEchoCue(prompt, options)).toEqual(expected)
	);
});

/** The fixture questions, validated as if they were the Syria lesson's file, and their audit. */
function auditFixture(name: string) {
	const course = validateCourse({
		...real,
		'/lessons/questions/syria.yaml': fixture(name)
	});
	const own = course.questions.filter((q) => q.lesson === 'syria');
	return { own, audit: auditCourse({ ...course, questions: own }) };
}
const problemsOf = (name: string) =>
	auditFixture(name).audit.problems.map((p) => p.message.replace(/^\S+ /, ''));

describe('the item-writing audit, on a fixture that breaks each rule and on its fixed copy', () => {
	const before = problemsOf('item-writing-before.yaml');
	const after = problemsOf('item-writing-after.yaml');

	it.each([
		{ rule: 'key-longest share', line: 'bank: the key is the longest option in 4 of 5 (80%)' },
		{ rule: 'true/false balance', line: 'bank: 0 of 4 (0%) true/false statements are true' },
		{ rule: 'absolute word', line: '[iw-absolute-word] options: a wrong option says "never"' },
		{
			rule: 'stem echo',
			line: '[iw-stem-echo] options: only the key repeats words of the prompt (exploit)'
		},
		{
			rule: 'feedback: lower-case start',
			line: '[iw-feedback] feedback: as shown to a learner, a line begins with a lower-case letter'
		},
		{
			rule: 'feedback: doubled stop',
			line: '[iw-feedback] feedback: as shown to a learner, a line has a doubled full stop'
		},
		{
			rule: 'feedback: lower case after a stop',
			line: '[iw-feedback] feedback: as shown to a learner, a line starts a sentence in lower case'
		},
		{
			rule: 'feedback: no terminal mark',
			line: '[iw-feedback] feedback: as shown to a learner, a line must end with exactly one'
		},
		{ rule: 'Bloom rubric', line: '[iw-bloom-ordering] bloom: "understand" should be "remember"' },
		{ rule: 'sensitivity mark', line: '[iw-sensitive] sensitive: is about detention' }
	])('$rule: fails before, passes after', ({ line }) => {
		expect(
			before.some((p) => p.startsWith(line)),
			before.join('\n')
		).toBe(true);
		expect(
			after.filter((p) => p.startsWith(line.replace(/:.*/, ':'))),
			after.join('\n')
		).toEqual([]);
	});

	it('finds nothing at all in the fixed copy', () => expect(after).toEqual([]));
	it('names the file, the question and the field', () => {
		const { own } = auditFixture('item-writing-before.yaml');
		const q = own.find((x) => x.id === 'iw-sensitive')!;
		expect(questionProblems(q).map((p) => p.message)).toEqual([
			'/lessons/questions/syria.yaml [iw-sensitive] sensitive: is about detention: mark it "sensitive: true" so a content note comes first'
		]);
	});
});

describe('the real question bank and glossary', () => {
	const course = validateCourse(real);
	const audit = auditCourse(course);

	it('has the key as the longest option in at most a third of choice questions', () => {
		expect(audit.keyLongest.share).toBeLessThanOrEqual(1 / 3);
	});
	it('has 40–60% of true/false statements true', () => {
		expect(audit.trueShare.share).toBeGreaterThanOrEqual(0.4);
		expect(audit.trueShare.share).toBeLessThanOrEqual(0.6);
	});
	it('has no item-writing problem', () => {
		expect(audit.problems.map((p) => p.message)).toEqual([]);
	});
});
