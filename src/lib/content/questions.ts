import { parse as parseYaml } from 'yaml';
import { ContentError } from './errors';
import { FieldReader, describe, isRecord } from './fields';
import { sentenceIdPattern } from './source-text';
import {
	bloomLevels,
	questionTypes,
	type Course,
	type Question,
	type SentenceId,
	type TwoWayFeedback
} from './types';
import { eventTime } from './dates';

export const questionPathPattern = /^\/lessons\/questions\/([a-z0-9-]+)\.yaml$/;
const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const escapeHatch = /\b(all|none) of the above\b/i;

type Refs = Pick<
	Course,
	'sentences' | 'commitments' | 'events' | 'places' | 'regions' | 'lessons' | 'retired'
>;

/**
 * Reads and checks every question file: the schema of each type, that its quote is verbatim,
 * that the ids it cites exist, and that its correct answer is really among its options
 * (for ordering: that the events are given in the order of their dates).
 */
export function readQuestions(
	files: Record<string, string>,
	refs: Refs,
	errors: ContentError[]
): Question[] {
	const questions: Question[] = [];
	const seen = new Set<string>();
	for (const [file, raw] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const lesson = questionPathPattern.exec(file)?.[1];
		if (!lesson) continue;
		if (!refs.lessons.some((l) => l.slug === lesson)) {
			errors.push(
				new ContentError(file, null, 'file', `there is no lesson "${lesson}" for these questions`)
			);
		}
		let doc: unknown;
		try {
			doc = parseYaml(raw);
		} catch (e) {
			errors.push(new ContentError(file, null, 'YAML', (e as Error).message.split('\n')[0]));
			continue;
		}
		if (!Array.isArray(doc)) {
			errors.push(
				new ContentError(file, null, 'questions', `must be a list, got ${describe(doc)}`)
			);
			continue;
		}
		doc.forEach((item, i) => {
			if (!isRecord(item)) {
				errors.push(
					new ContentError(file, null, `[${i}]`, `must be a mapping, got ${describe(item)}`)
				);
				return;
			}
			const q = readQuestion(
				new FieldReader(item, file, typeof item.id === 'string' ? item.id : `[${i}]`, errors),
				item,
				lesson,
				refs
			);
			if (!q) return;
			if (seen.has(q.id))
				errors.push(new ContentError(file, q.id, 'id', 'is used twice in the question bank'));
			seen.add(q.id);
			questions.push(q);
		});
	}
	return questions;
}

function feedback2(r: FieldReader, item: Record<string, unknown>): TwoWayFeedback {
	const f = item.feedback;
	if (!isRecord(f)) {
		r.fail('feedback', 'must be a mapping with "correct" and "incorrect"');
		return { correct: '', incorrect: '' };
	}
	const fr = new FieldReader(f, r.file, r.id, []);
	const correct = fr.string('correct');
	const incorrect = fr.string('incorrect');
	if (!correct) r.fail('feedback.correct', 'is missing');
	if (!incorrect) r.fail('feedback.incorrect', 'is missing');
	return { correct, incorrect };
}

function readQuestion(
	r: FieldReader,
	item: Record<string, unknown>,
	lesson: string,
	refs: Refs
): Question | null {
	const id = r.string('id', { pattern: idPattern });
	const type = r.oneOf('type', questionTypes);
	const base = {
		id,
		lesson,
		bloom: r.oneOf('bloom', bloomLevels),
		difficulty: r.number('difficulty', { integer: true, min: 1, max: 3 }) as 1 | 2 | 3,
		prompt: r.string('prompt'),
		sentences: r.strings('sentences', {
			nonEmpty: true,
			pattern: sentenceIdPattern
		}) as SentenceId[],
		quote: r.string('quote'),
		commitments: r.strings('commitments', { optional: true }),
		...(r.boolean('sensitive') ? { sensitive: true } : {})
	};
	for (const s of base.sentences)
		if (!refs.sentences.has(s)) r.fail('sentences', `${s} is not a sentence of the communique`);
	if (base.quote && !base.sentences.some((s) => refs.sentences.get(s)?.text.includes(base.quote))) {
		r.fail('quote', `"${base.quote}" is not verbatim in ${base.sentences.join(' or ')}`);
	}
	for (const c of base.commitments) {
		const retired = refs.retired.commitments.find((x) => x.id === c);
		if (retired)
			r.fail(
				'commitments',
				`"${c}" is retired (lessons/retired.yaml)${retired.successor ? `: use "${retired.successor}"` : ''}`
			);
		else if (!refs.commitments.some((x) => x.id === c))
			r.fail('commitments', `"${c}" is not an item of lessons/commitments.yaml`);
	}
	if (escapeHatch.test(JSON.stringify(item)))
		r.fail('options', 'no "all of the above" or "none of the above"');
	const common = [
		'id',
		'type',
		'bloom',
		'difficulty',
		'prompt',
		'sentences',
		'quote',
		'commitments',
		'sensitive'
	];

	switch (type) {
		case 'single':
		case 'multiple': {
			r.onlyKnown([...common, 'options']);
			const options = listOf(r, item, 'options').map((o, i) => {
				const or = new FieldReader(o, r.file, r.id, []);
				const option = {
					id: or.string('id'),
					text: or.string('text'),
					correct: o.correct === true,
					feedback: or.string('feedback')
				};
				if (!option.id || !option.text || !option.feedback)
					r.fail(`options[${i}]`, 'needs id, text and feedback');
				if (typeof o.correct !== 'boolean')
					r.fail(`options[${i}].correct`, 'must be true or false');
				return option;
			});
			if (options.length < 3 || options.length > 5)
				r.fail('options', `must have 3 to 5 options, has ${options.length}`);
			if (new Set(options.map((o) => o.id)).size !== options.length)
				r.fail('options', 'option ids must be unique');
			const correct = options.filter((o) => o.correct).length;
			if (type === 'single' && correct !== 1)
				r.fail(
					'options',
					`a single-choice question needs exactly one correct option, has ${correct}`
				);
			if (type === 'multiple' && (correct < 1 || correct === options.length))
				r.fail('options', 'a multiple-response question needs correct and incorrect options');
			return { ...base, type, options };
		}
		case 'truefalse': {
			r.onlyKnown([...common, 'statement', 'answer', 'feedback', 'why']);
			if (typeof item.answer !== 'boolean') r.fail('answer', 'must be true or false');
			return {
				...base,
				type,
				statement: r.string('statement'),
				answer: item.answer === true,
				feedback: feedback2(r, item),
				why: r.string('why')
			};
		}
		case 'ordering': {
			r.onlyKnown([...common, 'events', 'feedback']);
			const events = r.strings('events', { nonEmpty: true });
			const found = events.map((e) => refs.events.find((x) => x.id === e));
			found.forEach((e, i) => {
				if (!e) r.fail(`events[${i}]`, `"${events[i]}" is not an event of lessons/facts.yaml`);
			});
			if (events.length < 3 || events.length > 6)
				r.fail('events', `needs 3 to 6 events, has ${events.length}`);
			const times = found.map((e) => (e ? eventTime(e).getTime() : 0));
			if (times.some((t, i) => i > 0 && t <= times[i - 1]))
				r.fail('events', 'must be listed in the order of their dates (that order is the answer)');
			return { ...base, type, events, feedback: feedback2(r, item) };
		}
		case 'matching': {
			r.onlyKnown([...common, 'pairs']);
			const pairs = listOf(r, item, 'pairs').map((p, i) => {
				const pr = new FieldReader(p, r.file, r.id, []);
				const pair = {
					left: pr.string('left'),
					right: pr.string('right'),
					feedback: pr.string('feedback')
				};
				if (!pair.left || !pair.right || !pair.feedback)
					r.fail(`pairs[${i}]`, 'needs left, right and feedback');
				return pair;
			});
			if (pairs.length < 3 || pairs.length > 5)
				r.fail('pairs', `needs 3 to 5 pairs, has ${pairs.length}`);
			if (
				new Set(pairs.map((p) => p.left)).size !== pairs.length ||
				new Set(pairs.map((p) => p.right)).size !== pairs.length
			) {
				r.fail('pairs', 'each left and each right must be different');
			}
			return { ...base, type, pairs };
		}
		case 'cloze': {
			r.onlyKnown([...common, 'text', 'answers', 'feedback']);
			const text = r.string('text');
			const answers = r.strings('answers', { nonEmpty: true });
			if (text.split('___').length !== 2) r.fail('text', 'must contain exactly one blank "___"');
			else if (
				answers[0] &&
				!base.sentences.some((s) =>
					refs.sentences.get(s)?.text.includes(text.replace('___', answers[0]))
				)
			) {
				r.fail(
					'text',
					`with "${answers[0]}" in the blank it is not verbatim in ${base.sentences.join(' or ')}`
				);
			}
			return { ...base, type, text, answers, feedback: feedback2(r, item) };
		}
		case 'locate': {
			r.onlyKnown([...common, 'region', 'answer', 'options']);
			const region = r.string('region');
			const answer = r.string('answer');
			if (region && !refs.regions.some((g) => g.id === region))
				r.fail('region', `"${region}" is not a map region`);
			const options = listOf(r, item, 'options').map((o, i) => {
				const or = new FieldReader(o, r.file, r.id, []);
				const option = { place: or.string('place'), feedback: or.string('feedback') };
				const place = refs.places.find((p) => p.id === option.place);
				if (!place || place.region !== region)
					r.fail(`options[${i}].place`, `"${option.place}" is not a place of ${region}`);
				if (!option.feedback) r.fail(`options[${i}].feedback`, 'is missing');
				return option;
			});
			if (options.length < 3 || options.length > 5)
				r.fail('options', `must have 3 to 5 places, has ${options.length}`);
			if (!options.some((o) => o.place === answer))
				r.fail('answer', `"${answer}" is not among the options`);
			return { ...base, type, region, answer, options };
		}
		default:
			return null;
	}
}

function listOf(
	r: FieldReader,
	item: Record<string, unknown>,
	field: string
): Record<string, unknown>[] {
	const value = item[field];
	if (!Array.isArray(value)) {
		r.fail(field, `must be a list, got ${describe(value)}`);
		return [];
	}
	return value.filter((v, i) => {
		if (!isRecord(v)) r.fail(`${field}[${i}]`, `must be a mapping, got ${describe(v)}`);
		return isRecord(v);
	});
}
