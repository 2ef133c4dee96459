import { error } from '@sveltejs/kit';
import { course, factCard, lessonBySlug, quizData, vizData } from '$lib/content/course.server';
import type { TextContext } from '$lib/reader/text-context';
import { mapGeometries } from '$lib/viz/map/geometry.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => course.lessons.map((l) => ({ slug: l.slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, `There is no lesson called "${params.slug}".`);
	const i = course.lessons.indexOf(lesson);
	const brief = (l: (typeof course.lessons)[number] | undefined) =>
		l ? { slug: l.slug, title: l.title, order: l.order } : null;

	// Only what this lesson's <Quote>, <Term> and <Fact> tags use travels to the browser.
	const text: TextContext = {
		sentences: Object.fromEntries(lesson.sentences.map((id) => [id, course.sentences.get(id)!.text])),
		terms: Object.fromEntries(
			lesson.terms.map((id) => {
				const t = course.glossary.find((g) => g.id === id)!;
				return [id, { term: t.term, short: t.short, sensitive: t.sensitive === true }];
			})
		),
		facts: Object.fromEntries(lesson.facts.map((id) => [id, factCard(id)])),
		viz: lesson.timeline || lesson.maps.length ? vizData() : null
	};

	const term = (id: string) => ({ id, term: course.glossary.find((g) => g.id === id)?.term ?? id });
	const commitments = course.commitments
		.filter((c) => c.sentences.some((s) => lesson.sentences.includes(s)))
		.map((item) => ({ item, principles: item.principles.map(term) }));

	const quiz = quizData(course.questions.filter((q) => q.lesson === lesson.slug));
	return {
		quiz,
		// The maps its figures and its locate questions draw, ready-made.
		maps: mapGeometries([...lesson.maps.map((m) => m.region), ...quiz.regions.map((r) => r.id)]),
		commitments,
		lesson: {
			slug: lesson.slug,
			title: lesson.title,
			order: lesson.order,
			paragraphs: lesson.paragraphs,
			objectives: lesson.objectives,
			minutes: lesson.minutes,
			summary: lesson.summary
		},
		total: course.lessons.length,
		previous: brief(course.lessons[i - 1]),
		next: brief(course.lessons[i + 1]),
		text
	};
};
