// The teacher's dashboard over HTTP: the page, the print view, the three exports, closing and
// reopening, and deleting an assignment with all its submissions.
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankQuestions } from '../support/bank';
import { baseUrl, create, probe, request, submit, view } from './helpers';

let db: ReturnType<typeof probe>;
afterAll(() => db?.close());

let code = '';
let token = '';
const names = ['Amira <b>Haddad</b>', '=cmd|calc', 'Zoë'];
/** The lesson's bank questions (the content team adds some now and then), and the two below. */
const lessonQuestions = bankQuestions().filter((q) => q.lesson === 'reading-a-communique');
const questionCount = lessonQuestions.length + 2;

beforeAll(async () => {
	({ code, teacherToken: token } = await create({
		title: 'Dashboard {check}: #1',
		lessons: ['reading-a-communique'],
		questions: [
			{
				type: 'single',
				prompt: 'Which ~ sign = {this}?',
				options: [
					{ text: 'a # hash', correct: true, feedback: 'Yes: a: b' },
					{ text: 'b', correct: false }
				]
			},
			{ type: 'cloze', text: 'The meeting was ___.', answers: ['virtual'] }
		]
	}));
	db = probe();
	const questions = (await view(code, 'x')).json.questions;
	for (const name of names) {
		const r = await submit(code, {
			name,
			answers: { 'own-1': { choice: 'a' }, 'own-2': { text: 'virtual' } }
		});
		expect(r.status, r.text).toBe(201);
		// The answers reached the teacher's own questions, in the ids this student was shown.
		expect(r.json.score, name).toBe(2);
	}
	expect(lessonQuestions.length).toBeGreaterThan(5);
	expect(questions.length).toBe(questionCount);
});

/** A form post as the dashboard's own page sends it (same origin), without JavaScript. */
const action = (name: string, fields: Record<string, string> = {}, origin = baseUrl()) =>
	fetch(`${baseUrl()}/teach/${token}?/${name}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString()
	});

describe('the dashboard page', () => {
	it('shows the code, the QR code and every name as text, never as HTML', async () => {
		const r = await request(`/teach/${token}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(r.text).toContain(code);
		expect(r.text).toMatch(/<svg[^>]*class="qr/);
		expect(r.text).toContain('Amira &lt;b>Haddad&lt;/b>');
		expect(r.text).not.toContain('<b>Haddad</b>');
		expect(r.text).toContain('=cmd|calc');
	});

	it('answers a wrong token with 404 and no hint of the assignment', async () => {
		const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		const r = await request(`/teach/${wrong}`);
		expect(r.status).toBe(404);
		expect(r.text).not.toContain(code);
	});

	it('has a print view with every submission', async () => {
		const r = await request(`/teach/${token}/print`);
		expect(r.status).toBe(200);
		for (const name of ['Amira &lt;b>Haddad&lt;/b>', 'Zoë']) expect(r.text).toContain(name);
	});
});

describe('exports', () => {
	it('results.csv: a row per submission, formula-looking names neutralised', async () => {
		const r = await fetch(`${baseUrl()}/teach/${token}/results.csv`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
		const rows = (await r.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(rows).toHaveLength(1 + names.length);
		expect(rows.some((row) => row.startsWith("'=cmd|calc,"))).toBe(true);
	});

	it('questions.gift: every question but ordering, special characters escaped', async () => {
		const r = await fetch(`${baseUrl()}/teach/${token}/questions.gift`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-disposition')).toMatch(/\.gift\.txt"$/);
		const gift = await r.text();
		expect(gift).toContain('::own-1::[plain]Which \\~ sign \\= \\{this\\}?');
		expect(gift).toContain('=a \\# hash#Yes\\: a\\: b');
		// Every question but ordering (GIFT has no ordering type): the lesson's others and both own.
		const ordering = lessonQuestions.filter((q) => q.type === 'ordering').length;
		expect(ordering).toBeGreaterThan(0);
		expect(gift.match(/^::/gm)?.length).toBe(questionCount - ordering);
	});

	it('questions-qti.zip: a QTI 2.1 package whose manifest lists every item it holds', async () => {
		const r = await fetch(`${baseUrl()}/teach/${token}/questions-qti.zip`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/zip');
		const files = unzipSync(new Uint8Array(await r.arrayBuffer()));
		const parser = new XMLParser({ ignoreAttributes: false });
		const manifest = parser.parse(strFromU8(files['imsmanifest.xml']));
		const resources = [manifest.manifest.resources.resource].flat();
		const items = resources.filter((x) => x['@_type'] === 'imsqti_item_xmlv2p1');
		expect(items).toHaveLength(questionCount);
		for (const item of items) expect(files[item['@_href']], item['@_href']).toBeDefined();
	});

	it('no export without the token', async () => {
		for (const file of ['results.csv', 'questions.gift', 'questions-qti.zip', 'print'])
			expect((await fetch(`${baseUrl()}/teach/x${token.slice(1)}/${file}`)).status).toBe(404);
	});
});

describe('managing the assignment', () => {
	it('closes and reopens', async () => {
		expect((await action('close')).status).toBe(200);
		const closed = await submit(code, { name: 'Late', answers: {} });
		expect(closed.status).toBe(410);
		expect((await action('reopen')).status).toBe(200);
		const open = await submit(code, { name: 'Late', answers: {} });
		expect(open.status, open.text).toBe(201);
	});

	it('refuses to delete without the code typed, and from another site', async () => {
		const before = await db.counts();
		expect((await action('delete', { confirm: 'WRONG' })).status).toBe(400);
		expect((await action('delete', { confirm: code }, 'https://evil.example')).status).toBe(403);
		expect(await db.counts()).toEqual(before);
	});

	it('deletes the assignment and all its submissions', async () => {
		const before = await db.counts();
		const r = await action('delete', { confirm: code });
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe(`/teach?deleted=${code}`);
		expect(await db.counts()).toEqual({
			assignments: before.assignments - 1,
			submissions: before.submissions - names.length - 1
		});
		expect((await view(code)).status).toBe(404);
		expect((await request(`/teach/${token}`)).status).toBe(404);
	});
});
