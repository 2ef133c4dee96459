import { describe, expect, it } from 'vitest';
import { coverage, coverageGaps } from '$lib/content/coverage';
import { validateCourse } from '$lib/content/validate';
import { readLessonFiles } from './load-files';

const course = validateCourse(readLessonFiles());

describe('the course covers the whole communique', () => {
	it('quotes every sentence in full in at least one lesson', () => {
		expect(coverageGaps(course).noLesson).toEqual([]);
	});

	it('draws at least one commitment item from every sentence', () => {
		expect(coverageGaps(course).noCommitment).toEqual([]);
	});

	it('has between 8 and 10 lessons, in order 1…n', () => {
		expect(course.lessons.length).toBeGreaterThanOrEqual(8);
		expect(course.lessons.length).toBeLessThanOrEqual(10);
		expect(course.lessons.map((l) => l.order)).toEqual(course.lessons.map((_, i) => i + 1));
	});

	it('holds at least 30 commitment items, of every kind', () => {
		expect(course.commitments.length).toBeGreaterThanOrEqual(30);
		for (const kind of ['commitment', 'principle', 'concern', 'welcome', 'recognition', 'plan']) {
			expect(course.commitments.some((c) => c.kind === kind)).toBe(true);
		}
	});

	it('gives every lesson objectives, a Think block and a summary', () => {
		const files = readLessonFiles();
		for (const l of course.lessons) {
			const body = files[l.file];
			expect(body, l.slug).toMatch(/<Think>[\s\S]*?1\.[\s\S]*?2\.[\s\S]*?<\/Think>/);
			expect(body, l.slug).toMatch(/^## Summary$/m);
		}
	});

	it('puts a content note before the material on sexual violence and detention', () => {
		const files = readLessonFiles();
		for (const id of ['p7.s1', 'p8.s2']) {
			const lesson = course.lessons.find((l) =>
				l.sentences.includes(id as `p${number}.s${number}`)
			)!;
			const body = files[lesson.file];
			const note = body.indexOf('<ContentNote>');
			expect(note, `${lesson.slug} has a content note`).toBeGreaterThan(-1);
			expect(note, `${lesson.slug}: the note comes before ${id}`).toBeLessThan(
				body.indexOf(`<Quote id="${id}" />`)
			);
		}
	});

	it('lists, for each sentence, the lessons and items that cover it', () => {
		const row = coverage(course).find((r) => r.id === 'p1.s1')!;
		expect(row.lessons).toContain('reading-a-communique');
	});
});
