/**
 * `/teach?lesson=<slug>`, the "Assign this lesson's quiz" of a teacher's guide: the lesson and
 * its bank questions, or the unknown slug to name back (cut short: it is typed into an address).
 */
export type LessonChoice =
	| { lesson: { slug: string; title: string; order: number }; ids: string[]; unknown?: undefined }
	| { lesson?: undefined; ids: []; unknown: string };

export function chooseLesson(
	slug: string | null,
	data: {
		lessons: { slug: string; title: string; order: number }[];
		questions: { id: string; lesson: string }[];
	}
): LessonChoice | null {
	if (slug === null) return null;
	const lesson = data.lessons.find((l) => l.slug === slug);
	if (!lesson) return { ids: [], unknown: slug.slice(0, 80) };
	return { lesson, ids: data.questions.filter((q) => q.lesson === slug).map((q) => q.id) };
}
