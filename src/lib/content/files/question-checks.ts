import { ContentError } from '../errors';
import { eventTime } from '../dates';
import type { Commitment } from './commitments';
import type { TimelineEvent } from './facts';
import type { LessonMeta } from './lesson';
import type { Place } from './places';
import type { Checks } from './refs';
import { questionPathPattern, type ReadQuestion } from './questions';
import type { MapRegion } from './regions';
import type { Retired } from './retired';
import type { Sentence } from './source';

const escapeHatch = /\b(all|none) of the above\b/i;

export interface QuestionRefs {
	sentences: Map<string, Sentence>;
	commitments: Commitment[];
	events: TimelineEvent[];
	places: Place[];
	regions: MapRegion[];
	lessons: LessonMeta[];
	retired: Retired;
}

/** Every question file belongs to a lesson. */
export function checkQuestionFiles(
	files: Record<string, string>,
	lessons: LessonMeta[],
	errors: ContentError[]
): void {
	for (const file of Object.keys(files).sort((a, b) => a.localeCompare(b))) {
		const lesson = questionPathPattern.exec(file)?.[1];
		if (lesson && !lessons.some((l) => l.slug === lesson))
			errors.push(
				new ContentError(file, null, 'file', `there is no lesson "${lesson}" for these questions`)
			);
	}
}

/**
 * Each question: its id is used once in the bank, its quote is verbatim, the ids it cites exist,
 * and its correct answer is really among its options (for ordering: that the events are given in
 * the order of their dates).
 */
export function checkQuestions(
	read: ReadQuestion[],
	refs: QuestionRefs,
	{ claims, errors }: Pick<Checks, 'claims' | 'errors'>
): void {
	const seen = new Set<string>();
	for (const { file, label, question: q } of read) {
		const fail = (field: string, problem: string) =>
			errors.push(new ContentError(file, label, field, problem));
		if (seen.has(q.id))
			errors.push(new ContentError(file, q.id, 'id', 'is used twice in the question bank'));
		seen.add(q.id);
		for (const s of q.sentences)
			if (!refs.sentences.has(s)) fail('sentences', `${s} is not a sentence of the communique`);
		const verbatim = (words: string) =>
			q.sentences.some((s) => refs.sentences.get(s)?.text.includes(words));
		if (q.quote && !verbatim(q.quote))
			fail('quote', `"${q.quote}" is not verbatim in ${q.sentences.join(' or ')}`);
		for (const c of q.commitments) {
			const retired = refs.retired.commitments.find((x) => x.id === c);
			if (retired)
				fail(
					'commitments',
					`"${c}" is retired (lessons/retired.yaml)${retired.successor ? `: use "${retired.successor}"` : ''}`
				);
			else if (!refs.commitments.some((x) => x.id === c))
				fail('commitments', `"${c}" is not an item of lessons/commitments.yaml`);
		}
		if (escapeHatch.test(JSON.stringify(q)))
			fail('options', 'no "all of the above" or "none of the above"');
		checkAnswer(q, { fail, verbatim, refs });
		// What the question says in its own words; its quote and cloze text are verbatim already.
		const own = {
			...q,
			id: '',
			quote: '',
			sentences: [],
			text: '',
			difficulty: undefined,
			commitments: []
		};
		claims(file, q.id, 'text', JSON.stringify(own).replace(/[{}[\]"]/g, ' '));
	}
}

type Check = {
	fail: (field: string, problem: string) => void;
	verbatim: (words: string) => boolean;
	refs: QuestionRefs;
};

const distinct = (list: string[]) => new Set(list).size === list.length;

function checkAnswer(q: ReadQuestion['question'], { fail, verbatim, refs }: Check): void {
	switch (q.type) {
		case 'single':
		case 'multiple': {
			q.options.forEach((o, i) => {
				if (!o.id || !o.text || !o.feedback) fail(`options[${i}]`, 'needs id, text and feedback');
			});
			const n = q.options.length;
			if (n < 3 || n > 5) fail('options', `must have 3 to 5 options, has ${n}`);
			if (!distinct(q.options.map((o) => o.id))) fail('options', 'option ids must be unique');
			const correct = q.options.filter((o) => o.correct).length;
			if (q.type === 'single' && correct !== 1)
				fail(
					'options',
					`a single-choice question needs exactly one correct option, has ${correct}`
				);
			if (q.type === 'multiple' && (correct < 1 || correct === n))
				fail('options', 'a multiple-response question needs correct and incorrect options');
			return;
		}
		case 'ordering': {
			const found = q.events.map((e) => refs.events.find((x) => x.id === e));
			found.forEach((e, i) => {
				if (!e) fail(`events[${i}]`, `"${q.events[i]}" is not an event of lessons/facts.yaml`);
			});
			if (q.events.length < 3 || q.events.length > 6)
				fail('events', `needs 3 to 6 events, has ${q.events.length}`);
			const times = found.map((e) => (e ? eventTime(e).getTime() : 0));
			if (times.some((t, i) => i > 0 && t <= times[i - 1]))
				fail('events', 'must be listed in the order of their dates (that order is the answer)');
			return;
		}
		case 'matching': {
			q.pairs.forEach((p, i) => {
				if (!p.left || !p.right || !p.feedback)
					fail(`pairs[${i}]`, 'needs left, right and feedback');
			});
			if (q.pairs.length < 3 || q.pairs.length > 5)
				fail('pairs', `needs 3 to 5 pairs, has ${q.pairs.length}`);
			if (!distinct(q.pairs.map((p) => p.left)) || !distinct(q.pairs.map((p) => p.right)))
				fail('pairs', 'each left and each right must be different');
			return;
		}
		case 'cloze': {
			const [first] = q.answers;
			if (q.text.split('___').length !== 2) fail('text', 'must contain exactly one blank "___"');
			else if (first && !verbatim(q.text.replace('___', first)))
				fail(
					'text',
					`with "${first}" in the blank it is not verbatim in ${q.sentences.join(' or ')}`
				);
			return;
		}
		case 'locate': {
			if (q.region && !refs.regions.some((g) => g.id === q.region))
				fail('region', `"${q.region}" is not a map region`);
			q.options.forEach((o, i) => {
				const place = refs.places.find((p) => p.id === o.place);
				if (!place || place.region !== q.region)
					fail(`options[${i}].place`, `"${o.place}" is not a place of ${q.region}`);
				if (!o.feedback) fail(`options[${i}].feedback`, 'is missing');
			});
			if (q.options.length < 3 || q.options.length > 5)
				fail('options', `must have 3 to 5 places, has ${q.options.length}`);
			if (!q.options.some((o) => o.place === q.answer))
				fail('answer', `"${q.answer}" is not among the options`);
		}
	}
}
