import type { Question } from '$lib/content';

/** What a learner answers, per question type. */
export type Response =
	| { type: 'single'; choice: string }
	| { type: 'multiple'; choices: string[] }
	| { type: 'truefalse'; answer: boolean }
	| { type: 'ordering'; order: string[] }
	| { type: 'matching'; matches: Record<string, string> }
	| { type: 'cloze'; text: string }
	| { type: 'locate'; place: string };

export type Parsed = { ok: true; response: Response } | { ok: false; error: string };

const isStrings = (v: unknown, max: number): v is string[] =>
	Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length <= 200);

/**
 * Checks an untrusted response (from a form or an API body) against its question, and says
 * what is wrong, naming the field. Grading only ever sees a response that passed this.
 */
export function parseResponse(question: Question, raw: unknown): Parsed {
	const fail = (error: string): Parsed => ({ ok: false, error: `${question.id}: ${error}` });
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		return fail('the response must be an object');
	const r = raw as Record<string, unknown>;
	switch (question.type) {
		case 'single':
			if (typeof r.choice !== 'string') return fail('"choice" must be the id of one option');
			if (!question.options.some((o) => o.id === r.choice))
				return fail(`"choice" "${r.choice}" is not an option`);
			return { ok: true, response: { type: 'single', choice: r.choice } };
		case 'multiple': {
			if (!isStrings(r.choices, question.options.length))
				return fail('"choices" must be a list of option ids');
			const unknown = r.choices.find((c) => !question.options.some((o) => o.id === c));
			if (unknown !== undefined) return fail(`"choices" has "${unknown}", which is not an option`);
			return { ok: true, response: { type: 'multiple', choices: [...new Set(r.choices)] } };
		}
		case 'truefalse':
			if (typeof r.answer !== 'boolean') return fail('"answer" must be true or false');
			return { ok: true, response: { type: 'truefalse', answer: r.answer } };
		case 'ordering': {
			if (!isStrings(r.order, question.events.length))
				return fail('"order" must be a list of event ids');
			const same =
				r.order.length === question.events.length &&
				question.events.every((e) => (r.order as string[]).includes(e));
			if (!same) return fail('"order" must list each of the question\'s events exactly once');
			return { ok: true, response: { type: 'ordering', order: r.order } };
		}
		case 'matching': {
			const m = r.matches;
			if (typeof m !== 'object' || m === null || Array.isArray(m))
				return fail('"matches" must map each left item to a right item');
			const entries = Object.entries(m as Record<string, unknown>);
			if (entries.length > question.pairs.length)
				return fail('"matches" has more entries than the question has pairs');
			for (const [left, right] of entries) {
				if (!question.pairs.some((p) => p.left === left))
					return fail(`"matches" has "${left}", which is not a left item`);
				if (typeof right !== 'string' || !question.pairs.some((p) => p.right === right)) {
					return fail(`"matches"."${left}" is not one of the right items`);
				}
			}
			return { ok: true, response: { type: 'matching', matches: m as Record<string, string> } };
		}
		case 'cloze':
			if (typeof r.text !== 'string' || r.text.length > 200)
				return fail('"text" must be the missing words (at most 200 characters)');
			return { ok: true, response: { type: 'cloze', text: r.text } };
		case 'locate':
			if (typeof r.place !== 'string' || !question.options.some((o) => o.place === r.place)) {
				return fail('"place" must be the id of one of the places offered');
			}
			return { ok: true, response: { type: 'locate', place: r.place } };
	}
}
