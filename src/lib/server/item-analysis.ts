import type { ItemSums } from './db/types';
import type { ItemStats, SubmissionResult } from '$lib/assignment/results';
import type { Question } from '$lib/content';
import { normaliseAnswer } from '$lib/quiz/grade';
import type { Response } from '$lib/quiz/responses';
import type { ExportLabels } from './exports/labels';

// Item analysis for the teacher: how hard each question was (facility), whether it tells
// stronger from weaker students apart (discrimination), and the most chosen wrong answer.

/** The mean of scores already on a 0..1 scale (each question is worth 1), or null for none. */
export function facilityIndex(scores: number[]): number | null {
	if (scores.length === 0) return null;
	return scores.reduce((s, x) => s + x, 0) / scores.length;
}

// Sums of floats (0.333 + 0.333 + …) leave a tiny variance where there is really none.
const EPSILON = 1e-12;

/**
 * Moodle's discrimination index: the Pearson correlation between the item's score and the rest
 * of the test (total − item), × 100, to 1 decimal. Against the rest rather than the total, so
 * the item does not correlate with itself. Null below 3 submissions or when either varies not.
 */
export function discriminationIndex(itemScores: number[], totalScores: number[]): number | null {
	if (itemScores.length !== totalScores.length)
		throw new Error('discriminationIndex: one total per item score');
	const n = itemScores.length;
	if (n < 3) return null;
	const rest = totalScores.map((t, i) => t - itemScores[i]);
	const meanX = itemScores.reduce((s, x) => s + x, 0) / n;
	const meanY = rest.reduce((s, y) => s + y, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = itemScores[i] - meanX;
		const dy = rest[i] - meanY;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx < EPSILON || syy < EPSILON) return null;
	const r = sxy / Math.sqrt(sxx * syy);
	// `+ 0` turns a rounded −0 into 0.
	return Math.round(r * 1000) / 10 + 0;
}

/** Moodle's facility bands, in words a busy teacher can act on. */
export function facilityGuidance(facility: number | null): string {
	if (facility === null) return 'Nobody has answered this yet.';
	if (facility < 0.2)
		return 'Very hard: most of the class missed it, so check the key and whether it was taught.';
	if (facility < 0.35) return 'Hard: only a minority of the class got it right.';
	if (facility < 0.65) return 'About right: a fair test for most of the class.';
	if (facility < 0.8) return 'Easy: most of the class got it right.';
	if (facility <= 0.9) return 'Very easy: nearly all of the class got it right.';
	return 'Almost everyone got it: it checks the basics but shows little about who is struggling.';
}

/** Moodle's discrimination bands, in plain words. */
export function discriminationGuidance(discrimination: number | null): string {
	if (discrimination === null)
		return 'Not enough answers yet to tell (needs at least 3, with some variation).';
	if (discrimination >= 50)
		return 'Very good: students who did well overall got this right, and those who struggled did not.';
	if (discrimination >= 30)
		return 'Adequate: it tells stronger from weaker students reasonably well.';
	if (discrimination >= 20)
		return 'Weak: it tells stronger from weaker students apart only a little.';
	if (discrimination >= 0)
		return 'Very weak: it hardly tells stronger from weaker students apart; consider revising it.';
	return "Students who did well overall tended to miss this one: check the question's wording and key.";
}

type Of<T extends Response['type']> = Extract<Response, { type: T }>;

/** One wrong part of an answer: a key that is the same for the same wrong answer, and its words. */
export interface WrongAnswer {
	key: string;
	label: string;
}

/**
 * The wrong parts of one answer that earned less than full marks: the wrong option chosen, each
 * wrong option of a multiple response, each wrong pairing, each event out of place, a typed
 * answer not accepted. The dashboard counts them to find the most chosen wrong answer.
 */
export function wrongParts(
	q: Question,
	response: Response | null,
	labels: ExportLabels
): WrongAnswer[] {
	// Left unanswered (null) is no wrong answer to show; a response of another type belongs
	// to an older version of the question.
	if (!response || response.type !== q.type) return [];
	switch (q.type) {
		case 'single': {
			const chosen = q.options.find((o) => o.id === (response as Of<'single'>).choice);
			return chosen && !chosen.correct ? [{ key: chosen.id, label: chosen.text }] : [];
		}
		case 'multiple':
			return q.options
				.filter((o) => !o.correct && (response as Of<'multiple'>).choices.includes(o.id))
				.map((o) => ({ key: o.id, label: o.text }));
		case 'truefalse': {
			const { answer } = response as Of<'truefalse'>;
			return answer !== q.answer ? [{ key: String(answer), label: answer ? 'True' : 'False' }] : [];
		}
		case 'cloze': {
			const { text } = response as Of<'cloze'>;
			const key = normaliseAnswer(text);
			// A blank is not an answer a teacher can learn from.
			return key && !q.answers.some((a) => normaliseAnswer(a) === key)
				? [{ key, label: text.trim() }]
				: [];
		}
		case 'locate': {
			const { place } = response as Of<'locate'>;
			return place !== q.answer ? [{ key: place, label: labels.placeName(place) }] : [];
		}
		case 'matching': {
			const { matches } = response as Of<'matching'>;
			return q.pairs.flatMap((p) => {
				const given = Object.hasOwn(matches, p.left) ? matches[p.left] : undefined;
				// Unmatched items are not a wrong pairing; they say nothing about a misconception.
				return given !== undefined && given !== p.right
					? [{ key: JSON.stringify([p.left, given]), label: `${p.left} → ${given}` }]
					: [];
			});
		}
		case 'ordering': {
			const { order } = response as Of<'ordering'>;
			return q.events.flatMap((id, i) =>
				order[i] !== id ? [{ key: id, label: `${labels.eventTitle(id)} in the wrong place` }] : []
			);
		}
	}
}

/** Counts labelled keys; the first key seen wins a tie (a Map keeps insertion order). */
class Tally {
	private counts = new Map<string, { label: string; count: number }>();
	add({ key, label }: WrongAnswer): void {
		const entry = this.counts.get(key);
		if (entry) entry.count += 1;
		else this.counts.set(key, { label, count: 1 });
	}
	top(): { label: string; count: number } | null {
		let best: { label: string; count: number } | null = null;
		for (const entry of this.counts.values()) if (!best || entry.count > best.count) best = entry;
		return best ? { ...best } : null;
	}
}

/**
 * The discrimination index from sums over n answers (x = item score, y = rest of the test),
 * as the database adds them up: the same value as `discriminationIndex` on the lists.
 */
export function discriminationFromSums(
	s: Pick<ItemSums, 'n' | 'sx' | 'sy' | 'sxx' | 'syy' | 'sxy'>
): number | null {
	const { n } = s;
	if (n < 3) return null;
	const vx = s.sxx - (s.sx * s.sx) / n;
	const vy = s.syy - (s.sy * s.sy) / n;
	if (vx < 1e-9 || vy < 1e-9) return null;
	const r = (s.sxy - (s.sx * s.sy) / n) / Math.sqrt(vx * vy);
	return Math.round(Math.max(-1, Math.min(1, r)) * 1000) / 10 + 0;
}

/**
 * Item analysis over submissions the caller has already chosen (e.g. each student's first
 * attempt): one entry per question, in the order given.
 */
export function analyseItems(
	questions: Question[],
	submissions: SubmissionResult[],
	labels: ExportLabels
): ItemStats[] {
	return questions.map((q) => {
		const taken = submissions
			// hasOwn: a question id such as "constructor" must not find Object.prototype's.
			.filter((s) => Object.hasOwn(s.answers, q.id))
			.map((s) => ({ total: s.score, answer: s.answers[q.id] }));
		const scores = taken.map((t) => t.answer.score);
		const facility = facilityIndex(scores);
		const discrimination = discriminationIndex(
			scores,
			taken.map((t) => t.total)
		);
		const tally = new Tally();
		for (const { answer } of taken)
			if (answer.score < 1) for (const w of wrongParts(q, answer.response, labels)) tally.add(w);
		return {
			id: q.id,
			answered: taken.length,
			facility,
			discrimination,
			facilityGuidance: facilityGuidance(facility),
			discriminationGuidance: discriminationGuidance(discrimination),
			commonWrong: tally.top()
		};
	});
}
