// Issue 14, teacher items 1 and 6: what each student answered (a page per student, a page per
// question, both CSV files) and the receipt's own link, which shows the marked answers on any
// device when the assignment's reveal setting allows, and says plainly when it does not.
import { beforeAll, describe, expect, it } from 'vitest';
import { bankQuestion, rightResponse, wrongResponse } from '../support/bank';
import { baseUrl, create, request, sleep, submit, unknownCode } from './helpers';

const single = bankQuestion('rc-single-who-invited');
const truefalse = bankQuestion('rc-truefalse-next-meeting-date');
const right = single.type === 'single' ? single.options.find((o) => o.correct)!.text : '';
const wrong = single.type === 'single' ? single.options.find((o) => !o.correct)!.text : '';

/** An HTML page's text, tags dropped and the entities Svelte writes decoded. */
const textOf = (html: string) =>
	html
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
const page = async (path: string) => {
	const r = await fetch(`${baseUrl()}${path}`);
	return { status: r.status, headers: r.headers, text: textOf(await r.text()) };
};
const csvRows = async (r: Response) =>
	(await r.text())
		.replace(/^\uFEFF/, '')
		.replace(/\r\n$/, '')
		.split('\r\n');

let code = '';
let token = '';
/** Ada right on both, Ben wrong on both, Cat right on the first only: in that order. */
const ids: Record<string, number> = {};

beforeAll(async () => {
	({ code, teacherToken: token } = await create({
		title: 'Answers per student',
		questionIds: [single.id, truefalse.id],
		shuffle: false
	}));
	const plan: [string, boolean, boolean][] = [
		['Ada <b>L</b>', true, true],
		['Ben', false, false],
		['Cat', true, false]
	];
	for (const [name, first, second] of plan) {
		const r = await submit(code, {
			name,
			answers: {
				[single.id]: first ? rightResponse(single) : wrongResponse(single),
				[truefalse.id]: second ? rightResponse(truefalse) : wrongResponse(truefalse)
			}
		});
		expect(r.status, r.text).toBe(201);
	}
	const results = await request<{ submissions: { id: number; name: string }[] }>(
		`/api/assignments/${code}/results`,
		{ headers: { authorization: `Bearer ${token}` } }
	);
	for (const s of results.json.submissions) ids[s.name] = s.id;
	expect(Object.keys(ids)).toHaveLength(3);
});

describe('a student’s answers, question by question', () => {
	it('shows each question with what they chose, the mark and the right answer', async () => {
		const r = await page(`/teach/${token}/student/${ids['Ben']}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(r.text).toContain(single.prompt);
		expect(r.text).toContain(`Answered ${wrong}`);
		expect(r.text).toContain('Wrong, 0 of 1');
		expect(r.text).toContain(`Right answer ${right}`);
	});

	it('a name is text, never markup; a right answer shows no "right answer" line', async () => {
		const r = await fetch(`${baseUrl()}/teach/${token}/student/${ids['Ada <b>L</b>']}`);
		const html = await r.text();
		expect(html).toContain('Ada &lt;b>L&lt;/b>');
		expect(textOf(html)).toContain('Right, 1 of 1');
		expect(textOf(html)).not.toContain('Right answer');
	});

	it.each([
		{ name: 'a wrong token', path: () => `/teach/x${token.slice(1)}/student/${ids['Ben']}` },
		{ name: 'no such submission', path: () => `/teach/${token}/student/999999` },
		{ name: 'not a number', path: () => `/teach/${token}/student/abc` },
		{ name: 'zero', path: () => `/teach/${token}/student/0` }
	])('404 for $name', async ({ path }) => {
		expect((await page(path())).status).toBe(404);
	});

	it('404 for another assignment’s submission, even with a valid token', async () => {
		const other = await create({ title: 'Another class', questionIds: [single.id] });
		expect((await page(`/teach/${other.teacherToken}/student/${ids['Ben']}`)).status).toBe(404);
	});
});

describe('who gave which answer to a question', () => {
	it('groups the students by their answer, the most given first', async () => {
		const r = await page(`/teach/${token}/question/${single.id}`);
		expect(r.status).toBe(200);
		expect(r.text).toContain(`Right answer: ${right}`);
		expect(r.text).toContain('3 answers');
		const rightAt = r.text.indexOf(`${right} Right, 1 of 1 · 2 students`);
		const wrongAt = r.text.indexOf(`${wrong} Wrong, 0 of 1 · 1 student Ben`);
		expect(rightAt, r.text).toBeGreaterThan(0);
		expect(wrongAt, r.text).toBeGreaterThan(rightAt);
	});

	it.each([
		{ name: 'a wrong token', path: () => `/teach/x${token.slice(1)}/question/${single.id}` },
		{ name: 'a question not in the assignment', path: () => `/teach/${token}/question/nope` }
	])('404 for $name', async ({ path }) => {
		expect((await page(path())).status).toBe(404);
	});
});

describe('the CSV files', () => {
	it('results.csv: each mark beside the answer as text, headed by the id and full text', async () => {
		const rows = await csvRows(await fetch(`${baseUrl()}/teach/${token}/results.csv`));
		expect(rows[0]).toContain(`Q1 (${single.id}) answer: ${single.prompt}`);
		expect(rows[0]).toContain(`Q2 (${truefalse.id}) mark:`);
		expect(rows.find((row) => row.startsWith('Ben,'))).toContain(`,0,${csvText(wrong)},0,`);
	});

	for (const where of ['page', 'api'] as const)
		it(`answers.csv (${where}): one row per student × question, answers as text`, async () => {
			const r =
				where === 'page'
					? await fetch(`${baseUrl()}/teach/${token}/answers.csv`)
					: await fetch(`${baseUrl()}/api/assignments/${code}/answers.csv`, {
							headers: { authorization: `Bearer ${token}` }
						});
			expect(r.status).toBe(200);
			expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(r.headers.get('cache-control')).toBe('no-store');
			expect(r.headers.get('content-disposition')).toMatch(/-answers-long\.csv"$/);
			const rows = await csvRows(r);
			expect(rows[0]).toBe(
				'student,attempt,submitted_at,question_id,question_text,answer,score,max'
			);
			expect(rows).toHaveLength(1 + 3 * 2);
			const ben = rows.filter((row) => row.startsWith('Ben,'));
			expect(ben[0]).toMatch(
				new RegExp(`^Ben,1,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,${single.id},.*,0,1$`)
			);
			expect(ben[0]).toContain(csvText(wrong));
			expect(ben[1]).toMatch(/,(True|False),0,1$/);
		});

	it.each([
		{
			name: 'page, wrong token',
			url: () => `/teach/x${token.slice(1)}/answers.csv`,
			auth: () => ''
		},
		{
			name: 'API, wrong token',
			url: () => `/api/assignments/${code}/answers.csv`,
			auth: () => `x${token.slice(1)}`
		},
		{
			name: 'API, unknown code',
			url: () => `/api/assignments/${unknownCode}/answers.csv`,
			auth: () => token
		}
	])('answers.csv 404: $name', async ({ url, auth }) => {
		const r = await fetch(`${baseUrl()}${url()}`, {
			headers: auth() ? { authorization: `Bearer ${auth()}` } : {}
		});
		expect(r.status).toBe(404);
	});

	it('answers.csv on the API without a token: 401', async () => {
		expect((await fetch(`${baseUrl()}/api/assignments/${code}/answers.csv`)).status).toBe(401);
	});
});

/** A text cell as the CSV writes it: quoted when it holds a comma or a quote. */
function csvText(text: string): string {
	return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

describe('the receipt’s own link', () => {
	const answer = { [single.id]: wrongResponse(single) };
	const receiptFor = async (body: Record<string, unknown>) => {
		const made = await create({ title: 'Receipts', questionIds: [single.id], ...body });
		const r = await submit(made.code, { name: 'Dee', answers: answer });
		expect(r.status, r.text).toBe(201);
		return { code: made.code, receipt: r.json.receipt as string };
	};

	it('reveal immediately: the marked answers, never cached, never indexed', async () => {
		const { code, receipt } = await receiptFor({});
		const r = await page(`/a/${code}/receipt/${receipt}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(r.headers.get('x-robots-tag')).toBe('noindex, nofollow');
		expect(r.headers.get('referrer-policy')).toBe('no-referrer');
		expect(r.text).toContain('Your answers, marked');
		expect(r.text).toContain(`You answered ${wrong}`);
		expect(r.text).toContain(`Right answer ${right}`);
		expect(r.text).toContain('0 out of 1');
	});

	it('reveal never: the score, and a plain sentence, no answers', async () => {
		const { code, receipt } = await receiptFor({ reveal: 'never' });
		const r = await page(`/a/${code}/receipt/${receipt}`);
		expect(r.status).toBe(200);
		expect(r.text).toContain('0 out of 1');
		expect(r.text).toContain('chosen not to show the marked answers');
		expect(r.text).not.toContain(right);
	});

	it('reveal after the due date: not before it, then yes', async () => {
		const dueAt = new Date(Date.now() + 4000).toISOString();
		const { code, receipt } = await receiptFor({ reveal: 'after-due', dueAt });
		const before = await page(`/a/${code}/receipt/${receipt}`);
		expect(before.text).toContain('They are not shown yet');
		expect(before.text).not.toContain(right);
		await sleep(Math.max(0, Date.parse(dueAt) - Date.now()) + 300);
		const after = await page(`/a/${code}/receipt/${receipt}`);
		expect(after.text).toContain('Your answers, marked');
		expect(after.text).toContain(`Right answer ${right}`);
	});

	it('its QR code is an SVG of the link, not cached', async () => {
		const { code, receipt } = await receiptFor({});
		const r = await fetch(`${baseUrl()}/a/${code}/receipt/${receipt}/qr.svg`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('image/svg+xml');
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(await r.text()).toMatch(/^<svg [^>]*viewBox="-4 -4 \d+ \d+"[\s\S]*<path d="M/);
	});

	it.each([
		{
			name: 'a receipt that does not exist',
			path: (c: string) => `/a/${c}/receipt/${'A'.repeat(22)}`
		},
		{ name: 'a receipt of a bad shape', path: (c: string) => `/a/${c}/receipt/x%00y` },
		{ name: 'an unknown code', path: (_: string, r: string) => `/a/${unknownCode}/receipt/${r}` },
		{ name: 'the QR of a bad receipt', path: (c: string) => `/a/${c}/receipt/nope/qr.svg` }
	])('404 for $name', async ({ path }) => {
		const { code, receipt } = await receiptFor({});
		const r = await page(path(code, receipt));
		expect(r.status).toBe(404);
	});

	it('another assignment’s receipt is not this one’s', async () => {
		const a = await receiptFor({});
		const b = await receiptFor({});
		expect((await page(`/a/${a.code}/receipt/${b.receipt}`)).status).toBe(404);
	});
});
