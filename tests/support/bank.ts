// The question bank as the tests see it: read straight from lessons/questions/*.yaml, so the API
// tests know every right answer without asking the server (which never tells a student).
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Question } from '../../src/lib/content/types';

const dir = new URL('../../lessons/questions/', import.meta.url);

let cache: Question[] | undefined;

/** Every bank question, file by file, each with its lesson (the file name). */
export function bankQuestions(): Question[] {
	cache ??= readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.flatMap((file) => {
			const lesson = file.replace(/\.yaml$/, '');
			const list = parse(readFileSync(new URL(file, dir), 'utf8')) as Omit<Question, 'lesson'>[];
			return list.map((q) => ({ ...q, lesson }) as Question);
		});
	return cache;
}

export function bankQuestion(id: string): Question {
	const q = bankQuestions().find((x) => x.id === id);
	if (!q) throw new Error(`No bank question ${id}`);
	return q;
}

/** The response that earns full marks (an ordering question lists its events in date order). */
export function rightResponse(q: Question): Record<string, unknown> {
	switch (q.type) {
		case 'single':
			return { choice: q.options.find((o) => o.correct)!.id };
		case 'multiple':
			return { choices: q.options.filter((o) => o.correct).map((o) => o.id) };
		case 'truefalse':
			return { answer: q.answer };
		case 'ordering':
			return { order: [...q.events] };
		case 'matching':
			return { matches: Object.fromEntries(q.pairs.map((p) => [p.left, p.right])) };
		case 'cloze':
			return { text: q.answers[0] };
		case 'locate':
			return { place: q.answer };
	}
}

/** A well-formed response that earns nothing: a wrong option, the events reversed, every match shifted. */
export function wrongResponse(q: Question): Record<string, unknown> {
	switch (q.type) {
		case 'single':
			return { choice: q.options.find((o) => !o.correct)!.id };
		case 'multiple':
			return { choices: q.options.filter((o) => !o.correct).map((o) => o.id) };
		case 'truefalse':
			return { answer: !q.answer };
		case 'ordering': {
			// Rotated by one: no event stays in its place.
			const [first, ...rest] = q.events;
			return { order: [...rest, first] };
		}
		case 'matching':
			return {
				matches: Object.fromEntries(
					q.pairs.map((p, i) => [p.left, q.pairs[(i + 1) % q.pairs.length].right])
				)
			};
		case 'cloze':
			return { text: 'certainly not the missing words' };
		case 'locate':
			return { place: q.options.find((o) => o.place !== q.answer)!.place };
	}
}

const lessonsDir = new URL('../../lessons/', import.meta.url);
let titles: Map<string, string> | undefined;
let placeNames: Map<string, string> | undefined;

/** Event id → title, and place id → name, as the student view shows them. */
function names() {
	if (!titles || !placeNames) {
		const facts = parse(readFileSync(new URL('facts.yaml', lessonsDir), 'utf8')) as {
			events: { id: string; title: string }[];
		};
		const places = parse(readFileSync(new URL('places.yaml', lessonsDir), 'utf8')) as {
			places: { id: string; name: string }[];
		};
		titles = new Map(facts.events.map((e) => [e.id, e.title]));
		placeNames = new Map(places.places.map((p) => [p.id, p.name]));
	}
	return { titles, placeNames };
}

/** A question as a student's view shows it (ids disguised, no answers). */
export interface ShownQuestion {
	id: string;
	type: string;
	prompt: string;
	statement?: string;
	text?: string;
	lefts?: string[];
	rights?: string[];
	/** An ordering question's events, as ids of `ShownView.events` (scoped to this question). */
	events?: string[];
	region?: string;
	options?: { id?: string; text?: string; place?: string }[];
}
export interface ShownView {
	questions: ShownQuestion[];
	events?: { id: string; title: string }[];
	places?: { id: string; name: string }[];
}

const sorted = (list: (string | undefined)[]) => JSON.stringify([...list].sort());

/**
 * The events of one shown question, id → title. The same event gets another id in each question
 * that holds it, so a title is only looked up among the question's own events.
 */
function shownEvents(view: ShownView, shown: ShownQuestion): { id: string; title: string }[] {
	const own = new Set(shown.events ?? []);
	return (view.events ?? []).filter((e) => own.has(e.id));
}

/** The places of one shown locate question, id → name. */
function shownPlaces(view: ShownView, shown: ShownQuestion): { id: string; name: string }[] {
	const own = new Set((shown.options ?? []).map((o) => o.place));
	return (view.places ?? []).filter((p) => own.has(p.id));
}

/**
 * Whether a shown question is the real one, by everything a student sees of it: the words, and
 * the options, events, pairs or places it offers (two bank questions can share a prompt, e.g.
 * "Put these events in time order, earliest first.", and differ only in their events).
 */
function sameQuestion(view: ShownView, real: Question, shown: ShownQuestion): boolean {
	if (real.type !== shown.type || real.prompt !== shown.prompt) return false;
	const { titles, placeNames } = names();
	switch (real.type) {
		case 'single':
		case 'multiple':
			return (
				sorted(real.options.map((o) => o.text)) === sorted((shown.options ?? []).map((o) => o.text))
			);
		case 'truefalse':
			return real.statement === shown.statement;
		case 'cloze':
			return real.text === shown.text;
		case 'matching':
			return (
				real.pairs.map((p) => p.left).join('\u0000') === (shown.lefts ?? []).join('\u0000') &&
				sorted(real.pairs.map((p) => p.right)) === sorted(shown.rights ?? [])
			);
		case 'ordering':
			return (
				(shown.events ?? []).length === real.events.length &&
				sorted(real.events.map((e) => titles.get(e))) ===
					sorted(shownEvents(view, shown).map((e) => e.title))
			);
		case 'locate':
			return (
				real.region === shown.region &&
				(shown.options ?? []).length === real.options.length &&
				sorted(real.options.map((o) => placeNames.get(o.place))) ===
					sorted(shownPlaces(view, shown).map((p) => p.name))
			);
	}
}

/**
 * The shown question a real one became in a student's view, found as a student who knows the
 * course would find it: by what it shows, not its id (the server disguises ids with a secret).
 */
export function shownQuestion(view: ShownView, real: Question): ShownQuestion | undefined {
	return view.questions.find((s) => sameQuestion(view, real, s));
}

/**
 * A response to a real question (real option, event and place ids) in the ids the student's
 * view shows, matched by text, title and name among the shown question's own options, events
 * and places. An id that matches nothing is kept as it was, so a test can still send a wrong one.
 */
export function shownResponse(
	view: ShownView,
	real: Question,
	shown: ShownQuestion,
	response: Record<string, unknown>
): Record<string, unknown> {
	const { titles, placeNames } = names();
	const option = (id: unknown) => {
		if (real.type !== 'single' && real.type !== 'multiple') return id;
		const text = real.options.find((o) => o.id === id)?.text;
		if (text === undefined) return id;
		return shown.options?.find((o) => o.text === text)?.id ?? id;
	};
	const events = shownEvents(view, shown);
	const event = (id: unknown) => {
		if (real.type !== 'ordering' || !real.events.includes(String(id))) return id;
		return events.find((e) => e.title === titles.get(String(id)))?.id ?? id;
	};
	const places = shownPlaces(view, shown);
	const place = (id: unknown) => {
		if (real.type !== 'locate' || !real.options.some((o) => o.place === id)) return id;
		return places.find((p) => p.name === placeNames.get(String(id)))?.id ?? id;
	};
	const out = { ...response };
	if ('choice' in out) out.choice = option(out.choice);
	if (Array.isArray(out.choices)) out.choices = out.choices.map(option);
	if (Array.isArray(out.order)) out.order = out.order.map(event);
	if ('place' in out) out.place = place(out.place);
	return out;
}

/**
 * Answers keyed by real question id, as the student's view names them. `questions` resolves ids
 * the bank does not hold (a teacher's own `own-1`…). Unknown ids are kept, to test refusals.
 */
export function toShownAnswers(
	view: ShownView,
	answers: Record<string, unknown>,
	questions: (id: string) => Question | undefined = (id) => bankQuestions().find((q) => q.id === id)
): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(answers).map(([id, response]) => {
			const real = questions(id);
			const shown = real && shownQuestion(view, real);
			if (!real || !shown) return [id, response];
			const translated =
				response && typeof response === 'object' && !Array.isArray(response)
					? shownResponse(view, real, shown, response as Record<string, unknown>)
					: response;
			return [shown.id, translated];
		})
	);
}

/**
 * Every id one student's view shows (questions, options, events, places), mapped to the id the
 * same thing has in another student's view of the same assignment, matched by what each shows.
 */
export function viewIdMap(from: ShownView, to: ShownView): Map<string, string> {
	const map = new Map<string, string>();
	const key = (view: ShownView, q: ShownQuestion) =>
		JSON.stringify([
			q.type,
			q.prompt,
			q.statement,
			q.text,
			q.region,
			q.lefts,
			[...(q.rights ?? [])].sort(),
			(q.options ?? []).map((o) => o.text).sort(),
			shownEvents(view, q)
				.map((e) => e.title)
				.sort(),
			shownPlaces(view, q)
				.map((p) => p.name)
				.sort()
		]);
	const targets = new Map<string, ShownQuestion[]>();
	for (const q of to.questions) targets.set(key(to, q), [...(targets.get(key(to, q)) ?? []), q]);
	for (const q of from.questions) {
		const other = targets.get(key(from, q))?.shift();
		if (!other) continue;
		map.set(q.id, other.id);
		for (const o of q.options ?? []) {
			const match = other.options?.find((x) => x.text === o.text);
			if (o.id && match?.id) map.set(o.id, match.id);
		}
		const theirs = shownEvents(to, other);
		for (const e of shownEvents(from, q)) {
			const match = theirs.find((x) => x.title === e.title);
			if (match) map.set(e.id, match.id);
		}
		const theirPlaces = shownPlaces(to, other);
		for (const p of shownPlaces(from, q)) {
			const match = theirPlaces.find((x) => x.name === p.name);
			if (match) map.set(p.id, match.id);
		}
	}
	return map;
}
