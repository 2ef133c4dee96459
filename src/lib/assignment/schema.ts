import * as v from 'valibot';
import { cleanName, textProblem, tooManyMarks, visible } from '$lib/assignment/text-rules';
import { reveals } from './types';

/** Limits on what an assignment may hold, so no request can make the server do unbounded work. */
export const limits = {
	title: 120,
	poolQuestions: 100,
	ownQuestions: 30,
	prompt: 500,
	option: 300,
	feedback: 600,
	options: { min: 2, max: 6 },
	clozeAnswers: 5,
	name: 60,
	attempts: 10,
	bodyBytes: 64 * 1024,
	/** Students (names) per assignment: the teacher chooses, up to `max`. */
	students: { default: 200, max: 1000 },
	/** Names in a class list, and the characters of the pasted list. */
	classList: { names: 1000, chars: 64 * 1000 }
};

export const defaultMaxStudents = limits.students.default;

/** JSON can carry lone UTF-16 surrogates; SQLite would store them changed. Refuse them. */
const wellFormed = (what: string) =>
	v.check((s: string) => !/\p{Cs}/u.test(s), `${what} must be valid Unicode text`);

/** Teacher-written text follows the rules names follow (text-rules.ts), newlines only where allowed. */
const rules = (what: string, multiline: boolean) =>
	v.check(
		(s: string) => !s || textProblem(s, { multiline }) === null,
		(issue) => {
			const problem = textProblem(issue.input as string, { multiline });
			return `${what} ${problem}`;
		}
	);

const text = (what: string, max: number, { min = 1, multiline = false } = {}) =>
	v.pipe(
		v.string(`${what} must be text`),
		wellFormed(what),
		v.normalize('NFC'),
		v.trim(),
		v.minLength(min, `${what} must not be empty`),
		v.maxLength(max, `${what} must be at most ${max} characters`),
		rules(what, multiline)
	);
const optionalText = (what: string, max: number, multiline = true) =>
	v.optional(
		v.pipe(
			v.string(`${what} must be text`),
			wellFormed(what),
			v.normalize('NFC'),
			v.trim(),
			v.maxLength(max, `${what} must be at most ${max} characters`),
			rules(what, multiline)
		),
		''
	);
const twoWayFeedback = v.optional(
	v.strictObject({
		correct: optionalText('feedback.correct', limits.feedback),
		incorrect: optionalText('feedback.incorrect', limits.feedback)
	}),
	{ correct: '', incorrect: '' }
);

const option = v.strictObject({
	text: text('option text', limits.option),
	correct: v.boolean('"correct" must be true or false'),
	feedback: optionalText('option feedback', limits.feedback)
});
const options = v.pipe(
	v.array(option, 'options must be a list'),
	v.minLength(limits.options.min, `must have at least ${limits.options.min} options`),
	v.maxLength(limits.options.max, `must have at most ${limits.options.max} options`),
	v.check(
		(os) => new Set(os.map((o) => o.text.toLowerCase())).size === os.length,
		'two options have the same text'
	)
);

/** A question the teacher writes: single choice, multiple response, true/false or cloze. */
export const ownQuestionSchema = v.variant(
	'type',
	[
		v.strictObject({
			type: v.literal('single'),
			prompt: text('prompt', limits.prompt, { multiline: true }),
			options: v.pipe(
				options,
				v.check(
					(os) => os.filter((o) => o.correct).length === 1,
					'a single-choice question needs exactly one correct option'
				)
			)
		}),
		v.strictObject({
			type: v.literal('multiple'),
			prompt: text('prompt', limits.prompt, { multiline: true }),
			options: v.pipe(
				options,
				v.check(
					(os) => os.some((o) => o.correct),
					'a multiple-response question needs at least one correct option'
				)
			)
		}),
		v.strictObject({
			type: v.literal('truefalse'),
			prompt: optionalText('prompt', limits.prompt),
			statement: text('statement', limits.prompt, { multiline: true }),
			answer: v.boolean('"answer" must be true or false'),
			feedback: twoWayFeedback
		}),
		v.strictObject({
			type: v.literal('cloze'),
			prompt: optionalText('prompt', limits.prompt),
			text: v.pipe(
				text('text', limits.prompt, { multiline: true }),
				v.check(
					(t) => t.split('___').length === 2,
					'text must contain the blank ___ (three underscores) exactly once'
				)
			),
			answers: v.pipe(
				v.array(
					v.pipe(
						text('answer', limits.option),
						// Only case, surrounding spaces and a trailing full stop are ignored when
						// marking (grade.ts): an answer of only punctuation would match nothing typed.
						v.check(
							(a) => /[^\p{P}\s]/u.test(a),
							'answer must not be only punctuation (marking compares every other character)'
						)
					),
					'answers must be a list'
				),
				v.minLength(1, 'answers must list at least one accepted answer'),
				v.maxLength(limits.clozeAnswers, `answers may list at most ${limits.clozeAnswers}`)
			),
			feedback: twoWayFeedback
		})
	],
	'type must be "single", "multiple", "truefalse" or "cloze"'
);
export type OwnQuestionInput = v.InferOutput<typeof ownQuestionSchema>;

const ids = (what: string, max: number) =>
	v.optional(
		v.pipe(
			v.array(
				v.pipe(v.string(`each of ${what} must be text`), v.maxLength(80)),
				`${what} must be a list`
			),
			v.maxLength(max, `${what} may list at most ${max}`)
		),
		[]
	);

const attemptsSchema = v.pipe(
	v.number(`attempts must be a whole number from 1 to ${limits.attempts}`),
	v.integer(`attempts must be a whole number from 1 to ${limits.attempts}`),
	v.minValue(1, 'attempts must be at least 1'),
	v.maxValue(limits.attempts, `attempts must be at most ${limits.attempts}`)
);
const dueAtSchema = v.nullable(
	v.pipe(
		v.string('dueAt must be a date and time such as 2026-12-01T15:00:00Z'),
		v.maxLength(40, 'dueAt must be a date and time such as 2026-12-01T15:00:00Z'),
		v.check(
			(s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
			'dueAt must be a date and time such as 2026-12-01T15:00:00Z'
		),
		v.check(realDate, 'dueAt is not a real date (check the day of the month)')
	)
);
const revealSchema = v.picklist(reveals, 'reveal must be "immediately", "after-due" or "never"');
const maxStudentsSchema = v.pipe(
	v.number(`maxStudents must be a whole number from 1 to ${limits.students.max}`),
	v.integer(`maxStudents must be a whole number from 1 to ${limits.students.max}`),
	v.minValue(1, 'maxStudents must be at least 1'),
	v.maxValue(limits.students.max, `maxStudents must be at most ${limits.students.max}`)
);

export const createSchema = v.strictObject({
	title: text('title', limits.title),
	questionIds: ids('questionIds', limits.poolQuestions),
	lessons: ids('lessons', 50),
	commitments: ids('commitments', 100),
	questions: v.optional(
		v.pipe(
			v.array(ownQuestionSchema, 'questions must be a list'),
			v.maxLength(limits.ownQuestions, `questions may hold at most ${limits.ownQuestions}`)
		),
		[]
	),
	count: v.optional(
		v.nullable(
			v.pipe(
				v.number('count must be a whole number'),
				v.integer('count must be a whole number'),
				v.minValue(1, 'count must be at least 1'),
				v.maxValue(limits.poolQuestions, `count must be at most ${limits.poolQuestions}`)
			)
		),
		null
	),
	shuffle: v.optional(v.boolean('shuffle must be true or false'), true),
	attempts: v.optional(attemptsSchema, 1),
	dueAt: v.optional(dueAtSchema, null),
	reveal: v.optional(revealSchema, 'immediately'),
	maxStudents: v.optional(maxStudentsSchema, limits.students.default)
});
export type CreateInput = v.InferOutput<typeof createSchema>;

/** Whether the date part names a day that exists: JavaScript reads 2027-02-30 as 2 March. */
function realDate(s: string): boolean {
	const [y, m, d] = s.slice(0, 10).split('-').map(Number);
	const day = new Date(Date.UTC(y, m - 1, d));
	return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const segmenter = new Intl.Segmenter();
const graphemes = (s: string) => [...segmenter.segment(s)].length;

/**
 * A display name: NFC, trimmed, invisible characters removed (text-rules.ts `cleanName`),
 * 1–60 characters, with a letter or digit, no control characters, no stack of accent marks.
 */
export const nameSchema = v.pipe(
	v.string('name must be text'),
	v.maxLength(1000, `name must be at most ${limits.name} characters`),
	wellFormed('name'),
	v.check((s) => !/\p{Cc}/u.test(s), 'name must not contain control characters'),
	v.transform(cleanName),
	v.minLength(1, 'name must not be empty'),
	// Counting graphemes is slow; a name of at most 60 UTF-16 units has at most 60 of them.
	v.check(
		(s) => s.length <= limits.name || graphemes(s) <= limits.name,
		`name must be at most ${limits.name} characters`
	),
	v.check((s) => !tooManyMarks(s), 'name must not stack more than 3 accent marks on one letter'),
	// A name of only invisible characters or punctuation would be a blank row for the teacher.
	v.check(
		(s) => visible(s) && /[\p{L}\p{N}]/u.test(s),
		'name must contain at least one letter or digit'
	)
);

/**
 * A class list as the teacher pastes it: one name a line, blank lines skipped; each line follows
 * the rules a student's name follows (`nameSchema`). A list of names is taken too (the API).
 */
export const classListSchema = v.pipe(
	v.union(
		[
			v.pipe(
				v.string(),
				v.maxLength(
					limits.classList.chars,
					`classList must be at most ${limits.classList.chars} characters`
				),
				v.transform((s) => s.split(/\r?\n/))
			),
			v.array(v.string('each name in classList must be text'))
		],
		'classList must be text (one name a line) or a list of names'
	),
	v.transform((lines) => lines.filter((l) => l.trim() !== '')),
	v.maxLength(limits.classList.names, `classList may hold at most ${limits.classList.names} names`),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const names: string[] = [];
		for (const [i, line] of dataset.value.entries()) {
			const r = v.safeParse(nameSchema, line);
			if (!r.success) {
				addIssue({
					message: `classList line ${i + 1} ("${line.trim().slice(0, 40)}"): ${r.issues[0].message}`
				});
				return NEVER;
			}
			names.push(r.output);
		}
		return names;
	})
);

/** An edit of an assignment (`PATCH /api/assignments/<code>`): only the fields to change. */
export const editSchema = v.strictObject({
	title: v.optional(text('title', limits.title)),
	dueAt: v.optional(dueAtSchema),
	acceptLate: v.optional(v.boolean('acceptLate must be true or false')),
	attempts: v.optional(attemptsSchema),
	reveal: v.optional(revealSchema),
	maxStudents: v.optional(maxStudentsSchema),
	classList: v.optional(classListSchema),
	questionIds: v.optional(
		v.pipe(
			v.array(
				v.pipe(v.string('each of questionIds must be text'), v.maxLength(80)),
				'questionIds must be a list'
			),
			v.minLength(1, 'questionIds must list at least one question'),
			v.maxLength(limits.poolQuestions, `questionIds may list at most ${limits.poolQuestions}`)
		)
	)
});
export type EditInput = v.InferOutput<typeof editSchema>;

export const submissionSchema = v.strictObject({
	name: nameSchema,
	answers: v.pipe(
		v.custom<Record<string, unknown>>(
			(a) => typeof a === 'object' && a !== null && !Array.isArray(a),
			'answers must be an object of question id → response'
		),
		v.check(
			(a) => Object.keys(a).length <= limits.poolQuestions,
			`answers may hold at most ${limits.poolQuestions} entries`
		)
	)
});

/** The first problem, naming the field: `questions[1].options: must have at least 2 options`. */
export function describeIssues(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
	const issue = issues[0];
	const keys = (issue.path ?? []).map((p) => p.key);
	const path = keys.reduce<string>(
		(s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
		''
	);
	if (!path) return issue.message;
	if (issue.received === 'undefined') return `${path}: is required`;
	if (issue.kind === 'schema' && issue.expected === 'never')
		return `${path}: is not a field this request takes`;
	// Messages name their field ("attempts must be…"): say it once, as the path.
	const last = String(keys.at(-1));
	const message = issue.message.startsWith(`${last} `)
		? issue.message.slice(last.length + 1)
		: issue.message;
	return `${path}: ${message}`;
}

export function parseWith<T extends v.GenericSchema>(
	schema: T,
	input: unknown
): { ok: true; value: v.InferOutput<T> } | { ok: false; error: string } {
	const r = v.safeParse(schema, input);
	return r.success ? { ok: true, value: r.output } : { ok: false, error: describeIssues(r.issues) };
}
