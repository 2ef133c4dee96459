// Property tests with fast-check against the running server: whatever a client sends, the API
// answers below 500, and a refusal (4xx) stores nothing. And a student's view of an assignment
// never carries its answers. Seeded, so a run is repeatable (FUZZ_SEED picks another seed).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankQuestions, viewIdMap, type ShownView } from '../support/bank';
import type { DatabaseProbe, RowCounts } from '../support/db-counts';
import { create, probe, request, type Created } from './helpers';

const seed = Number(process.env.FUZZ_SEED ?? 20200604);
const settings = (numRuns: number) => ({ seed, numRuns });

let db: DatabaseProbe;
let target: Created;
beforeAll(async () => {
	// A real assignment to post to: teacher-written questions and bank questions of every type.
	target = await create({
		title: 'Fuzz target',
		lessons: ['syria'],
		questions: [
			{
				type: 'single',
				prompt: 'One',
				options: [
					{ text: 'a', correct: true },
					{ text: 'b', correct: false }
				]
			},
			{ type: 'truefalse', statement: 'Yes?', answer: true },
			{ type: 'cloze', text: 'A ___ B', answers: ['x'] }
		],
		attempts: 10
	});
	db = probe();
});
afterAll(() => db?.close());

// ---------------------------------------------------------------------------------------------
// Arbitraries

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** Any one code point. */
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
/** Characters a teacher can type that still trip code up: invisible, combining, quoting, SQL's. */
const typeableOdd = ['\ufeff', '\u0301', '\u200b', '"', '\\', '<', '%', '_'];
const awkward = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u202e', ...typeableOdd, '\r\n');
const char = fc.oneof(
	{ weight: 6, arbitrary: anyChar },
	{ weight: 2, arbitrary: loneSurrogate },
	{ weight: 2, arbitrary: awkward }
);
const text = (maxLength = 40) => fc.string({ unit: char, maxLength });
/** Bidi embeddings, overrides and isolates, and what closes them. */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;
/**
 * Text a teacher could type: awkward, but what the rules for teacher text let through (issue 10,
 * item 7): valid Unicode (lone surrogates are refused with a 400), no control characters, every
 * bidi override closed, at most three accent marks on a letter. Invisible characters stay in.
 */
const typedText = (maxLength = 40) =>
	fc
		.string({
			unit: fc.oneof(
				{
					weight: 6,
					arbitrary: anyChar.filter((c) => !/\p{Cc}/u.test(c) && !bidiControl.test(c))
				},
				{
					weight: 2,
					arbitrary: fc.constantFrom(
						'\u202eevil\u202c',
						'\u2067\u05d0\u2069',
						...typeableOdd,
						'\u2028'
					)
				}
			),
			maxLength
		})
		.map((t) => t.replace(/(\p{M}{3})\p{M}+/gu, '$1'));
const protoKey = fc.constantFrom(
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty'
);
const key = fc.oneof(protoKey, text(12), fc.constantFrom('title', 'name', 'answers', 'type'));
const anything = fc.anything({
	key,
	stringUnit: char,
	maxDepth: 4,
	withNullPrototype: true,
	withObjectString: true
});
/**
 * Bodies stay under 90 KB: over 64 KB is refused (413) either way, and far larger bodies trip a
 * connection bug of their own (see errors.test.ts, "413 … leaves the connection usable").
 */
const maxBodyBytes = 90_000;
/** One character repeated to `min`–`max` bytes of JSON. */
const repeated = (min: number, max: number) =>
	fc
		.tuple(char, fc.integer({ min, max }))
		.map(([c, bytes]) => c.repeat(Math.ceil(bytes / (Buffer.byteLength(JSON.stringify(c)) - 2))));
/** A whole body's worth: some under the 64 KB limit, some over. */
const huge = repeated(20_000, maxBodyBytes - 100);
/** Long, but a few of them still fit in a body. */
const long = repeated(1_000, 8_000);
const bankIds = bankQuestions().map((q) => q.id);

/** JSON text for an object with extra keys written first: `__proto__` stays an own key this way. */
function withExtraKeys(base: unknown, extras: [string, unknown][]): string {
	const json = JSON.stringify(base) ?? 'null';
	if (!extras.length || !json.startsWith('{')) return json;
	const head = extras.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`);
	const rest = json.slice(1, -1);
	return `{${head.join(',')}${rest ? `,${rest}` : ''}}`;
}

/** Anything JSON.stringify makes of a value, or '' when it makes nothing. */
function stringify(value: unknown): string {
	try {
		return JSON.stringify(value) ?? '';
	} catch {
		return '';
	}
}

const deep = fc
	.tuple(fc.integer({ min: 1, max: maxBodyBytes / 10 }), fc.constantFrom('[', '{"a":', '{"title":'))
	.map(([depth, open]) => {
		const close = open === '[' ? ']' : '}';
		return open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
	});

/** Mostly `right`; one time in `oneIn`, `wrong`. */
const mostly = <T, U>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<U>, oneIn = 30) =>
	fc.oneof({ weight: oneIn - 1, arbitrary: right }, { weight: 1, arbitrary: wrong });
/** Mostly a right value for a field; now and then anything at all. */
const sometimes = <T>(right: fc.Arbitrary<T>, oneIn = 30) => mostly(right, anything, oneIn);

/** An object whose keys are all its own, `__proto__` included (JSON.stringify writes them all). */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
	const o: Record<string, unknown> = {};
	for (const [k, v] of entries)
		Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
	return o;
}

const label = (prefix: string) => text(30).map((s) => `${prefix} ${s}`);
const options = (exactlyOne: boolean) =>
	fc
		.tuple(
			fc.array(fc.tuple(text(30), fc.boolean(), text(30)), { minLength: 2, maxLength: 6 }),
			fc.nat()
		)
		.map(([list, pick]) =>
			list.map(([t, correct, feedback], j) => ({
				text: `${j}. ${t}`,
				correct: exactlyOne ? j === pick % list.length : correct || j === pick % list.length,
				feedback
			}))
		);
const twoWay = fc.record({ correct: text(), incorrect: text() }, { requiredKeys: [] });
const noBlank = text(30).filter((t) => !t.includes('_'));
/** A teacher-written question, valid more often than not, with awkward text everywhere. */
const ownQuestion = fc.oneof(
	fc.record({
		type: fc.constant('single'),
		prompt: label('P'),
		options: sometimes(options(true), 20)
	}),
	fc.record({
		type: fc.constant('multiple'),
		prompt: label('P'),
		options: sometimes(options(false), 20)
	}),
	fc.record(
		{
			type: fc.constant('truefalse'),
			prompt: text(),
			statement: label('S'),
			answer: fc.boolean(),
			feedback: twoWay
		},
		{ requiredKeys: ['type', 'statement', 'answer'] }
	),
	fc.record(
		{
			type: fc.constant('cloze'),
			prompt: text(),
			text: fc.tuple(noBlank, noBlank).map(([a, b]) => `${a} ___ ${b}`),
			answers: sometimes(fc.array(label('A'), { minLength: 1, maxLength: 5 }), 20),
			feedback: twoWay
		},
		{ requiredKeys: ['type', 'text', 'answers'] }
	)
);

const futureDate = fc
	.integer({ min: 60_000, max: 5 * 365 * 86_400_000 })
	.map((offset) => new Date(Date.now() + offset).toISOString());

/** A create request: each field usually right, now and then anything; keys sometimes left out. */
const createLike = fc.record(
	{
		title: sometimes(
			fc.oneof({ weight: 9, arbitrary: label('T') }, { weight: 1, arbitrary: long })
		),
		questionIds: sometimes(fc.subarray(bankIds, { maxLength: 5 })),
		lessons: sometimes(fc.subarray(['syria', 'reading-a-communique'])),
		commitments: sometimes(fc.subarray(['coalition-sole-purpose', 'fight-in-iraq-and-syria'])),
		questions: sometimes(fc.array(ownQuestion, { maxLength: 3 })),
		count: sometimes(fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5 }))),
		shuffle: sometimes(fc.boolean()),
		attempts: sometimes(fc.integer({ min: 1, max: 10 })),
		dueAt: sometimes(fc.oneof(fc.constant(null), futureDate)),
		reveal: sometimes(fc.constantFrom('immediately', 'never'))
	},
	{ requiredKeys: ['title'] }
);

/** What a student's view shows of a question: enough to build answers to it. */
interface PublicQuestion {
	id: string;
	type: string;
	options?: { id?: string; place?: string }[];
	events?: string[];
	lefts?: string[];
	rights?: string[];
}

/** A response of the right shape for the question, with values right, wrong or unknown. */
function responseTo(q: PublicQuestion): fc.Arbitrary<unknown> {
	const optionIds = (q.options ?? []).map((o) => o.id ?? o.place ?? '');
	const anOption = () => mostly(fc.constantFrom(...optionIds), text(8));
	switch (q.type) {
		case 'single':
			return fc.record({ choice: anOption() });
		case 'multiple':
			return fc.record({ choices: fc.array(anOption(), { maxLength: optionIds.length + 1 }) });
		case 'truefalse':
			return fc.record({ answer: fc.boolean() });
		case 'ordering':
			return fc.record({
				order: mostly(
					fc.shuffledSubarray(q.events ?? [], { minLength: (q.events ?? []).length }),
					fc.shuffledSubarray([...(q.events ?? []), 'not-an-event']),
					10
				)
			});
		case 'matching':
			return fc
				.tuple(
					fc.subarray(q.lefts ?? []),
					fc.array(mostly(fc.constantFrom(...(q.rights ?? [])), text(8)), {
						minLength: 6,
						maxLength: 6
					})
				)
				.map(([lefts, rights]) => ({ matches: ownObject(lefts.map((l, i) => [l, rights[i]])) }));
		case 'cloze':
			return fc.record({ text: mostly(text(), long, 10) });
		case 'locate':
			return fc.record({ place: anOption() });
		default:
			return anything;
	}
}

/** Keys the request does not take, now and then: `__proto__`, `constructor`, any text. */
const extraKeys = fc.oneof(
	{ weight: 9, arbitrary: fc.constant([] as [string, unknown][]) },
	{ weight: 1, arbitrary: fc.array(fc.tuple(key, anything), { minLength: 1, maxLength: 2 }) }
);

/** A body as raw text: mostly JSON of some shape, sometimes not JSON at all. */
const bodyFrom = (shaped: fc.Arbitrary<unknown>) =>
	fc.oneof(
		{ weight: 20, arbitrary: fc.tuple(shaped, extraKeys).map(([b, x]) => withExtraKeys(b, x)) },
		{ weight: 2, arbitrary: anything.map(stringify) },
		{ weight: 1, arbitrary: fc.json() },
		{ weight: 1, arbitrary: text(200) },
		{ weight: 1, arbitrary: deep },
		{ weight: 1, arbitrary: huge.map((s) => JSON.stringify({ title: s })) }
	);

const contentType = fc.oneof(
	{ weight: 16, arbitrary: fc.constant('application/json') },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'application/json; charset=utf-8',
			'APPLICATION/JSON',
			'text/plain',
			'application/x-www-form-urlencoded',
			'application/xml',
			'none'
		)
	}
);

// ---------------------------------------------------------------------------------------------
// The property every write must keep

let rateLimited = 0;

async function send(
	path: string,
	body: string,
	type: string,
	headers: Record<string, string> = {}
): Promise<{
	status: number;
	replayed: boolean;
	text: string;
	json: unknown;
	contentType: string;
}> {
	const init: RequestInit = {
		method: 'POST',
		// Without a type, a string body would be sent as text/plain: bytes go without one.
		body: type === 'none' ? new TextEncoder().encode(body) : body,
		headers: type === 'none' ? headers : { ...headers, 'content-type': type }
	};
	const r = await request(path, init);
	return {
		status: r.status,
		replayed: r.headers.get('idempotent-replayed') === 'true',
		text: r.text,
		json: r.json,
		contentType: r.headers.get('content-type') ?? ''
	};
}

/** Below 500 always; a refusal stores nothing; a success stores exactly its one row. */
function checkWrite(
	before: RowCounts,
	after: RowCounts,
	r: Awaited<ReturnType<typeof send>>,
	stores: keyof RowCounts
) {
	expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
	if (r.status === 429) {
		rateLimited++;
		return;
	}
	if (r.status >= 400) {
		expect(after, `${r.status} but the database changed`).toEqual(before);
		if (r.contentType.startsWith('application/json'))
			expect(typeof (r.json as { error?: unknown })?.error, r.text.slice(0, 200)).toBe('string');
		return;
	}
	expect(r.status, r.text.slice(0, 300)).toBe(201);
	expect(after).toEqual({ ...before, [stores]: before[stores] + (r.replayed ? 0 : 1) });
}

describe('fuzzing the API', () => {
	it('POST /api/assignments: any body answers < 500, and a refusal stores nothing', async () => {
		rateLimited = 0;
		await fc.assert(
			fc.asyncProperty(bodyFrom(createLike), contentType, async (body, type) => {
				const before = await db.counts();
				const r = await send('/api/assignments', body, type);
				checkWrite(before, await db.counts(), r, 'assignments');
			}),
			settings(200)
		);
		expect(rateLimited, 'requests refused by the rate limit test nothing').toBe(0);
	});

	it('POST …/submissions: any body answers < 500, and a refusal stores nothing', async () => {
		const view = await request<{ questions: PublicQuestion[] }>(
			`/api/assignments/${target.code}?name=probe`
		);
		const questions = view.json.questions;
		/**
		 * The answers are built from probe's view; every student is shown ids of their own. For a
		 * body that names a student, probe's ids in it become that student's (a plain replacement
		 * in the text, so duplicate keys, `__proto__` and the rest reach the server unchanged).
		 */
		const forStudent = async (body: string): Promise<string> => {
			let name: unknown;
			try {
				name = (JSON.parse(body) as { name?: unknown } | null)?.name;
			} catch {
				return body;
			}
			if (typeof name !== 'string' || !name.isWellFormed()) return body;
			const theirs = await request(
				`/api/assignments/${target.code}?name=${encodeURIComponent(name)}`
			);
			if (theirs.status !== 200) return body;
			const map = viewIdMap(view.json as unknown as ShownView, theirs.json as unknown as ShownView);
			let out = body;
			for (const [from, to] of map) out = out.replaceAll(`"${from}"`, `"${to}"`);
			return out;
		};
		let stored = 0;
		expect(new Set(questions.map((q) => q.type)).size).toBe(7);
		const submission = fc.record({
			name: sometimes(
				fc.oneof(
					{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
					{ weight: 1, arbitrary: text(70) },
					{ weight: 1, arbitrary: fc.constantFrom('Ann', ' ann ', 'ANN', 'Zoe\u0301') }
				)
			),
			answers: sometimes(
				fc
					.tuple(
						fc.tuple(
							...questions.map((q) =>
								fc.option(sometimes(responseTo(q), 50), { nil: undefined, freq: 5 })
							)
						),
						fc.oneof(
							{ weight: 9, arbitrary: fc.constant([] as [string, unknown][]) },
							{
								weight: 1,
								arbitrary: fc.array(fc.tuple(key, anything), { minLength: 1, maxLength: 2 })
							}
						)
					)
					.map(([responses, stray]) =>
						ownObject([
							...questions.flatMap((q, i): [string, unknown][] =>
								responses[i] === undefined ? [] : [[q.id, responses[i]]]
							),
							...stray
						])
					)
			)
		});
		/** Now and then a key: two that repeat (replays), and some of the wrong form. */
		const idempotencyKey = fc.oneof(
			{ weight: 3, arbitrary: fc.constant(undefined) },
			{
				weight: 1,
				arbitrary: fc.oneof(
					fc.constantFrom('fuzz-key-0001', 'fuzz-key-0002'),
					fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
					fc.stringMatching(/^[A-Za-z0-9_\-.~ ]{0,12}$/)
				)
			}
		);
		const code = fc.constantFrom(target.code, target.code.toLowerCase(), ` ${target.code} `);
		rateLimited = 0;
		await fc.assert(
			fc.asyncProperty(
				bodyFrom(submission),
				contentType,
				idempotencyKey,
				code,
				async (body, type, key, c) => {
					const before = await db.counts();
					const headers: Record<string, string> =
						key === undefined ? {} : { 'idempotency-key': key };
					const r = await send(
						`/api/assignments/${encodeURIComponent(c)}/submissions`,
						await forStudent(body),
						type,
						headers
					);
					checkWrite(before, await db.counts(), r, 'submissions');
					if (r.status === 201 && !r.replayed) stored++;
				}
			),
			settings(300)
		);
		expect(rateLimited, 'requests refused by the rate limit test nothing').toBe(0);
		// Enough bodies get through to grade and store, or the property tests only the refusals.
		expect(stored, 'submissions stored').toBeGreaterThan(10);
	});

	it('GET with random codes, receipts and query strings answers < 500 and writes nothing', async () => {
		/** Every UTF-8 byte percent-encoded (a lone surrogate becomes U+FFFD): never throws. */
		const encodeAll = (s: string) =>
			[...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
		const segment = fc.oneof(
			text(12).map(encodeAll),
			fc.stringMatching(/^[%0-9A-Fa-f._~-]{1,12}$/),
			fc.stringMatching(/^[ACDEFGHJKMNPQRTWXY34679acdefhjk -]{4,10}$/).map(encodeURIComponent),
			fc.constantFrom(target.code, target.code.toLowerCase(), '%00', '%E0%A4%A', '..', '%2F')
		);
		const query = fc.oneof(
			text(70).map((s) => `name=${encodeAll(s)}`),
			fc.webQueryParameters(),
			fc.stringMatching(/^[a-z=&%+0-9]{0,30}$/)
		);
		const path = fc.oneof(
			segment.map((s) => `/api/assignments/${s}`),
			fc.tuple(segment, query).map(([s, q]) => `/api/assignments/${s}?${q}`),
			query.map((q) => `/api/assignments/${target.code}?${q}`),
			fc.tuple(segment, segment).map(([s, r]) => `/api/assignments/${s}/submissions/${r}`),
			segment.map((s) => `/a/${s}`)
		);
		rateLimited = 0;
		await fc.assert(
			fc.asyncProperty(path, async (p) => {
				const before = await db.counts();
				const r = await request(p);
				expect(r.status, `${p}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
				if (r.status === 429) rateLimited++;
				expect(await db.counts()).toEqual(before);
			}),
			settings(300)
		);
		expect(rateLimited, 'requests refused by the rate limit test nothing').toBe(0);
	});
});

// ---------------------------------------------------------------------------------------------
// No answer data in what a student sees

const forbiddenKeys = new Set(['correct', 'answers', 'answer', 'feedback', 'quote', 'why']);

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, into: string[] = []): string[] {
	if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			into.push(k);
			keysOf(v, into);
		}
	return into;
}

/** The fields a public question may have, by type: nothing that tells the answer. */
const publicShape: Record<string, string[]> = {
	single: ['id', 'options', 'prompt', 'type'],
	multiple: ['id', 'options', 'prompt', 'type'],
	truefalse: ['id', 'prompt', 'statement', 'type'],
	cloze: ['id', 'prompt', 'text', 'type'],
	ordering: ['events', 'id', 'prompt', 'type'],
	matching: ['id', 'lefts', 'prompt', 'rights', 'type'],
	locate: ['id', 'options', 'prompt', 'region', 'type']
};

type Shape =
	| { type: 'single' | 'multiple'; prompt: string; options: { text: string; correct: boolean }[] }
	| { type: 'truefalse'; statement: string; answer: boolean }
	| { type: 'cloze'; before: string; after: string; answers: number };

const part = typedText(30).filter((s) => !s.includes('_'));
const choiceShape = (type: 'single' | 'multiple') =>
	fc
		.tuple(part, fc.array(part, { minLength: 2, maxLength: 6 }), fc.nat())
		.map(([prompt, texts, pick]): Shape => {
			const right = pick % texts.length;
			return {
				type,
				prompt,
				options: texts.map((t, j) => ({
					text: t,
					correct: j === right || (type === 'multiple' && (pick >> j) % 2 === 1)
				}))
			};
		});
const shape: fc.Arbitrary<Shape> = fc.oneof(
	choiceShape('single'),
	choiceShape('multiple'),
	fc.tuple(part, fc.boolean()).map(([statement, answer]): Shape => ({
		type: 'truefalse',
		statement,
		answer
	})),
	fc
		.tuple(part, part, fc.integer({ min: 1, max: 5 }))
		.map(([before, after, answers]): Shape => ({ type: 'cloze', before, after, answers }))
);

/** The create request for run `n`, every hidden field carrying a marker unique to it. */
function teacherQuestions(shapes: Shape[], n: number) {
	return shapes.map((s, i) => {
		const mark = `${n}-${i}`;
		switch (s.type) {
			case 'single':
			case 'multiple':
				return {
					type: s.type,
					prompt: `Q ${s.prompt}`,
					options: s.options.map((o, j) => ({
						text: `OPTION-${mark}-${j} ${o.text}`,
						correct: o.correct,
						feedback: `FEEDBACK-MARK-${mark}-${j}`
					}))
				};
			case 'truefalse':
				return {
					type: 'truefalse',
					statement: `STATEMENT-${mark} ${s.statement}`,
					answer: s.answer,
					feedback: { correct: `FEEDBACK-MARK-${mark}-c`, incorrect: `FEEDBACK-MARK-${mark}-i` }
				};
			case 'cloze':
				return {
					type: 'cloze',
					text: `BLANK-${mark} ${s.before} ___ ${s.after}`,
					answers: Array.from({ length: s.answers }, (_, k) => `CLOZE-ANSWER-${mark}-${k}`),
					feedback: { correct: `FEEDBACK-MARK-${mark}-c`, incorrect: `FEEDBACK-MARK-${mark}-i` }
				};
		}
	});
}

/** The types a teacher can write. */
const writable = new Set(['single', 'multiple', 'truefalse', 'cloze']);

/**
 * The marker a teacher-written question shows a student (its options', statement's or text's),
 * not followed by a digit (run 1's question 1 is not run 1's question 10).
 */
function markerOf(
	own: ReturnType<typeof teacherQuestions>[number],
	n: number,
	all: ReturnType<typeof teacherQuestions>
): RegExp {
	const mark = `${n}-${all.indexOf(own)}`;
	if (own.type === 'truefalse') return new RegExp(`STATEMENT-${mark}(?!\\d)`);
	if (own.type === 'cloze') return new RegExp(`BLANK-${mark}(?!\\d)`);
	return new RegExp(`OPTION-${mark}-`);
}

describe('the student view holds no answers', () => {
	it('for any teacher-written questions: no feedback, no accepted answers, no key', async () => {
		let n = 0;
		// Bank questions of the three types a teacher cannot write.
		const bankPick = fc.subarray([
			'sy-matching-key-terms',
			'rc-ordering-around-the-meeting',
			'ws-locate-ndjamena'
		]);
		await fc.assert(
			fc.asyncProperty(
				fc.array(shape, { minLength: 1, maxLength: 5 }),
				bankPick,
				fc.boolean(),
				fc.constantFrom('immediately', 'never'),
				fc.nat(),
				async (shapes, questionIds, shuffle, reveal, countSeed) => {
					n++;
					const questions = teacherQuestions(shapes, n);
					const pool = questions.length + questionIds.length;
					const count = countSeed % 3 === 0 ? (countSeed % pool) + 1 : null;
					const { code } = await create({
						title: `View ${n}`,
						questions,
						questionIds,
						shuffle,
						reveal,
						count
					});

					const pages = [await request(`/api/assignments/${code}?name=Reader`)];
					if (count === null) pages.push(await request(`/api/assignments/${code}`));
					const html = await request(`/a/${code}`);
					expect(html.status).toBe(200);
					for (const { text: body } of [...pages, html]) {
						expect(body).not.toContain('FEEDBACK-MARK');
						expect(body).not.toContain('CLOZE-ANSWER');
					}

					for (const page of pages) {
						expect(page.status, page.text).toBe(200);
						const view = page.json as { questions: Record<string, unknown>[] };
						expect(view.questions).toHaveLength(count ?? pool);
						expect(keysOf(view).filter((k) => forbiddenKeys.has(k))).toEqual([]);
						for (const q of view.questions) {
							// `sensitive: true` may be added (a content note comes first), nothing else.
							const keys = Object.keys(q).filter((k) => !(k === 'sensitive' && q[k] === true));
							expect(keys.sort(), String(q.type)).toEqual(publicShape[String(q.type)]);
							if (Array.isArray(q.options))
								for (const o of q.options as object[])
									expect(Object.keys(o).sort()).toEqual(
										q.type === 'locate' ? ['place'] : ['id', 'text']
									);
						}
						// What must be shown is shown, so the marker search above can see it. The ids say
						// nothing of which question is whose: the bank picks are of the three types a
						// teacher cannot write, so the others are the teacher's, each found by its marker.
						const shownOwn = view.questions.filter((q) => writable.has(String(q.type)));
						const found = shownOwn.map((q) => {
							const shown = JSON.stringify(q);
							const i = questions.findIndex((own) => markerOf(own, n, questions).test(shown));
							expect(i, shown).toBeGreaterThanOrEqual(0);
							expect(q.type).toBe(questions[i].type);
							return i;
						});
						expect(new Set(found).size).toBe(found.length);
						expect(view.questions.length - shownOwn.length).toBeLessThanOrEqual(questionIds.length);
						if (count === null)
							expect(found.sort((x, y) => x - y)).toEqual(questions.map((_, i) => i));
					}
				}
			),
			settings(150)
		);
	});
});

it('leaves the server working normally after the fuzzing', async () => {
	const r = await request<{ code: string; questions: unknown[] }>(
		`/api/assignments/${target.code}?name=After`
	);
	expect(r.status).toBe(200);
	expect(r.json.questions.length).toBeGreaterThan(7);
	const fresh = await create({ title: 'After the fuzz', questionIds: [bankIds[0]] });
	const results = await request<{ submissions: unknown[] }>(
		`/api/assignments/${fresh.code}/results`,
		{ headers: { authorization: `Bearer ${fresh.teacherToken}` } }
	);
	expect(results.status).toBe(200);
	expect(results.json.submissions).toEqual([]);
});
