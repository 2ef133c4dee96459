import type { Course } from './types';

export interface SentenceCoverage {
	id: string;
	/** Lessons that quote the sentence in full. */
	lessons: string[];
	/** Commitment items drawn from the sentence. */
	commitments: string[];
}

/** For every sentence of the communique: the lessons that quote it and the items drawn from it. */
export function coverage(course: Course): SentenceCoverage[] {
	return course.source.paragraphs.flatMap((p) =>
		p.sentences.map((s) => ({
			id: s.id,
			lessons: course.lessons.filter((l) => l.sentences.includes(s.id)).map((l) => l.slug),
			commitments: course.commitments.filter((c) => c.sentences.includes(s.id)).map((c) => c.id)
		}))
	);
}

/** The sentences no lesson quotes, and those no commitment item draws on. */
export function coverageGaps(course: Course): { noLesson: string[]; noCommitment: string[] } {
	const rows = coverage(course);
	return {
		noLesson: rows.filter((r) => r.lessons.length === 0).map((r) => r.id),
		noCommitment: rows.filter((r) => r.commitments.length === 0).map((r) => r.id)
	};
}
