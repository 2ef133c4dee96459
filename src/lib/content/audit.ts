/**
 * The item-writing audit of a validated course: rules about how questions and glossary entries are
 * written, not about whether the files are well formed. `npm run content:check` prints the
 * figures and fails on any problem, and so `npm test` and `npm run build` do; the running app
 * does not stop on them (a bank that is being rewritten can still be tried out in the browser).
 */
import { requiredBloom } from './bloom';
import { ContentError } from './errors';
import { feedbackLines, sentenceProblem } from './feedback';
import {
	absoluteWordCue,
	formatShare,
	isChoice,
	keyLongestShare,
	maxKeyLongestShare,
	stemEchoCue,
	trueShare,
	trueShareRange,
	type Share
} from './item-writing';
import { commitmentSubject, glossarySubject, questionSubject, topicsOf } from './sensitivity';
import type { Course, Question } from './types';

export const questionsDir = '/lessons/questions';
const fileOf = (q: Question) => `${questionsDir}/${q.lesson}.yaml`;

export interface LessonFigures {
	slug: string;
	keyLongest: Share;
	trueShare: Share;
	readingGrade: number;
}

export interface Audit {
	keyLongest: Share;
	trueShare: Share;
	lessons: LessonFigures[];
	problems: ContentError[];
}

export function auditCourse(
	course: Pick<Course, 'questions' | 'glossary' | 'lessons'> & Partial<Pick<Course, 'commitments'>>
): Audit {
	const problems: ContentError[] = [];
	const bank = course.questions;
	const keyLongest = keyLongestShare(bank);
	const truth = trueShare(bank);

	if (keyLongest.share > maxKeyLongestShare)
		problems.push(
			new ContentError(
				questionsDir,
				null,
				'bank',
				`the key is the longest option in ${formatShare(keyLongest)} choice questions; at most a third may be`
			)
		);
	const [low, high] = trueShareRange;
	if (truth.total && (truth.share < low || truth.share > high))
		problems.push(
			new ContentError(
				questionsDir,
				null,
				'bank',
				`${formatShare(truth)} true/false statements are true; it must be ${low * 100}–${high * 100}%`
			)
		);

	for (const q of bank) problems.push(...questionProblems(q, course.glossary));
	// A glossary term or a commitment about a sensitive topic must be marked, so a note comes first.
	const unmarked = (file: string, r: { id: string; sensitive?: boolean }, subject: string) => {
		const topics = topicsOf(subject);
		if (topics.length && !r.sensitive)
			problems.push(
				new ContentError(
					file,
					r.id,
					'sensitive',
					`is about ${topics.join(' and ')}: mark it "sensitive: true" so a content note comes first`
				)
			);
	};
	for (const t of course.glossary) unmarked('/lessons/glossary.yaml', t, glossarySubject(t));
	for (const c of course.commitments ?? [])
		unmarked('/lessons/commitments.yaml', c, commitmentSubject(c));

	return {
		keyLongest,
		trueShare: truth,
		lessons: course.lessons.map((l) => {
			const own = bank.filter((q) => q.lesson === l.slug);
			return {
				slug: l.slug,
				keyLongest: keyLongestShare(own),
				trueShare: trueShare(own),
				readingGrade: l.readingGrade
			};
		}),
		problems
	};
}

/** The item-writing problems of one question. */
export function questionProblems(q: Question, glossary: Course['glossary'] = []): ContentError[] {
	const problems: ContentError[] = [];
	const fail = (field: string, problem: string) =>
		problems.push(new ContentError(fileOf(q), q.id, field, problem));

	if (isChoice(q)) {
		const absolute = absoluteWordCue(q.options);
		if (absolute)
			fail(
				'options',
				`a wrong option says "${absolute}" and no key is worded as strongly: the word gives it away`
			);
		const echo = stemEchoCue(q.prompt, q.options);
		if (echo.length)
			fail(
				'options',
				`only the key repeats words of the prompt (${echo.join(', ')}): a wrong option should too, or none`
			);
	}
	for (const line of new Set(feedbackLines(q))) {
		const problem = sentenceProblem(line);
		if (problem) fail('feedback', `as shown to a learner, a line ${problem}`);
	}
	const bloom = requiredBloom(q, glossary);
	if (bloom && q.bloom !== bloom.level)
		fail(
			'bloom',
			`"${q.bloom}" should be "${bloom.level}" (${bloom.reason}; see the README rubric)`
		);
	const topics = topicsOf(questionSubject(q));
	if (topics.length && !q.sensitive)
		fail(
			'sensitive',
			`is about ${topics.join(' and ')}: mark it "sensitive: true" so a content note comes first`
		);
	return problems;
}
