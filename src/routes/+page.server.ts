import { course } from '$lib/content/course.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	source: { title: course.source.title, date: course.source.date, hosts: course.source.hosts },
	commitmentCount: course.commitments.length,
	sentenceCount: course.sentences.size,
	paragraphCount: course.source.paragraphs.length,
	termCount: course.glossary.length,
	lessons: course.lessons.map(({ slug, title, order, minutes, summary, paragraphs }) => ({
		slug,
		title,
		order,
		minutes,
		summary,
		paragraphs
	}))
});
