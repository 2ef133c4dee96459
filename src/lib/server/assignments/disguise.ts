import { createHash, createHmac } from 'node:crypto';
import type { Place, Question } from '$lib/content';
import { toPublic, type PublicQuestion } from '$lib/quiz/public';
import type { Response } from '$lib/quiz/responses';

/**
 * What one student sees of an assignment's ids and orders, drawn with a secret of the server's
 * database, so that nothing in the student's view is a function of public data alone.
 *
 * Bank ids say too much ("mosul-falls-2014", "ws-locate-ndjamena", a teacher's options "a, b, c"
 * in the order typed), and an order drawn from the code and the name can be re-drawn by anyone
 * who has the page's script. Here every id a student sees — question, option, event, place — is
 * an HMAC of the real id under the secret, scoped to the assignment and the student's folded
 * name; every order is the order of such HMACs. The same student gets the same ids and orders on
 * every reload; another student gets others. The server maps answers back to real ids before
 * grading and storing, and disguises stored answers again to show a receipt.
 */
export class Disguise {
	private readonly cache = new Map<string, string>();
	/**
	 * This student's key: HMAC-SHA-256 of the scope under the secret, made once. Each id is then
	 * SHA-256 of that fixed-length key and the text, cut to 72 bits: a keyed hash, like an HMAC
	 * (the cut output leaves nothing to extend), at half the cost of a whole HMAC per id; a
	 * submission derives some seventy of them.
	 */
	private readonly key: Buffer;

	constructor(
		readonly secret: Buffer,
		/** The assignment and the student: `${id}:${code}:${nameKey}`. */
		scope: string
	) {
		this.key = createHmac('sha256', secret).update(scope).digest();
	}

	private mac(text: string): string {
		let out = this.cache.get(text);
		if (out === undefined) {
			out = createHash('sha256').update(this.key).update(text).digest('base64url');
			this.cache.set(text, out);
		}
		return out;
	}

	/** A student-facing id: a letter for its kind, then 12 characters of HMAC (72 bits). */
	id(kind: 'q' | 'o' | 'e' | 'p', real: string, questionId = ''): string {
		return kind + this.mac(`${kind}:${questionId}:${real}`).slice(0, 12);
	}

	/** The key an item is ordered by: a secret order, the same on every reload. */
	readonly rank = (item: string): string => this.mac(`rank:${item}`);

	/** The full question (answers included) in the student's ids: for grading and receipts. */
	question(q: Question): Question {
		const id = this.id('q', q.id);
		switch (q.type) {
			case 'single':
			case 'multiple':
				return {
					...q,
					id,
					options: q.options.map((o) => ({ ...o, id: this.id('o', o.id, q.id) }))
				};
			case 'ordering':
				return { ...q, id, events: q.events.map((e) => this.id('e', e, q.id)) };
			case 'locate':
				return {
					...q,
					id,
					answer: this.id('p', q.answer),
					options: q.options.map((o) => ({ ...o, place: this.id('p', o.place) }))
				};
			default:
				return { ...q, id };
		}
	}

	/** The answer-free question, in the student's ids and orders. */
	publicQuestion(q: Question, shuffle: boolean): PublicQuestion {
		return toPublic(this.question(q), this.rank, shuffle);
	}

	place(p: Place): Place {
		return { ...p, id: this.id('p', p.id), note: '' };
	}

	/** A response in the student's ids, as the real question's response (to grade and store). */
	realResponse(q: Question, r: Response): Response {
		const back = (kind: 'o' | 'e' | 'p', ids: string[], scoped = true) => {
			const map = new Map(ids.map((real) => [this.id(kind, real, scoped ? q.id : ''), real]));
			return (shown: string) => map.get(shown) ?? shown;
		};
		switch (r.type) {
			case 'single':
			case 'multiple': {
				if (q.type !== 'single' && q.type !== 'multiple') return r;
				const real = back(
					'o',
					q.options.map((o) => o.id)
				);
				return r.type === 'single'
					? { ...r, choice: real(r.choice) }
					: { ...r, choices: r.choices.map(real) };
			}
			case 'ordering': {
				if (q.type !== 'ordering') return r;
				return { ...r, order: r.order.map(back('e', q.events)) };
			}
			case 'locate': {
				if (q.type !== 'locate') return r;
				return {
					...r,
					place: back(
						'p',
						q.options.map((o) => o.place),
						false
					)(r.place)
				};
			}
			default:
				return r;
		}
	}

	/** A stored (real) response in the student's ids, to show it marked. */
	shownResponse(q: Question, r: Response): Response {
		switch (r.type) {
			case 'single':
				return { ...r, choice: this.id('o', r.choice, q.id) };
			case 'multiple':
				return { ...r, choices: r.choices.map((c) => this.id('o', c, q.id)) };
			case 'ordering':
				return { ...r, order: r.order.map((e) => this.id('e', e, q.id)) };
			case 'locate':
				return { ...r, place: this.id('p', r.place) };
			default:
				return r;
		}
	}
}
