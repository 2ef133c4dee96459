import { claimCheck } from './accuracy';
import { ContentError, ContentErrors } from './errors';
import { checkCommitments, commitmentsPath, readCommitments } from './files/commitments';
import { checkFacts, factsPath, readFacts } from './files/facts';
import { checkGlossary, glossaryPath, readGlossary } from './files/glossary';
import { guidePathPattern, readGuide } from './files/guide';
import { checkGuides } from './files/guide-checks';
import { checkLesson, checkLessonOrder, lessonPathPattern, readLesson } from './files/lesson';
import { placesPath, readPlaces } from './files/places';
import { checkQuestionFiles, checkQuestions } from './files/question-checks';
import { readQuestions } from './files/questions';
import { RefChecker, uniqueIds, type Checks, type Known } from './files/refs';
import { checkRegions, readRegions, regionsPath } from './files/regions';
import { readRetired, retiredPath } from './files/retired';
import { checkUnitPlan, readUnitPlan, unitPlanPath } from './files/unit-plan';
import { tagsNamed } from './files/lesson-markup';
import { parseSourceText } from './files/source';
import { checkRetired } from './retired';
import type { Course, Sentence } from './types';

/** Where each kind of content lives, relative to the project root (as import.meta.glob names it). */
export const contentPaths = {
	source: '/lessons/source/communique.txt',
	glossary: glossaryPath,
	facts: factsPath,
	places: placesPath,
	commitments: commitmentsPath,
	regions: regionsPath,
	lessonPattern: lessonPathPattern
} as const;

/**
 * Validates every file of the course at once and returns the typed course, or throws
 * ContentErrors listing every problem with its file, id and field. Pure: it takes the
 * files' text keyed by path, so tests can hand it fixtures. Each file is read through its
 * schema (files/<file>.ts), then checked against the others.
 */
export function validateCourse(files: Record<string, string>): Course {
	const errors: ContentError[] = [];
	const need = (path: string): string => {
		if (files[path] === undefined) errors.push(new ContentError(path, null, 'file', 'is missing'));
		return files[path] ?? '';
	};
	const byPath = Object.entries(files).sort(([a], [b]) => a.localeCompare(b));

	const source = parseSourceText(need(contentPaths.source), contentPaths.source, errors);
	const sentences = new Map<string, Sentence>(
		source.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s] as const))
	);
	const places = readPlaces(need(placesPath), errors);
	const { events, facts } = readFacts(need(factsPath), errors);
	const glossary = readGlossary(need(glossaryPath), errors);
	const commitments = readCommitments(need(commitmentsPath), errors);
	const retired = readRetired(files[retiredPath], errors);
	const regions = readRegions(need(regionsPath), errors);
	const read = byPath.flatMap(([path, raw]) => {
		const slug = lessonPathPattern.exec(path)?.[1];
		const lesson = slug ? readLesson(path, slug, raw, errors) : null;
		return lesson ? [{ ...lesson, raw }] : [];
	});
	const lessons = read.map((r) => r.lesson).sort((a, b) => a.order - b.order);
	const guides = byPath.flatMap(([path, raw]) =>
		guidePathPattern.test(path) ? (readGuide(path, raw, errors) ?? []) : []
	);
	const unitPlan = readUnitPlan(files[unitPlanPath], errors);
	const readBank = readQuestions(files, errors);
	const questions = readBank.map((r) => r.question);

	const known: Known = {
		sentences,
		paragraphs: source.paragraphs.length,
		placeIds: uniqueIds(places, placesPath, errors),
		factIds: uniqueIds([...events, ...facts], factsPath, errors),
		termIds: uniqueIds(glossary, glossaryPath, errors),
		commitmentIds: uniqueIds(commitments, commitmentsPath, errors),
		places,
		regions
	};
	uniqueIds(regions, regionsPath, errors);
	const claims = claimCheck({ source, sentences, events, facts }, errors);
	const checks: Checks = { known, refs: new RefChecker(sentences, errors), claims, errors };
	checkFacts({ events, facts }, checks);
	checkRetired(
		retired.commitments,
		known.commitmentIds,
		'item of lessons/commitments.yaml',
		errors
	);
	checkCommitments(commitments, checks);
	checkRegions(regions, checks);
	checkGlossary(glossary, checks);
	for (const lesson of read) checkLesson(lesson, checks);
	checkLessonOrder(lessons, errors);
	checkQuestionFiles(files, lessons, errors);
	const bank = { sentences, commitments, events, places, regions, lessons, retired };
	checkQuestions(readBank, bank, checks);
	const questionIds = new Set(questions.map((q) => q.id));
	checkRetired(retired.questions, questionIds, 'question of lessons/questions/', errors);
	const withContentNote = new Set(
		read.filter((r) => tagsNamed(r.markup, 'ContentNote').length).map((r) => r.lesson.slug)
	);
	checkGuides(guides, lessons, files, withContentNote, checks);
	if (unitPlan)
		checkUnitPlan(
			unitPlan,
			lessons.map((l) => l.slug),
			checks
		);

	if (errors.length) throw new ContentErrors(errors);
	return {
		source,
		sentences,
		glossary,
		events,
		facts,
		places,
		commitments,
		regions,
		questions,
		lessons,
		retired,
		guides,
		unitPlan: unitPlan!
	};
}
