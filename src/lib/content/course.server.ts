import { lessonBody } from './files/lesson';
import { lessonMarkup, tagsNamed } from './files/lesson-markup';
import { validateCourse } from './validate';
import type { QuizData, VizData } from './bundles';
import type { Course, FactCard, Question } from './types';

/**
 * The whole course, read from lessons/ and validated once when this module loads. A broken
 * file throws here, so `npm run build` (which prerenders every page) stops with the message.
 * Server-only (.server.ts): the YAML parser and the validator never reach the browser.
 */
const files = import.meta.glob('/lessons/**/*.{txt,yaml,md}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export const course: Course = validateCourse(files);

/** A fact or an event, as a lesson's callout shows it. */
export function factCard(id: string): FactCard {
	const event = course.events.find((e) => e.id === id);
	if (event) {
		const { title, date, precision, description: text, source, confidence } = event;
		return { id, title, date, precision, text, source, confidence };
	}
	const fact = course.facts.find((f) => f.id === id);
	if (!fact) throw new Error(`No fact or event "${id}" in lessons/facts.yaml`);
	const { text, source, confidence } = fact;
	return { id, text, source, confidence };
}

export function lessonBySlug(slug: string) {
	return course.lessons.find((l) => l.slug === slug);
}

/** Everything the timeline and the maps draw, with the text of the sentences they cite. */
export function vizData(): VizData {
	const cited = new Set([
		...course.events.flatMap((e) => e.sentences),
		...course.regions.flatMap((r) => r.areas.flatMap((a) => a.sentences))
	]);
	const groupFacts = new Set(course.regions.flatMap((r) => r.groups.map((g) => g.fact)));
	return {
		events: course.events,
		places: course.places,
		regions: course.regions,
		sentences: Object.fromEntries([...cited].map((id) => [id, course.sentences.get(id)!.text])),
		facts: Object.fromEntries(
			course.facts
				.filter((f) => groupFacts.has(f.id))
				.map((f) => [f.id, { text: f.text, source: f.source }])
		)
	};
}

/** A quiz's questions with what they refer to: event titles, places and maps, item restatements. */
export function quizData(questions: Question[]): QuizData {
	const eventIds = new Set(questions.flatMap((q) => (q.type === 'ordering' ? q.events : [])));
	const regionIds = new Set(questions.flatMap((q) => (q.type === 'locate' ? [q.region] : [])));
	return {
		questions,
		events: course.events.filter((e) => eventIds.has(e.id)),
		places: course.places.filter((p) => regionIds.has(p.region)),
		regions: course.regions.filter((r) => regionIds.has(r.id)),
		commitments: Object.fromEntries(course.commitments.map((c) => [c.id, c.restatement]))
	};
}

/** Lessons that carry a content note (violence, sexual violence, detained children). */
export const lessonsWithContentNotes: ReadonlySet<string> = new Set(
	course.lessons
		.filter((l) => tagsNamed(lessonMarkup(lessonBody(files[l.file])), 'ContentNote').length)
		.map((l) => l.slug)
);

/**
 * What a practice page needs before the bank arrives (it comes once from /bank.json): what
 * choosing needs of each question, and the lessons and commitments to choose among.
 */
export function practiceIndex() {
	return {
		index: course.questions.map(({ id, lesson, type, difficulty, commitments }) => ({
			id,
			lesson,
			type,
			difficulty,
			commitments
		})),
		lessons: course.lessons.map(({ slug, title, order }) => ({ slug, title, order })),
		items: course.commitments.map(({ id, kind, restatement }) => ({ id, kind, restatement }))
	};
}
