import { describe, expect, it } from 'vitest';
import { bloomLevels, questionTypes } from '$lib/content';
import { ContentErrors } from '$lib/content/errors';
import { validateCourse } from '$lib/content/validate';
import { fixture, readLessonFiles } from './load-files';

const files = readLessonFiles();
const course = validateCourse(files);
const bank = course.questions;

describe('the question bank', () => {
	it('holds at least 90 questions', () => {
		expect(bank.length).toBeGreaterThanOrEqual(90);
	});

	it('asks at least 2 questions on every commitment item and every lesson', () => {
		for (const c of course.commitments) {
			expect(bank.filter((q) => q.commitments.includes(c.id)).length, c.id).toBeGreaterThanOrEqual(
				2
			);
		}
		for (const l of course.lessons)
			expect(bank.filter((q) => q.lesson === l.slug).length, l.slug).toBeGreaterThanOrEqual(2);
	});

	it('uses every question type', () => {
		for (const type of questionTypes)
			expect(
				bank.some((q) => q.type === type),
				type
			).toBe(true);
	});

	it('spreads over the Bloom levels: each one used, no more than half at remember', () => {
		for (const level of bloomLevels)
			expect(
				bank.some((q) => q.bloom === level),
				level
			).toBe(true);
		expect(bank.filter((q) => q.bloom === 'remember').length).toBeLessThanOrEqual(bank.length / 2);
	});

	it('balances the position of the correct option in single-choice questions', () => {
		const positions = bank.flatMap((q) =>
			q.type === 'single' ? [q.options.findIndex((o) => o.correct)] : []
		);
		const counts = [0, 1, 2, 3, 4].map((i) => positions.filter((p) => p === i).length);
		for (const n of counts) expect(n / positions.length).toBeLessThanOrEqual(0.4);
		expect(counts.slice(0, 3).every((n) => n > 0)).toBe(true);
	});
});

describe('question validation', () => {
	it('refuses a broken question file, naming file, question and field', () => {
		const broken = { ...files, '/lessons/questions/syria.yaml': fixture('questions-bad.yaml') };
		let problems: string[] = [];
		try {
			validateCourse(broken);
		} catch (e) {
			problems = (e as ContentErrors).errors.map((x) => x.message);
		}
		for (const expected of [
			'/lessons/questions/syria.yaml [bad-quote] quote: "in support of a lasting peace" is not verbatim in p4.s1',
			'/lessons/questions/syria.yaml [bad-single] options: a single-choice question needs exactly one correct option, has 2',
			'/lessons/questions/syria.yaml [bad-single] options: no "all of the above" or "none of the above"',
			'/lessons/questions/syria.yaml [bad-order] events: must be listed in the order of their dates (that order is the answer)',
			'/lessons/questions/syria.yaml [bad-cloze] text: with "peace" in the blank it is not verbatim in p4.s1',
			'/lessons/questions/syria.yaml [bad-locate] answer: "damascus" is not among the options',
			'/lessons/questions/syria.yaml [bad-locate] options[2].place: "niamey" is not a place of iraq-syria'
		]) {
			expect(problems).toContain(expected);
		}
	});
});
