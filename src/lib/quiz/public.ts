import type { Question } from '$lib/content';

/**
 * A question as a student sees it before submitting: prompt and choices, in the order to show
 * them, and nothing that tells the answer — no `correct` flags, no feedback, no accepted cloze
 * answers, no quote (it could hold the missing words), and no authored order for ordering and
 * matching questions (that order is the answer, so those are always shuffled). `sensitive` (only
 * present when true) says a content note must come before it; it tells nothing of the answer.
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

/**
 * Orders items by a secret rank unless a shuffle would change nothing a student sees; never
 * returns the right order for ordering and matching (`always`), which would give it away.
 */
function mix<T>(
	items: readonly T[],
	rank: (key: string) => string,
	keyOf: (item: T) => string,
	shuffle: boolean,
	always = false
): T[] {
	if (!shuffle && !always) return [...items];
	const keyed = items.map((item) => ({ item, rank: rank(keyOf(item)) }));
	const out = keyed
		.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
		.map((k) => k.item);
	if (always && items.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift()!);
	return out;
}

/**
 * The answer-free form of a question, with its choices in the order this student sees them.
 * `rank` gives each item a sort key: the server draws it with a secret (an HMAC), so that the
 * order cannot be worked out from anything the student has, and is the same on every reload.
 */
export function toPublic(
	q: Question,
	rank: (key: string) => string,
	shuffle: boolean
): PublicQuestion {
	const shown = publicForm(q, rank, shuffle);
	return q.sensitive ? { ...shown, sensitive: true } : shown;
}

function publicForm(q: Question, rank: (key: string) => string, shuffle: boolean): PublicQuestion {
	const r = (key: string) => rank(`${q.id}:${key}`);
	const head = { id: q.id, prompt: q.prompt };
	switch (q.type) {
		case 'single':
		case 'multiple':
			return {
				...head,
				type: q.type,
				options: mix(q.options, r, (o) => o.id, shuffle).map(({ id, text }) => ({ id, text }))
			};
		case 'truefalse':
			return { ...head, type: q.type, statement: q.statement };
		case 'ordering':
			return { ...head, type: q.type, events: mix(q.events, r, (e) => e, true, true) };
		case 'matching': {
			const rights = q.pairs.map((p) => p.right);
			return {
				...head,
				type: q.type,
				lefts: q.pairs.map((p) => p.left),
				rights: mix(rights, r, (right) => right, true, true)
			};
		}
		case 'cloze':
			return { ...head, type: q.type, text: q.text };
		case 'locate':
			return {
				...head,
				type: q.type,
				region: q.region,
				options: mix(q.options, r, (o) => o.place, shuffle).map(({ place }) => ({ place }))
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
