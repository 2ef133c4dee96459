import type { Question } from '$lib/content';
import { seededShuffle } from './shuffle';

/**
 * A question as a student sees it before submitting: prompt and choices, in the order to show
 * them, and nothing that tells the answer — no `correct` flags, no feedback, no accepted cloze
 * answers, no quote (it could hold the missing words), and no authored order for ordering and
 * matching questions (that order is the answer, so those are always shuffled).
 */
export type PublicQuestion = { id: string; prompt: string; sensitive?: true } & (
	| { type: 'single' | 'multiple'; options: { id: string; text: string }[] }
	| { type: 'truefalse'; statement: string }
	| { type: 'ordering'; events: string[] }
	| { type: 'matching'; lefts: string[]; rights: string[] }
	| { type: 'cloze'; text: string }
	| { type: 'locate'; region: string; options: { place: string }[] }
);

/** Either form: the input components draw both, and read the key only once graded. */
export type AnyQuestion = Question | PublicQuestion;

/** Shuffles unless a shuffle would change nothing a student sees; never returns the input order for ordering and matching. */
function mix<T>(items: readonly T[], seed: string, shuffle: boolean, always = false): T[] {
	if (!shuffle && !always) return [...items];
	const out = seededShuffle(items, seed);
	// An ordering question shown already in order would give its answer away.
	if (always && items.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift()!);
	return out;
}

/**
 * The answer-free form of a question, with its choices in the order this student sees them.
 * `seed` makes the order the same on every reload for the same student.
 */
export function toPublic(q: Question, seed: string, shuffle: boolean): PublicQuestion {
	const shown = publicForm(q, seed, shuffle);
	return q.sensitive ? { ...shown, sensitive: true } : shown;
}

function publicForm(q: Question, seed: string, shuffle: boolean): PublicQuestion {
	const s = `${seed}:${q.id}`;
	switch (q.type) {
		case 'single':
		case 'multiple':
			return {
				id: q.id,
				prompt: q.prompt,
				type: q.type,
				options: mix(q.options, s, shuffle).map(({ id, text }) => ({ id, text }))
			};
		case 'truefalse':
			return { id: q.id, prompt: q.prompt, type: q.type, statement: q.statement };
		case 'ordering':
			return { id: q.id, prompt: q.prompt, type: q.type, events: mix(q.events, s, true, true) };
		case 'matching':
			return {
				id: q.id,
				prompt: q.prompt,
				type: q.type,
				lefts: q.pairs.map((p) => p.left),
				rights: mix(
					q.pairs.map((p) => p.right),
					s,
					true,
					true
				)
			};
		case 'cloze':
			return { id: q.id, prompt: q.prompt, type: q.type, text: q.text };
		case 'locate':
			return {
				id: q.id,
				prompt: q.prompt,
				type: q.type,
				region: q.region,
				options: mix(q.options, s, shuffle).map(({ place }) => ({ place }))
			};
	}
}

/** The order a public question's choices are shown in, as the input components take it. */
export function shownOrder(q: PublicQuestion): string[] {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options.map((o) => o.id);
		case 'ordering':
			return q.events;
		case 'matching':
			return q.rights;
		case 'locate':
			return q.options.map((o) => o.place);
		default:
			return [];
	}
}
