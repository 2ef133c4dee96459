/**
 * A teacher's guide to one lesson, lessons/guides/<lesson>.yaml: the teacher's page, the
 * students' worksheet and its answer key, all from one file, so the key always fits the sheet.
 * Texts are prose with the lessons' tags (guide-text.ts). Its cross-reference checks are in
 * guide-checks.ts.
 */
import * as v from 'valibot';
import { ContentError } from '../errors';
import { parseGuideText, type GuideText } from './guide-text';
import { loadYaml, readRecord, unknownFields } from './read';
import {
	count,
	describe,
	idPattern,
	isRecord,
	list,
	oneOf,
	record,
	sentenceIds,
	text
} from './schema';

export const guidePathPattern = /^\/lessons\/guides\/([a-z0-9-]+)\.yaml$/;
export const guidePath = (lesson: string) => `/lessons/guides/${lesson}.yaml`;

/** Prose with <Quote>, <Term>, <Fact> and *emphasis*, read into blocks as it is checked. */
export function guideText() {
	return v.pipe(
		text(),
		v.rawTransform(({ dataset, addIssue, NEVER }) => {
			const { blocks, problems } = parseGuideText(dataset.value);
			for (const message of problems) addIssue({ message });
			return problems.length ? NEVER : blocks;
		})
	);
}

const listOf = <S extends v.GenericSchema>(item: S, min: number, max = Infinity) =>
	v.pipe(
		v.array(item, (issue) =>
			issue.input == null ? 'is missing' : `must be a list, got ${describe(issue.input)}`
		),
		v.check(
			(items) => items.length >= min && items.length <= max,
			(issue) =>
				`must have ${max === Infinity ? `at least ${min}` : `${min} to ${max}`} items, has ${issue.input.length}`
		)
	);

export const planStages = ['warm-up', 'reading', 'activity', 'check'] as const;
/** The two plans and how long each takes, in minutes. */
export const planMinutes = { full: 45, short: 20 } as const;

const step = record({
	stage: oneOf(planStages),
	minutes: count({ integer: true, min: 1, max: 45 }),
	do: guideText()
});

export const worksheetKinds = ['short', 'evidence', 'vocabulary', 'choice', 'truefalse'] as const;
/** Kinds every worksheet has at least one of (the mix the worksheet promises). */
export const requiredKinds = ['short', 'evidence', 'vocabulary'] as const;

const lines = v.optional(count({ integer: true, min: 1, max: 8 }), 3);
/** The fields of each kind of worksheet question, besides `kind` and `ask`. */
const kindFields = {
	short: { lines, answer: guideText() },
	/** Evidence from the text: `sentences` hold it, and the key quotes them. */
	evidence: { lines, sentences: sentenceIds({ nonEmpty: true }), answer: guideText() },
	/** Terms (glossary ids) to match to meanings written for the sheet. */
	vocabulary: {
		pairs: listOf(record({ term: text({ pattern: idPattern }), meaning: text({ max: 140 }) }), 3, 5)
	},
	choice: {
		options: listOf(record({ text: text(), correct: v.optional(v.boolean(), false) }), 3, 4),
		answer: guideText()
	},
	truefalse: {
		statement: guideText(),
		isTrue: v.boolean('must be true or false'),
		lines,
		answer: guideText()
	}
} satisfies Record<(typeof worksheetKinds)[number], v.ObjectEntries>;

const questionCommon = record({ kind: oneOf(worksheetKinds), ask: guideText() });
const kindSchemas = {
	short: record(kindFields.short),
	evidence: record(kindFields.evidence),
	vocabulary: record(kindFields.vocabulary),
	choice: record(kindFields.choice),
	truefalse: record(kindFields.truefalse)
};
type KindSchemas = typeof kindSchemas;
export type WorksheetQuestion = {
	[K in keyof KindSchemas]: { kind: K; ask: GuideText } & v.InferOutput<KindSchemas[K]>;
}[keyof KindSchemas];

const guideSchema = record({
	lesson: text({ pattern: idPattern }),
	/** For the teacher: what the lesson does and the one idea students should leave with. */
	summary: guideText(),
	/** Glossary ids of the key terms. */
	terms: list({ nonEmpty: true, pattern: idPattern }),
	/** Shown first on the guide, the worksheet and the key (required for a lesson with one). */
	contentNote: v.optional(guideText()),
	plan: record({ full: listOf(step, 4, 8), short: listOf(step, 2, 5) }),
	prompts: listOf(
		record({ ask: guideText(), sentences: sentenceIds({ nonEmpty: true }), strong: guideText() }),
		4,
		6
	),
	misconceptions: listOf(record({ wrong: guideText(), right: guideText() }), 2, 5),
	support: listOf(guideText(), 1, 5),
	extension: listOf(guideText(), 1, 5),
	worksheet: record({
		/** The sentences set out for close reading: ones the lesson quotes in full. */
		sentences: sentenceIds({ nonEmpty: true }),
		/** The key's answer to the sourcing box's "why" for this part of the text. */
		purpose: guideText(),
		/** The content note on the students' sheet, in words for them (required with contentNote). */
		contentNote: v.optional(guideText()),
		questions: listOf(v.unknown(), 5, 8)
	})
});

export type LessonGuide = Omit<v.InferOutput<typeof guideSchema>, 'worksheet' | 'contentNote'> & {
	contentNote?: GuideText;
	worksheet: Omit<v.InferOutput<typeof guideSchema>['worksheet'], 'questions' | 'contentNote'> & {
		questions: WorksheetQuestion[];
		contentNote?: GuideText;
	};
	file: string;
};
export type PlanStep = LessonGuide['plan']['full'][number];

function readQuestion(item: unknown, file: string, id: string, i: number, errors: ContentError[]) {
	const at = `worksheet.questions[${i}]`;
	const prefixed = (from: number) => {
		for (const e of errors.splice(from))
			errors.push(new ContentError(e.file, e.id, `${at}.${e.field}`, e.problem));
	};
	if (!isRecord(item)) {
		errors.push(new ContentError(file, id, at, `must be a mapping, got ${describe(item)}`));
		return null;
	}
	const before = errors.length;
	const common = readRecord(questionCommon, item, file, id, errors, { known: false });
	const fields = kindFields[common.kind as keyof typeof kindFields];
	if (!fields) return (prefixed(before), null);
	errors.push(...unknownFields(item, ['kind', 'ask', ...Object.keys(fields)], file, id));
	const rest = readRecord(kindSchemas[common.kind], item, file, id, errors, { known: false });
	prefixed(before);
	return { ...common, ...rest } as WorksheetQuestion;
}

/** One guide file, read through its schema; null when it is not a mapping. */
export function readGuide(file: string, raw: string, errors: ContentError[]): LessonGuide | null {
	const lesson = guidePathPattern.exec(file)?.[1] ?? file;
	const before = errors.length;
	const doc = loadYaml(raw, file, errors);
	if (errors.length > before) return null;
	if (!isRecord(doc)) {
		errors.push(new ContentError(file, lesson, 'guide', `must be a mapping, got ${describe(doc)}`));
		return null;
	}
	const read = readRecord(guideSchema, doc, file, lesson, errors);
	const items = Array.isArray(read.worksheet?.questions) ? read.worksheet.questions : [];
	const questions = items.flatMap((q, i) => readQuestion(q, file, lesson, i, errors) ?? []);
	return {
		...read,
		contentNote: read.contentNote as GuideText | undefined,
		worksheet: { ...read.worksheet, questions },
		file
	} as LessonGuide;
}
