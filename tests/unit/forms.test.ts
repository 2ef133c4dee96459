import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { codeProblem, normaliseCode } from '$lib/assignment/code';
import { createSchema, limits } from '$lib/assignment/schema';
import {
	bodyFromForm,
	createBody,
	fieldFor,
	friendlyError
} from '../../src/routes/teach/create-form';

const formOf = (entries: [string, string][]) => {
	const form = new FormData();
	for (const [k, value] of entries) form.append(k, value);
	return form;
};

describe('codeProblem: what the join form says about a typed code', () => {
	it.each([
		{ input: 'ACE347', problem: null },
		{ input: ' ace-347 ', problem: null },
		{ input: '', problem: /type the code your teacher shows you/ },
		{ input: 'ZZZ999', problem: /codes never use Z \(nor any of 0 O 1 I L 2 Z 5 S 8 B U V/ },
		{ input: 'O0I1L5', problem: /codes never use O, 0, I, 1, L, 5/ },
		{ input: 'ACE3!7', problem: /remove "!"/ },
		{ input: 'ACE34', problem: /6 to 8 characters; this one has 5/ },
		{ input: 'ACE347ACE', problem: /this one has 9/ }
	])('$input', ({ input, problem }) => {
		const said = codeProblem(input);
		if (problem === null) {
			expect(said).toBeNull();
			expect(normaliseCode(input)).not.toBeNull();
		} else {
			expect(said).toMatch(problem);
			expect(said).toMatch(/^Code: /);
			expect(normaliseCode(input)).toBeNull();
		}
	});
});

describe('the create form without JavaScript', () => {
	it('turns its fields into the body the API takes', () => {
		const body = bodyFromForm(
			formOf([
				['title', 'Lesson 1'],
				['questionIds', 'q-a'],
				['questionIds', 'q-b'],
				['mode', 'random'],
				['count', '1'],
				['shuffle', 'on'],
				['attempts', '2'],
				['due', '2026-12-24T15:30'],
				['reveal', 'after-due']
			])
		);
		expect(body).toEqual({
			title: 'Lesson 1',
			questionIds: ['q-a', 'q-b'],
			count: 1,
			shuffle: true,
			attempts: 2,
			dueAt: '2026-12-24T15:30:00Z',
			reveal: 'after-due'
		});
		expect(v.safeParse(createSchema, body).success).toBe(true);
	});

	it.each([
		{ field: 'attempts', value: '', error: /attempts/ },
		{ field: 'attempts', value: 'two', error: /attempts/ },
		{ field: 'attempts', value: String(limits.attempts + 1), error: /at most 10/ },
		{ field: 'due', value: 'tomorrow', error: /dueAt/ }
	])(
		'a bad $field ($value) is refused by the same schema as the API',
		({ field, value, error }) => {
			const entries: [string, string][] = [
				['title', 'T'],
				['questionIds', 'q-a'],
				['attempts', '1'],
				['mode', 'all']
			];
			const form = formOf([...entries.filter(([k]) => k !== field), [field, value]]);
			const r = v.safeParse(createSchema, bodyFromForm(form));
			expect(r.success).toBe(false);
			if (!r.success)
				expect(JSON.stringify(r.issues.map((i) => [i.path?.[0]?.key, i.message]))).toMatch(error);
		}
	);

	it('leaves out the count and shuffle when not chosen', () => {
		const body = bodyFromForm(
			formOf([
				['title', 'T'],
				['mode', 'all'],
				['attempts', '1']
			])
		);
		expect(body).toMatchObject({ count: null, shuffle: false, questionIds: [], dueAt: null });
	});

	it('prefers the draft the page sends as JSON, and falls back to the fields when it is broken', () => {
		expect(
			createBody(
				formOf([
					['body', '{"title":"From the draft"}'],
					['title', 'x']
				])
			)
		).toEqual({
			title: 'From the draft'
		});
		expect(
			createBody(
				formOf([
					['body', '{broken'],
					['title', 'x'],
					['attempts', '1']
				])
			)
		).toMatchObject({
			title: 'x'
		});
	});
});

describe('refusals in the form’s words, with the field to focus', () => {
	it.each([
		{ api: 'title: must not be empty', said: 'Title: must not be empty', field: 'title' },
		{
			api: 'questions[1].prompt: must not be empty',
			said: 'Your question 2, prompt: must not be empty',
			field: 'own-2'
		},
		{ api: 'questions[0]: is required', said: 'Your question 1: is required', field: 'own-1' },
		{
			api: 'count: must be at most 100',
			said: 'Questions per student: must be at most 100',
			field: 'count'
		},
		{
			api: 'questionIds: choose at least one',
			said: 'Questions: choose at least one',
			field: 'questions-h'
		},
		{
			api: 'attempts: must be at least 1',
			said: 'Attempts: must be at least 1',
			field: 'attempts'
		},
		{ api: 'dueAt: is not a real date', said: 'Due date: is not a real date', field: 'due' },
		{
			api: 'Too many requests: wait a minute',
			said: 'Too many requests: wait a minute',
			field: 'form-error'
		}
	])('$api', ({ api, said, field }) => {
		expect(friendlyError(api)).toBe(said);
		expect(fieldFor(said)).toBe(field);
	});
});
