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
