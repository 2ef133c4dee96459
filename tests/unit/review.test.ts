import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { isDue, mastery, ratingFor, review } from '$lib/review/schedule';

const day = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-01-05T09:00:00Z');
const days = (card: { due: Date | string }, from: Date) =>
	(new Date(card.due).getTime() - from.getTime()) / day;

describe('ratingFor', () => {
	it.each([
		{ outcome: { correct: true }, expected: Rating.Good },
		{ outcome: { correct: true, unsure: true }, expected: Rating.Hard },
		{ outcome: { correct: false }, expected: Rating.Again },
		{ outcome: { correct: false, unsure: true }, expected: Rating.Again }
	])('$outcome → $expected', ({ outcome, expected }) => {
		expect(ratingFor(outcome)).toBe(expected);
	});
});

describe('review (ts-fsrs, no fuzz, fixed dates)', () => {
	it('is deterministic', () => {
		expect(review(undefined, t0, { correct: true })).toEqual(
			review(undefined, t0, { correct: true })
		);
	});

	it('brings a missed question back sooner than a known one, and an unsure one in between', () => {
		const again = review(undefined, t0, { correct: false });
		const hard = review(undefined, t0, { correct: true, unsure: true });
		const good = review(undefined, t0, { correct: true });
		expect(days(again, t0)).toBeLessThan(days(hard, t0) + 1e-9);
		expect(days(hard, t0)).toBeLessThanOrEqual(days(good, t0));
		expect(days(again, t0)).toBeLessThan(1);
	});

	it('spaces out a question answered right again and again, and is due when its date comes', () => {
		let card = review(undefined, t0, { correct: true });
		let now: Date;
		const gaps: number[] = [];
		for (let i = 0; i < 5; i++) {
			now = new Date(card.due);
			expect(isDue(card, now)).toBe(true);
			expect(isDue(card, new Date(now.getTime() - 1000))).toBe(false);
			const next = review(card, now, { correct: true });
			gaps.push(days(next, now));
			card = next;
		}
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
		expect(mastery(card)).toBe('mastered');
	});

	it('drops a forgotten question back to learning', () => {
		let card = review(undefined, t0, { correct: true });
		card = review(card, new Date(card.due), { correct: true });
		card = review(card, new Date(card.due), { correct: false });
		expect(mastery(card)).toBe('learning');
	});

	it.each([{ name: 'never answered', card: undefined, expected: 'new' }])(
		'mastery: $name → $expected',
		({ card, expected }) => {
			expect(mastery(card)).toBe(expected);
		}
	);
});
