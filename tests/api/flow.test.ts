// The whole teacher → student → teacher flow through the JSON API, against the production build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/types';
import {
	bankQuestion,
	bankQuestions,
	rightResponse,
	shownQuestion,
	wrongResponse,
	type ShownView
} from '../support/bank';
import type { DatabaseProbe } from '../support/db-counts';
import {
	baseUrl,
	create,
	postJson,
	probe,
	request,
	results,
	submit,
	submitRaw,
	view,
	type PublicQuestion,
	type Receipt
} from './helpers';

const codePattern = /^[ACDEFGHJKMNPQRTWXY34679]{6}$/;
const ids = (qs: { id: string }[]) => qs.map((q) => q.id).sort();
/** A student-facing id: a letter for its kind, then 12 characters of HMAC, never a real id. */
const disguised = (kind: string) => new RegExp(`^${kind}[A-Za-z0-9_-]{12}$`);
/**
 * The shown id of each real question in a view, in the order given; fails unless every one is
 * shown, each as a question of its own.
 */
function shownIds(v: { questions: PublicQuestion[] }, reals: Question[]): string[] {
	const out = reals.map((real) => {
		const shown = shownQuestion(v as unknown as ShownView, real);
		expect(shown, `${real.id} is not in the view`).toBeDefined();
		return shown!.id;
	});
	expect(new Set(out).size, 'two real questions matched one shown question').toBe(out.length);
	return out;
}
const answersFor = (qs: Question[], respond: (q: Question) => unknown) =>
	Object.fromEntries(qs.map((q) => [q.id, respond(q)]));

/** Four teacher-written questions, one of each type a teacher may write. */
const ownQuestions = [
	{
		type: 'single',
		prompt: 'Which city hosted the 2021 ministerial?',
		options: [
			{ text: 'Rome', correct: true, feedback: 'Yes.' },
			{ text: 'Paris', correct: false },
			{ text: 'Madrid', correct: false }
		]
	},
	{
		type: 'multiple',
		prompt: 'Which of these are countries?',
		options: [
			{ text: 'Iraq', correct: true },
			{ text: 'Syria', correct: true },
			{ text: 'Daesh', correct: false }
		]
	},
	{ type: 'truefalse', statement: 'The ministers met virtually.', answer: true },
	{
		type: 'cloze',
		text: 'Together we remain firmly ___ in our outrage.',
		answers: ['united', 'together']
	}
];

/** The right answers to `ownQuestions`, read off the options the student was shown. */
function rightOwnAnswers(questions: PublicQuestion[]): Record<string, unknown> {
	const byText = (q: PublicQuestion, text: string) => q.options!.find((o) => o.text === text)!.id;
	const [single, multiple, truefalse, cloze] = questions;
	return {
		[single.id]: { choice: byText(single, 'Rome') },
		[multiple.id]: { choices: [byText(multiple, 'Iraq'), byText(multiple, 'Syria')] },
		[truefalse.id]: { answer: true },
		// Case and punctuation do not count.
		[cloze.id]: { text: '  UNITED. ' }
	};
}

let db: DatabaseProbe;
beforeAll(async () => {
	// The database file exists once the server has stored something.
	await create({ title: 'Warm-up', questionIds: ['rc-single-who-invited'] });
	db = probe();
});
afterAll(() => db?.close());

describe('creating an assignment', () => {
	it('by question ids: 201 with the code, the token and both links', async () => {
		const chosen = ['rc-single-who-invited', 'rc-multiple-why-they-met', 'rc-cloze-sole-purpose'];
		const before = await db.counts();
		const r = await postJson<Record<string, string>>('/api/assignments', {
			title: 'By ids',
			questionIds: [...chosen].reverse()
		});
		expect(r.status).toBe(201);
		const { code, teacherToken, studentUrl, teacherUrl } = r.json;
		expect(code).toMatch(codePattern);
		expect(teacherToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(studentUrl).toBe(`${baseUrl()}/a/${code}`);
		expect(teacherUrl).toBe(`${baseUrl()}/teach/${teacherToken}`);
		expect(r.headers.get('location')).toBe(`/api/assignments/${code}`);
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(await db.counts()).toEqual({ ...before, assignments: before.assignments + 1 });

		const v = await view(code);
		expect(v.status).toBe(200);
		expect(v.json).toMatchObject({ code, title: 'By ids', status: 'open', attempts: 1 });
		// Bank order, whatever order the request named them in; no real id shows.
		expect(v.json.questions.map((q) => q.id)).toEqual(
			shownIds(
				v.json,
				bankQuestions().filter((q) => chosen.includes(q.id))
			)
		);
		expect(v.json.questions.every((q) => disguised('q').test(q.id))).toBe(true);
	});

	it('by lesson: every question of the lesson', async () => {
		const { code } = await create({ title: 'By lesson', lessons: ['reading-a-communique'] });
		const v = await view(code);
		expect(v.status).toBe(200);
		const expected = bankQuestions().filter((q) => q.lesson === 'reading-a-communique');
		expect(expected.length).toBeGreaterThan(5);
		// Every question of the lesson (matched by what it shows), and nothing else.
		expect(v.json.questions).toHaveLength(expected.length);
		expect(ids(v.json.questions)).toEqual([...shownIds(v.json, expected)].sort());
	});

	it('by commitment: every question that tests it', async () => {
		const { code } = await create({
			title: 'By commitment',
			commitments: ['coalition-sole-purpose']
		});
		const v = await view(code);
		expect(v.status).toBe(200);
		const expected = bankQuestions().filter((q) =>
			q.commitments.includes('coalition-sole-purpose')
		);
		expect(expected.length).toBeGreaterThan(1);
		expect(v.json.questions).toHaveLength(expected.length);
		expect(ids(v.json.questions)).toEqual([...shownIds(v.json, expected)].sort());
	});

	it('with teacher-written questions of all four types, shown without their answers', async () => {
		const { code } = await create({ title: 'Own', questions: ownQuestions, shuffle: false });
		const v = await view(code);
		expect(v.status).toBe(200);
		// In the order written (shuffle: false), under ids that say nothing of it.
		expect(v.json.questions.map((q) => [q.type, q.prompt])).toEqual([
			['single', 'Which city hosted the 2021 ministerial?'],
			['multiple', 'Which of these are countries?'],
			['truefalse', 'True or false?'],
			['cloze', 'Fill in the missing words.']
		]);
		expect(v.json.questions.every((q) => disguised('q').test(q.id))).toBe(true);
		expect(new Set(ids(v.json.questions)).size).toBe(4);
		const [single, multiple, truefalse, cloze] = v.json.questions;
		expect(single.options!.map((o) => o.text)).toEqual(['Rome', 'Paris', 'Madrid']);
		// Option ids are not a, b, c in the order typed (the first is often the right one).
		expect(single.options!.every((o) => disguised('o').test(o.id))).toBe(true);
		expect(new Set(single.options!.map((o) => o.id)).size).toBe(3);
		expect(multiple.options!.every((o) => Object.keys(o).sort().join() === 'id,text')).toBe(true);
		expect(multiple.options!.every((o) => disguised('o').test(o.id))).toBe(true);
		expect(truefalse).toEqual({
			id: expect.stringMatching(disguised('q')),
			type: 'truefalse',
			prompt: 'True or false?',
			statement: 'The ministers met virtually.'
		});
		expect(cloze).toEqual({
			id: expect.stringMatching(disguised('q')),
			type: 'cloze',
			prompt: 'Fill in the missing words.',
			text: 'Together we remain firmly ___ in our outrage.'
		});
	});
});

describe('submitting and grading', () => {
	// Two lessons that hold all seven question types between them.
	const lessons = ['reading-a-communique', 'syria'];
	const pool = bankQuestions().filter((q) => lessons.includes(q.lesson));
	let code: string;

	beforeAll(async () => {
		expect(new Set(pool.map((q) => q.type)).size).toBe(7);
		({ code } = await create({ title: 'Grading', lessons, attempts: 3 }));
	});

	it('scores an all-right submission at maxScore, and says so per question', async () => {
		const before = await db.counts();
		const r = await submit(code, { name: 'Right', answers: answersFor(pool, rightResponse) });
		expect(r.status, r.text).toBe(201);
		expect(r.json).toMatchObject({
			name: 'Right',
			attempt: 1,
			attempts: 3,
			score: pool.length,
			maxScore: pool.length,
			percent: 100,
			reveal: 'immediately',
			revealAt: null
		});
		expect(r.json.receipt).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(r.json.results).toHaveLength(pool.length);
		expect(r.json.results!.every((x) => x.correct && x.score === 1)).toBe(true);
		// One result per question, in the ids the student was shown.
		const shown = await view(code, 'Right');
		expect(ids(r.json.results!)).toEqual([...shownIds(shown.json, pool)].sort());
		expect((await db.counts()).submissions).toBe(before.submissions + 1);

		// The answer to the submission is lean: results without the full questions.
		expect(r.json.results!.some((x) => 'question' in x)).toBe(false);

		// The receipt reads back the same, with each full question to draw it marked.
		const again = await request<Receipt>(`/api/assignments/${code}/submissions/${r.json.receipt}`);
		expect(again.status).toBe(200);
		expect(again.json).toMatchObject({ receipt: r.json.receipt, score: pool.length });
		const full = again.json.results as unknown as { id: string; question: { id: string } }[];
		expect(full.map((x) => x.question.id)).toEqual(full.map((x) => x.id));
		expect(full.map((x) => x.id)).toEqual(r.json.results!.map((x) => x.id));
	});

	it('scores one wrong single-choice answer exactly one point less', async () => {
		const wrongOne = pool.find((q) => q.type === 'single')!;
		const answers = answersFor(pool, (q) => (q === wrongOne ? wrongResponse(q) : rightResponse(q)));
		const r = await submit(code, { name: 'Almost', answers });
		expect(r.status, r.text).toBe(201);
		expect(r.json.score).toBe(pool.length - 1);
		expect(r.json.maxScore).toBe(pool.length);
		const [wrongId] = shownIds((await view(code, 'Almost')).json, [wrongOne]);
		expect(r.json.results!.find((x) => x.id === wrongId)).toMatchObject({
			score: 0,
			correct: false
		});
		expect(r.json.results!.filter((x) => x.id !== wrongId).every((x) => x.score === 1)).toBe(true);
	});

	it('gives nothing for wrong answers of every type, or for leaving them out', async () => {
		const wrong = await submit(code, { name: 'Wrong', answers: answersFor(pool, wrongResponse) });
		expect(wrong.status, wrong.text).toBe(201);
		expect(wrong.json.score).toBe(0);
		expect(wrong.json.results!.map((x) => x.score)).toEqual(pool.map(() => 0));

		const blank = await submit(code, { name: 'Blank', answers: {} });
		expect(blank.status).toBe(201);
		expect(blank.json).toMatchObject({ score: 0, maxScore: pool.length, percent: 0 });
	});

	it('grades teacher-written questions of all four types', async () => {
		const own = await create({ title: 'Own graded', questions: ownQuestions });
		// Each student answers in the ids of their own view, as the page does.
		const kim = await view(own.code, 'Kim');
		const right = await submitRaw(own.code, {
			name: 'Kim',
			answers: rightOwnAnswers(kim.json.questions)
		});
		expect(right.status, right.text).toBe(201);
		expect(right.json).toMatchObject({ score: 4, maxScore: 4, percent: 100 });

		const [single, multiple, truefalse, cloze] = (await view(own.code, 'Lee')).json.questions;
		const wrong = await submitRaw(own.code, {
			name: 'Lee',
			answers: {
				[single.id]: { choice: single.options!.find((o) => o.text === 'Paris')!.id },
				// One right, one wrong: (1 − 1) ÷ 2 right options = 0
				[multiple.id]: {
					choices: multiple.options!.filter((o) => o.text !== 'Syria').map((o) => o.id)
				},
				[truefalse.id]: { answer: false },
				[cloze.id]: { text: 'divided' }
			}
		});
		expect(wrong.status, wrong.text).toBe(201);
		expect(wrong.json).toMatchObject({ score: 0, maxScore: 4 });
	});
});

describe('idempotent retries', () => {
	it('answers a retry with the same key with the first receipt, and stores it once', async () => {
		const q = bankQuestion('rc-single-who-invited');
		const { code, teacherToken } = await create({
			title: 'Retry',
			questionIds: [q.id],
			attempts: 5
		});
		const body = { name: 'Retrier', answers: { [q.id]: rightResponse(q) } };
		const key = { 'Idempotency-Key': 'flow-retry-0001' };
		const before = await db.counts();

		const first = await submit(code, body, key);
		expect(first.status, first.text).toBe(201);
		expect(first.headers.get('idempotent-replayed')).toBeNull();

		const second = await submit(code, body, key);
		expect(second.status).toBe(201);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect(second.json).toEqual(first.json);

		// Even a different body under the same key is the same submission.
		const third = await submit(code, { name: 'Someone else', answers: {} }, key);
		expect(third.status).toBe(201);
		expect(third.json.receipt).toBe(first.json.receipt);

		expect((await db.counts()).submissions).toBe(before.submissions + 1);
		const r = await results(code, teacherToken);
		expect(r.json.submissions.map((s) => [s.name, s.attempt])).toEqual([['Retrier', 1]]);

		// Another key is another attempt.
		const other = await submit(code, body, { 'Idempotency-Key': 'flow-retry-0002' });
		expect(other.status).toBe(201);
		expect(other.json.attempt).toBe(2);
		expect(other.json.receipt).not.toBe(first.json.receipt);
	});
});

describe('attempts', () => {
	it('counts attempts per name, ignoring case and spaces, and refuses one too many with 409', async () => {
		const { code, teacherToken } = await create({
			title: 'Attempts',
			questionIds: ['rc-single-who-invited'],
			attempts: 2
		});
		const first = await submit(code, { name: 'Ann', answers: {} });
		expect(first.status, first.text).toBe(201);
		expect(first.json).toMatchObject({ name: 'Ann', attempt: 1, attempts: 2 });

		const second = await submit(code, { name: ' ann ', answers: {} });
		expect(second.status, second.text).toBe(201);
		expect(second.json).toMatchObject({ name: 'ann', attempt: 2 });

		const v = await view(code, 'ANN');
		expect(v.json.attemptsUsed).toBe(2);

		const before = await db.counts();
		const third = await submit(code, { name: 'ANN', answers: {} });
		expect(third.status).toBe(409);
		expect(third.json).toEqual({ error: expect.stringMatching(/^name: .*all 2 attempts/) });
		expect(await db.counts()).toEqual(before);

		// Another student is not affected.
		const bob = await submit(code, { name: 'Bob', answers: {} });
		expect(bob.status).toBe(201);
		expect(bob.json.attempt).toBe(1);

		const r = await results(code, teacherToken);
		expect(r.json.submissions.map((s) => [s.name, s.attempt])).toEqual([
			['Ann', 1],
			['ann', 2],
			['Bob', 1]
		]);
	});
});

describe('a set of questions per student (count)', () => {
	const lesson = 'reading-a-communique';
	const pool = bankQuestions().filter((q) => q.lesson === lesson);
	let code: string;
	beforeAll(async () => {
		({ code } = await create({ title: 'Count', lessons: [lesson], count: 3, attempts: 3 }));
	});

	it('gives the same name the same set of `count` questions, every time', async () => {
		const first = await view(code, 'Bea');
		expect(first.status).toBe(200);
		expect(first.json.questions).toHaveLength(3);
		const set = ids(first.json.questions);
		// Three questions of the pool, each a different one.
		const mine = pool.filter((q) => shownQuestion(first.json as unknown as ShownView, q));
		expect(mine).toHaveLength(3);
		expect([...shownIds(first.json, mine)].sort()).toEqual(set);
		for (const name of ['Bea', ' bea ', 'BEA'])
			expect(ids((await view(code, name)).json.questions), name).toEqual(set);
	});

	it('needs a name to choose the questions', async () => {
		const r = await view(code);
		expect(r.status).toBe(400);
		expect(r.json).toEqual({ error: expect.stringMatching(/^name:/) });
	});

	it('refuses an answer to a question outside the set (400), and grades the set out of count', async () => {
		const v = (await view(code, 'Bea')).json as unknown as ShownView;
		const mine = pool.filter((q) => shownQuestion(v, q));
		expect(mine).toHaveLength(3);
		const outside = pool.find((q) => !mine.includes(q))!;
		const before = await db.counts();
		const stray = await submit(code, {
			name: 'Bea',
			answers: { [outside.id]: rightResponse(outside) }
		});
		expect(stray.status).toBe(400);
		expect(stray.json.error).toContain('answers');
		expect(stray.json.error).toContain(outside.id);
		expect(await db.counts()).toEqual(before);

		const ok = await submit(code, { name: 'bea', answers: answersFor(mine, rightResponse) });
		expect(ok.status, ok.text).toBe(201);
		expect(ok.json).toMatchObject({ score: 3, maxScore: 3, attempt: 1 });
	});
});

describe('reveal', () => {
	const q = bankQuestion('rc-single-who-invited');
	const body = { name: 'Cy', answers: { [q.id]: rightResponse(q) } };

	it('immediately: the receipt holds each result', async () => {
		const { code } = await create({ title: 'Reveal now', questionIds: [q.id] });
		const r = await submit(code, body);
		expect(r.status).toBe(201);
		expect(r.json.reveal).toBe('immediately');
		expect(r.json.results).toHaveLength(1);
	});

	it('never: neither the receipt nor reading it back holds results', async () => {
		const { code } = await create({ title: 'Reveal never', questionIds: [q.id], reveal: 'never' });
		const r = await submit(code, body);
		expect(r.status).toBe(201);
		expect(r.json).toMatchObject({ reveal: 'never', revealAt: null, score: 1 });
		expect(r.json).not.toHaveProperty('results');
		const again = await request(`/api/assignments/${code}/submissions/${r.json.receipt}`);
		expect(again.status).toBe(200);
		expect(again.json).not.toHaveProperty('results');
	});

	it('after-due: no results before the due date, which the receipt names', async () => {
		const dueAt = new Date(Date.now() + 3_600_000).toISOString();
		const { code } = await create({
			title: 'Reveal after due',
			questionIds: [q.id],
			reveal: 'after-due',
			dueAt
		});
		const r = await submit(code, body);
		expect(r.status).toBe(201);
		expect(r.json).toMatchObject({ reveal: 'after-due', revealAt: dueAt });
		expect(r.json).not.toHaveProperty('results');
		expect(r.text).not.toContain('"correct"');
	});
});

describe('results for the teacher', () => {
	const single = bankQuestion('rc-single-who-invited');
	const truefalse = bankQuestions().find((x) => x.type === 'truefalse' && x.commitments.length)!;
	let code: string;
	let token: string;

	beforeAll(async () => {
		({ code, teacherToken: token } = await create({
			title: 'Results, "quoted", with commas',
			questionIds: [single.id, truefalse.id],
			shuffle: false
		}));
		const students: [string, Question[]][] = [
			['Ada', [single, truefalse]],
			['Ben', []],
			['Cat', [single]]
		];
		for (const [name, right] of students) {
			const answers = answersFor([single, truefalse], (x) =>
				right.includes(x) ? rightResponse(x) : wrongResponse(x)
			);
			const r = await submit(code, { name, answers });
			expect(r.status, r.text).toBe(201);
		}
	});

	it('JSON: every submission, item facility and the mastery map', async () => {
		const r = await results(code, token);
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('no-store');
		const { submissions, items, mastery, questions } = r.json;
		expect(questions.map((x) => x.id)).toEqual(
			bankQuestions()
				.map((x) => x.id)
				.filter((id) => id === single.id || id === truefalse.id)
		);
		expect(submissions.map((s) => [s.name, s.attempt, s.score, s.maxScore])).toEqual([
			['Ada', 1, 2, 2],
			['Ben', 1, 0, 2],
			['Cat', 1, 1, 2]
		]);
		expect(submissions[2].scores).toEqual({ [single.id]: 1, [truefalse.id]: 0 });
		const facility = Object.fromEntries(items.map((i) => [i.id, i.facility]));
		expect(facility[single.id]).toBeCloseTo(2 / 3, 5);
		expect(facility[truefalse.id]).toBeCloseTo(1 / 3, 5);
		expect(items.every((i) => i.answered === 3)).toBe(true);

		// Mastery: one row per commitment the questions test, one column per student.
		expect(mastery.rows.map((x) => x.id).sort()).toEqual(
			[...new Set([...single.commitments, ...truefalse.commitments])].sort()
		);
		expect(mastery.columns.map((c) => c.label)).toEqual(['Ada', 'Ben', 'Cat']);
		const adaColumn = mastery.columns[0].id;
		const benColumn = mastery.columns[1].id;
		const cells = (column: string) => mastery.cells.filter((c) => c.column === column);
		expect(cells(adaColumn).length).toBeGreaterThan(0);
		expect(cells(adaColumn).every((c) => c.score === 1)).toBe(true);
		expect(cells(benColumn).every((c) => c.score === 0)).toBe(true);
	});

	it('CSV: a UTF-8 BOM, the header, and one row per submission', async () => {
		const r = await fetch(`${baseUrl()}/api/assignments/${code}/results.csv`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(r.headers.get('content-disposition')).toMatch(
			new RegExp(`^attachment; filename="results-quoted-with-commas-${code}-results\\.csv"$`)
		);
		const bytes = new Uint8Array(await r.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
		expect(lines.pop()).toBe('');
		// Questions in the assignment's order, each with its mark and its answer, by id and full text.
		expect(lines[0]).toMatch(/^Name,Attempt,Submitted \(UTC\),Late,Score,Out of,Percent,"?Q1 \(/);
		for (const id of [single.id, truefalse.id])
			for (const column of ['mark', 'answer']) expect(lines[0]).toContain(`(${id}) ${column}: `);
		// The full text of each question, never cut short.
		const statement = truefalse.type === 'truefalse' ? truefalse.statement : '';
		expect(lines[0]).toContain(statement.replace(/"/g, '""'));
		expect(lines).toHaveLength(4);
		const stamp = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d';
		// Each mark, then the answer as text (the true/false one: "True" or "False").
		expect(lines[1]).toMatch(new RegExp(`^Ada,1,${stamp},,2,2,100,1,.+,1,.+$`));
		expect(lines[2]).toMatch(new RegExp(`^Ben,1,${stamp},,0,2,0,0,.+,0,.+$`));
		expect(lines[3]).toMatch(new RegExp(`^Cat,1,${stamp},,1,2,50,`));
		expect(lines.slice(1).every((line) => /,(True|False)(,|$)/.test(line))).toBe(true);
	});
});

describe('names', () => {
	it('treats a decomposed "Zoe\\u0301" as "Zoé" (NFC), for attempts and for the stored name', async () => {
		const { code, teacherToken } = await create({
			title: 'Names',
			questionIds: ['rc-single-who-invited'],
			attempts: 2
		});
		const decomposed = 'Zoe\u0301';
		const composed = 'Zo\u00e9';
		expect(decomposed).not.toBe(composed);

		const first = await submit(code, { name: decomposed, answers: {} });
		expect(first.status, first.text).toBe(201);
		expect(first.json).toMatchObject({ name: composed, attempt: 1 });

		const v = await view(code, composed);
		expect(v.json.attemptsUsed).toBe(1);

		const second = await submit(code, { name: composed, answers: {} });
		expect(second.json).toMatchObject({ name: composed, attempt: 2 });
		const third = await submit(code, { name: `  ${decomposed.toUpperCase()}`, answers: {} });
		expect(third.status).toBe(409);

		const r = await results(code, teacherToken);
		expect(r.json.submissions.map((s) => s.name)).toEqual([composed, composed]);
	});

	it('keeps a name exactly as the receipt says, or refuses it (a lone surrogate)', async () => {
		const { code } = await create({ title: 'Surrogates', questionIds: ['rc-single-who-invited'] });
		const name = 'Lone \ud800 surrogate';
		const r = await submit(code, { name, answers: {} });
		if (r.status === 400) {
			expect(r.json.error).toMatch(/^name/);
			return;
		}
		expect(r.status).toBe(201);
		const again = await request<Receipt>(`/api/assignments/${code}/submissions/${r.json.receipt}`);
		expect(again.json.name, 'the stored name differs from the one the 201 receipt gave').toBe(
			r.json.name
		);
	});
});
