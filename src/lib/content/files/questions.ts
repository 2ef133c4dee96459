import * as v from 'valibot';
import { ContentError } from '../errors';
import { loadYaml, readRecord, unknownFields } from './read';
import {
	count,
	describe,
	idPattern,
	isRecord,
	list,
	oneOf,
	optionalList,
	record,
	sensitiveMark,
	sentenceIds,
	text,
	withoutFalseMark
} from './schema';
import { bloomLevels, questionTypes } from './vocabulary';

export const questionPathPattern = /^\/lessons\/questions\/([a-z0-9-]+)\.yaml$/;

/** What every question has, whatever its type. */
const common = {
	id: text({ pattern: idPattern }),
	type: oneOf(questionTypes),
	bloom: oneOf(bloomLevels),
	difficulty: v.pipe(
		count({ integer: true, min: 1, max: 3 }),
		v.transform((n) => n as 1 | 2 | 3)
	),
	prompt: text(),
	sentences: sentenceIds({ nonEmpty: true }),
	/** Verbatim words of one of its sentences, shown after answering. */
	quote: text(),
	commitments: optionalList(),
	/** About sexual violence, detention or violence against civilians: a content note comes first. */
	sensitive: sensitiveMark
};

// The parts of options and pairs are read as text ('' when they are not); which are missing is
// said once per option by the checks (question-checks.ts), as "needs id, text and feedback".
const part = v.fallback(v.pipe(v.string(), v.trim()), '');
const records = <S extends v.GenericSchema>(item: S) =>
	v.array(item, (issue) => `must be a list, got ${describe(issue.input)}`);
const needed = v.pipe(
	v.string('is missing'),
	v.trim(),
	v.check((t) => t !== '', 'is missing')
);

export const choiceOptionSchema = record({
	id: part,
	text: part,
	correct: v.boolean('must be true or false'),
	feedback: part
});
export const twoWayFeedbackSchema = record(
	{ correct: needed, incorrect: needed },
	() => 'must be a mapping with "correct" and "incorrect"'
);

/** The fields of each type of question. */
const fieldsOf = {
	single: { options: records(choiceOptionSchema) },
	multiple: { options: records(choiceOptionSchema) },
	truefalse: {
		statement: text(),
		answer: v.boolean('must be true or false'),
		feedback: twoWayFeedbackSchema,
		why: text()
	},
	/** Events of facts.yaml, in the order of their dates: that order is the answer. */
	ordering: { events: list({ nonEmpty: true }), feedback: twoWayFeedbackSchema },
	matching: { pairs: records(record({ left: part, right: part, feedback: part })) },
	/** A sentence with one blank "___"; the first answer fills it verbatim. */
	cloze: { text: text(), answers: list({ nonEmpty: true }), feedback: twoWayFeedbackSchema },
	/** A map question: the answer is one of the options' places, all of `region`. */
	locate: {
		region: text(),
		answer: text(),
		options: records(record({ place: part, feedback: part }))
	}
} satisfies Record<(typeof questionTypes)[number], v.ObjectEntries>;

/**
 * A question of lessons/questions/<lesson>.yaml, by type. The reader takes it in two steps (the
 * common fields, then those of its type), so that a question of no known type is still reported.
 */
export const questionSchema = v.variant('type', [
	v.object({ ...common, type: v.literal('single'), ...fieldsOf.single }),
	v.object({ ...common, type: v.literal('multiple'), ...fieldsOf.multiple }),
	v.object({ ...common, type: v.literal('truefalse'), ...fieldsOf.truefalse }),
	v.object({ ...common, type: v.literal('ordering'), ...fieldsOf.ordering }),
	v.object({ ...common, type: v.literal('matching'), ...fieldsOf.matching }),
	v.object({ ...common, type: v.literal('cloze'), ...fieldsOf.cloze }),
	v.object({ ...common, type: v.literal('locate'), ...fieldsOf.locate })
]);

export type Question = v.InferOutput<typeof questionSchema> & {
	/** The lesson whose file holds it (lessons/questions/<lesson>.yaml). */
	lesson: string;
};
export type QuestionType = (typeof questionTypes)[number];
export type BloomLevel = (typeof bloomLevels)[number];
export type ChoiceOption = v.InferOutput<typeof choiceOptionSchema>;
export type TwoWayFeedback = v.InferOutput<typeof twoWayFeedbackSchema>;

/** A question as read, with the name its problems are reported under (its id, or `[3]`). */
export interface ReadQuestion {
	file: string;
	label: string;
	question: Question;
}

const commonSchema = record(common);
const typeSchemas = {
	single: record(fieldsOf.single),
	multiple: record(fieldsOf.multiple),
	truefalse: record(fieldsOf.truefalse),
	ordering: record(fieldsOf.ordering),
	matching: record(fieldsOf.matching),
	cloze: record(fieldsOf.cloze),
	locate: record(fieldsOf.locate)
};

function readQuestion(
	item: Record<string, unknown>,
	where: Omit<ReadQuestion, 'question'>,
	lesson: string,
	errors: ContentError[]
): Question | null {
	const { file, label } = where;
	const read = readRecord(commonSchema, item, file, label, errors, { known: false });
	const { id, type, ...rest } = withoutFalseMark(read);
	if (!questionTypes.includes(type)) return null;
	const schema = typeSchemas[type];
	errors.push(
		...unknownFields(item, [...Object.keys(common), ...Object.keys(schema.entries)], file, label)
	);
	const fields = readRecord(schema, item, file, label, errors, { known: false });
	return { id, lesson, ...rest, type, ...fields } as Question;
}

/** Every question file (lessons/questions/<lesson>.yaml, a list of questions), in file order. */
export function readQuestions(
	files: Record<string, string>,
	errors: ContentError[]
): ReadQuestion[] {
	const read: ReadQuestion[] = [];
	for (const [file, raw] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const lesson = questionPathPattern.exec(file)?.[1];
		if (!lesson) continue;
		const before = errors.length;
		const doc = loadYaml(raw, file, errors);
		if (errors.length > before) continue;
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
			const label = typeof item.id === 'string' ? item.id : `[${i}]`;
			const question = readQuestion(item, { file, label }, lesson, errors);
			if (question) read.push({ file, label, question });
		});
	}
	return read;
}
