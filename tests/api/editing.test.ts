// Issue 14, teacher items 2-4 over HTTP: editing an assignment (PATCH /api/assignments/<code> and
// the dashboard's form action), late work marked late, the class list, duplicating. On
// PostgreSQL this runs against two app processes behind a round-robin proxy: an edit made
// through one is seen by the other at once (no stale cache).
import { describe, expect, it } from 'vitest';
import { baseUrl, create, request, results, sleep, submit } from './helpers';

const patch = (code: string, token: string, body: unknown) =>
	request(`/api/assignments/${code}`, {
		method: 'PATCH',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

const own = {
	type: 'truefalse',
	statement: 'The meeting was virtual.',
	answer: true
};
const answers = { 'own-1': { answer: true } };

/** A form post as the dashboard (or its questions screen, `page`) sends it without JavaScript. */
const action = (token: string, name: string, fields: Record<string, string>, page = '') =>
	fetch(`${baseUrl()}/teach/${token}${page}?/${name}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseUrl(),
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString()
	});

describe('PATCH /api/assignments/<code>', () => {
	it('changes the title, attempts, reveal and cap, and every process sees it at once', async () => {
		const { code, teacherToken } = await create({ title: 'Before', questions: [own] });
		const r = await patch(code, teacherToken, {
			title: 'After',
			attempts: 3,
			reveal: 'never',
			maxStudents: 40
		});
		expect(r.status, r.text).toBe(200);
		expect(r.json).toMatchObject({ title: 'After', attempts: 3, reveal: 'never', maxStudents: 40 });
		// Several reads: on PostgreSQL they go to both processes in turn.
		for (let i = 0; i < 4; i++) {
			const v = await request(`/api/assignments/${code}`);
			expect(v.json).toMatchObject({ title: 'After', attempts: 3, reveal: 'never' });
		}
		for (let i = 0; i < 3; i++)
			expect((await submit(code, { name: 'Ann', answers })).status).toBe(201);
		expect((await submit(code, { name: 'Ann', answers })).status).toBe(409);
	});

	it('refuses a wrong or missing token with the same 404 / a 401', async () => {
		const { code, teacherToken } = await create({ title: 'Mine', questions: [own] });
		const wrong = teacherToken.slice(0, -1) + (teacherToken.endsWith('A') ? 'B' : 'A');
		const r = await patch(code, wrong, { title: 'Hacked' });
		expect(r.status).toBe(404);
		expect(r.json.error).toBe('No assignment for this code and token');
		const none = await request(`/api/assignments/${code}`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: '{"title":"x"}'
		});
		expect(none.status).toBe(401);
		expect((await request(`/api/assignments/${code}`)).json.title).toBe('Mine');
	});

	it.each([
		[{ title: '' }, /^title: must not be empty/],
		[{ attempts: 0 }, /^attempts: must be at least 1/],
		[{ attempts: 'two' }, /^attempts: must be a whole number/],
		[{ reveal: 'sometimes' }, /^reveal: must be "immediately"/],
		[{ maxStudents: 5000 }, /^maxStudents: must be at most 1000/],
		[{ dueAt: '2020-01-01T00:00:00Z' }, /^dueAt: must be in the future/],
		[{ dueAt: 'soon' }, /^dueAt: must be a date and time/],
		[{ reveal: 'after-due' }, /^reveal: "after-due" needs a due date/],
		[{ acceptLate: 'yes' }, /^acceptLate: must be true or false/],
		[{ classList: 'Ann\n\u0007Bo' }, /^classList: line 2 .*control characters/],
		[{ questionIds: ['no-such-question'] }, /^questionIds: "no-such-question" is not a question/],
		[{ colour: 'red' }, /^colour: is not a field this request takes/]
	])('refuses %j, naming the field', async (body, message) => {
		const { code, teacherToken } = await create({ title: 'Strict', questions: [own] });
		const r = await patch(code, teacherToken, body);
		expect(r.status, r.text).toBe(400);
		expect(r.json.error).toMatch(message);
	});

	it('changes the questions only while nobody has submitted (409 after, saying why)', async () => {
		const { code, teacherToken } = await create({
			title: 'Pool',
			questions: [own, { ...own, statement: 'The meeting was in Rome.', answer: false }]
		});
		const before = await patch(code, teacherToken, { questionIds: ['own-1'] });
		expect(before.status, before.text).toBe(200);
		expect(before.json.questionIds).toEqual(['own-1']);
		expect((await submit(code, { name: 'Ann', answers })).status).toBe(201);
		const after = await patch(code, teacherToken, { questionIds: ['own-1', 'own-2'] });
		expect(after.status).toBe(409);
		expect(after.json.error).toMatch(
			/^questionIds: the questions cannot change once someone has submitted/
		);
	});

	it('marks late work late when the teacher accepts it, and moving the date reopens', async () => {
		const due = new Date(Date.now() + 2500).toISOString();
		const { code, teacherToken } = await create({ title: 'Late', questions: [own], dueAt: due });
		expect((await submit(code, { name: 'Early', answers })).status).toBe(201);
		await sleep(Math.max(0, Date.parse(due) - Date.now()) + 300);
		const refused = await submit(code, { name: 'Tardy', answers });
		expect(refused.status).toBe(410);
		expect((await patch(code, teacherToken, { acceptLate: true })).status).toBe(200);
		expect((await request(`/api/assignments/${code}`)).json.status).toBe('open');
		expect((await submit(code, { name: 'Tardy', answers })).status).toBe(201);
		const listed = (await results(code, teacherToken)).json.submissions as unknown as {
			name: string;
			late: boolean;
		}[];
		expect(listed.map((s) => [s.name, s.late])).toEqual([
			['Early', false],
			['Tardy', true]
		]);
		const csv = await (await fetch(`${baseUrl()}/teach/${teacherToken}/results.csv`)).text();
		expect(csv).toMatch(/\r\nEarly,1,[^,]+,,/);
		expect(csv).toMatch(/\r\nTardy,1,[^,]+,late,/);
		// Late work refused again; a new date in the future reopens the assignment.
		await patch(code, teacherToken, { acceptLate: false });
		expect((await submit(code, { name: 'Later', answers })).status).toBe(410);
		const moved = await patch(code, teacherToken, {
			dueAt: new Date(Date.now() + 3_600_000).toISOString()
		});
		expect(moved.json.status).toBe('open');
		expect((await submit(code, { name: 'Later', answers })).status).toBe(201);
	});
});

describe('the dashboard forms (no JavaScript)', () => {
	it('saves the settings, and refuses a bad field naming it, keeping what was typed', async () => {
		const { code, teacherToken } = await create({ title: 'Form', questions: [own] });
		const fields = {
			section: 'settings',
			title: 'Form renamed',
			due: '',
			attempts: '2',
			reveal: 'immediately',
			maxStudents: '30'
		};
		const ok = await action(teacherToken, 'edit', fields);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('Saved the settings.');
		expect((await request(`/api/assignments/${code}`)).json).toMatchObject({
			title: 'Form renamed',
			attempts: 2
		});
		const bad = await action(teacherToken, 'edit', { ...fields, title: 'Kept', attempts: '99' });
		expect(bad.status).toBe(400);
		const page = await bad.text();
		expect(page).toContain('Attempts: must be at most 10');
		expect(page).toMatch(/id="edit-attempts"[^>]*autofocus|autofocus[^>]*id="edit-attempts"/);
		expect(page).toContain('value="Kept"');
	});

	it('keeps a class list: who has not submitted, and names on no list', async () => {
		const { code, teacherToken } = await create({ title: 'Class', questions: [own] });
		for (const name of ['zoe', 'Stray Name']) await submit(code, { name, answers });
		const saved = await action(teacherToken, 'edit', {
			section: 'class-list',
			names: 'Zoë\nBo Chen\n\nAmira Haddad\n'
		});
		expect(saved.status).toBe(200);
		const r = await patch(code, teacherToken, {});
		expect(r.json.classList).toEqual(['Zoë', 'Bo Chen', 'Amira Haddad']);
		const page = await (await fetch(`${baseUrl()}/teach/${teacherToken}`)).text();
		const section = page.slice(page.indexOf('id="missing-h"'), page.indexOf('id="class-list"'));
		expect(section).toContain('Bo Chen');
		expect(section).toContain('Amira Haddad');
		expect(section).toContain('Stray Name');
		expect(section.indexOf('Stray Name')).toBeGreaterThan(section.indexOf('id="unlisted-h"'));
		const bad = await action(teacherToken, 'edit', {
			section: 'class-list',
			names: 'Ann\n   \n!!!'
		});
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain(
			'Class list: line 2 ("!!!"): name must contain at least one letter or digit'
		);
	});

	it('duplicates: a new code and dashboard, the same questions and settings', async () => {
		const { code, teacherToken } = await create({
			title: 'Original',
			questions: [own],
			attempts: 4,
			reveal: 'never'
		});
		await submit(code, { name: 'Ann', answers });
		const r = await action(teacherToken, 'duplicate', { title: 'Original, class B' });
		expect(r.status).toBe(303);
		const newToken = /\/teach\/([^/?]+)$/.exec(r.headers.get('location') ?? '')?.[1];
		expect(newToken).toBeTruthy();
		expect(newToken).not.toBe(teacherToken);
		const page = await (await fetch(`${baseUrl()}/teach/${newToken}`)).text();
		expect(page).toContain('Original, class B');
		const newCode = /\/a\/([A-Z0-9]+)/.exec(page)?.[1];
		expect(newCode).toBeTruthy();
		expect(newCode).not.toBe(code);
		const settings = await patch(newCode!, newToken!, {});
		expect(settings.json).toMatchObject({ attempts: 4, reveal: 'never', questionIds: ['own-1'] });
		const listed = await results(newCode!, newToken!);
		expect(listed.json.summary.submissions).toBe(0);
		// The copy asks the original's questions (its own included), and is open.
		const student = await request(`/api/assignments/${newCode}`);
		expect(student.json).toMatchObject({ title: 'Original, class B', status: 'open' });
		expect((student.json.questions as unknown[]).length).toBe(1);
	});

	it('duplicates through the API too, refusing a bad title', async () => {
		const { code, teacherToken } = await create({ title: 'Via API', questions: [own] });
		const post = (body: unknown) =>
			request(`/api/assignments/${code}/duplicate`, {
				method: 'POST',
				headers: { authorization: `Bearer ${teacherToken}`, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		const r = await post({ title: 'Copy' });
		expect(r.status, r.text).toBe(201);
		expect(r.json.code).not.toBe(code);
		expect((await request(`/api/assignments/${r.json.code}`)).json.title).toBe('Copy');
		expect((await post({ title: '' })).json.error).toMatch(/^title: must not be empty/);
		expect((await post({ colour: 1 })).json.error).toMatch(/^colour: is not a field/);
	});
});

describe('the questions screen (/teach/<token>/questions)', () => {
	const mine = [
		own,
		{ ...own, statement: 'The meeting was in Rome.', answer: false },
		{ ...own, statement: 'Italy co-hosted it.', answer: true }
	];
	const ids = async (code: string, token: string) =>
		(await patch(code, token, {})).json.questionIds;
	const screen = (token: string, name: string, fields: Record<string, string>) =>
		action(token, name, fields, '/questions');

	it('moves, removes and adds back, each saved at once; refuses what it cannot do, naming it', async () => {
		const { code, teacherToken: token } = await create({ title: 'Order', questions: mine });
		expect(await ids(code, token)).toEqual(['own-1', 'own-2', 'own-3']);
		expect((await screen(token, 'change', { op: 'down:own-1' })).status).toBe(200);
		expect(await ids(code, token)).toEqual(['own-2', 'own-1', 'own-3']);
		expect((await screen(token, 'change', { op: 'remove:own-3' })).status).toBe(200);
		expect(await ids(code, token)).toEqual(['own-2', 'own-1']);
		const page = await (await fetch(`${baseUrl()}/teach/${token}/questions`)).text();
		expect(page).toContain('Your own questions, taken out');
		expect((await screen(token, 'add', { own: 'own-3' })).status).toBe(200);
		expect(await ids(code, token)).toEqual(['own-2', 'own-1', 'own-3']);

		const first = await screen(token, 'change', { op: 'up:own-2' });
		expect(first.status).toBe(400);
		expect(await first.text()).toContain('Questions: the question is already first.');
		const unknown = await screen(token, 'add', { questionIds: 'no-such-question' });
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toContain(
			'Questions: "no-such-question" is not a question in the bank nor one of this assignment'
		);
		const nothing = await screen(token, 'change', { op: 'sideways:own-1' });
		expect(nothing.status).toBe(400);
		expect(await nothing.text()).toContain('Questions: say which change to make.');
		expect(await ids(code, token)).toEqual(['own-2', 'own-1', 'own-3']);
	});

	it('once someone has submitted: refuses with 409 and says why, the list unchanged', async () => {
		const { code, teacherToken: token } = await create({ title: 'Fixed', questions: mine });
		await submit(code, { name: 'Ann', answers });
		const r = await screen(token, 'change', { op: 'down:own-1' });
		expect(r.status).toBe(409);
		expect(await r.text()).toContain(
			'Questions: the questions cannot change once someone has submitted (1 submission marked against them)'
		);
		expect(await ids(code, token)).toEqual(['own-1', 'own-2', 'own-3']);
		const page = await (await fetch(`${baseUrl()}/teach/${token}/questions`)).text();
		expect(page).toContain('The questions cannot change: 1 submission was marked against them');
		expect(page).not.toContain('name="op"');
		const wrong = await fetch(`${baseUrl()}/teach/${token.slice(0, -2)}xx/questions`);
		expect(wrong.status).toBe(404);
	});
});
