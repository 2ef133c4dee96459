// Issue 10: a real classroom, a careless network and a test-wise student. Each block names the
// item of the issue it proves; each failed before the fix.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { grade } from '../../src/lib/quiz/grade';
import { seededShuffle } from '../../src/lib/quiz/shuffle';
import { bankQuestions, shownQuestion, type ShownView } from '../support/bank';
import { startServer, type RunningServer } from '../support/server-process';
import {
	create,
	ownServer,
	postJson,
	request,
	results,
	submit,
	submitRaw,
	view,
	type PublicQuestion
} from './helpers';

const ordering = bankQuestions().filter((q) => q.type === 'ordering');
const matching = bankQuestions().filter((q) => q.type === 'matching');
const singles = bankQuestions().filter((q) => q.type === 'single');

type Shown = PublicQuestion & { events?: string[]; lefts?: string[]; rights?: string[] };

describe('10.2: nothing in the student view tells the answer', () => {
	let code: string;
	const names = Array.from({ length: 40 }, (_, i) => `Student ${i + 1}`);
	const views: ShownView[] = [];
	beforeAll(async () => {
		({ code } = await create({
			title: 'Leaks',
			questionIds: [...ordering, ...matching, ...singles.slice(0, 10)].map((q) => q.id)
		}));
		for (const name of names) views.push((await view(code, name)).json as unknown as ShownView);
	});

	it('ids mean nothing outside the server: no bank id, no year, no date, no a/b/c', () => {
		const bankIds = new Set(bankQuestions().map((q) => q.id));
		const year = /\b(19|20)\d\d\b/;
		const date =
			/\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b/i;
		for (const v of views) {
			const ids = [
				...v.questions.map((q) => q.id),
				...v.questions.flatMap((q) => (q.options ?? []).map((o) => o.id ?? o.place ?? '')),
				...(v.events ?? []).map((e) => e.id),
				...(v.places ?? []).map((p) => p.id)
			];
			for (const id of ids) {
				expect(bankIds.has(id), id).toBe(false);
				expect(id, id).toMatch(/^[qoep][A-Za-z0-9_-]{12}$/);
				expect(id).not.toMatch(year);
			}
			for (const e of v.events ?? []) {
				expect(e.title, e.title).not.toMatch(year);
				expect(e.title, e.title).not.toMatch(date);
			}
			for (const q of v.questions as Shown[])
				for (const item of q.events ?? []) expect(item).not.toMatch(year);
		}
	});

	it('the events list is not in date order (it was the answer to every ordering question)', () => {
		const orderOfDates = new Set(ordering.flatMap((q) => q.events));
		let inDateOrder = 0;
		for (const v of views) {
			const ids = (v.events ?? []).map((e) => e.title);
			const sorted = [...orderOfDates];
			if (ids.length > 1 && ids.join() === sorted.join()) inDateOrder++;
		}
		expect(inDateOrder).toBe(0);
	});

	it('submitting items in the order shown scores no better than chance, over many names', () => {
		let shownScore = 0;
		let chanceScore = 0;
		let n = 0;
		for (const v of views)
			for (const real of [...ordering, ...matching]) {
				const shown = shownQuestion(v, real) as Shown | undefined;
				if (!shown) throw new Error(`${real.id} is missing from the view`);
				if (real.type === 'ordering') {
					// The order shown, as real event ids (by title, as a student would read it).
					shownScore += grade(real, { type: 'ordering', order: mapByTitle(real, v, shown) }).score;
					chanceScore += meanRandomScore(real.events.length);
				} else if (real.type === 'matching') {
					const matches = Object.fromEntries(shown.lefts!.map((l, i) => [l, shown.rights![i]]));
					shownScore += grade(real, { type: 'matching', matches }).score;
					chanceScore += 1 / real.pairs.length;
				}
				n++;
			}
		// Chance (a random order): about 1/k per item. Two standard errors of slack.
		expect(shownScore / n).toBeLessThan(chanceScore / n + 0.1);
	});

	it('the old seed formula (code:name:question) no longer predicts the order of options', async () => {
		let predicted = 0;
		let total = 0;
		for (const [i, v] of views.entries()) {
			const key = names[i].toLowerCase();
			for (const real of singles.slice(0, 10)) {
				if (real.type !== 'single') continue;
				const shown = shownQuestion(v, real)!;
				const old = seededShuffle(real.options, `${code}:${key}:${real.id}`).map((o) => o.text);
				if (old.join('\n') === shown.options!.map((o) => o.text).join('\n')) predicted++;
				total++;
			}
		}
		// 4 options: 1 in 24 by chance. The old formula predicted every one.
		expect(predicted / total).toBeLessThan(0.15);
	});

	it("a teacher's options get ids that do not follow the order typed", async () => {
		const own = await create({
			title: 'Own',
			shuffle: false,
			questions: [
				{
					type: 'single',
					prompt: 'Pick',
					options: [
						{ text: 'Right one', correct: true },
						{ text: 'Wrong one', correct: false },
						{ text: 'Another', correct: false }
					]
				}
			]
		});
		const v = (await view(own.code, 'Ann')).json;
		const ids = v.questions[0].options!.map((o) => o.id);
		expect(ids).not.toContain('a');
		expect(ids.every((id) => /^o[A-Za-z0-9_-]{12}$/.test(id))).toBe(true);
		// The same student sees the same ids on a reload; another student sees others.
		expect((await view(own.code, 'Ann')).json.questions[0].options!.map((o) => o.id)).toEqual(ids);
		expect((await view(own.code, 'Bo')).json.questions[0].options!.map((o) => o.id)).not.toEqual(
			ids
		);
	});
});

/** The order a student sees for an ordering question, as real event ids. */
function mapByTitle(
	real: Extract<ReturnType<typeof bankQuestions>[number], { type: 'ordering' }>,
	v: ShownView,
	shown: Shown
): string[] {
	const titleOf = new Map((v.events ?? []).map((e) => [e.id, e.title]));
	const eventTitles = realTitles();
	return shown.events!.map(
		(id) => real.events.find((e) => eventTitles.get(e) === titleOf.get(id)) ?? ''
	);
}

let titlesCache: Map<string, string> | undefined;
function realTitles(): Map<string, string> {
	if (!titlesCache) {
		const facts = parse(
			readFileSync(new URL('../../lessons/facts.yaml', import.meta.url), 'utf8')
		) as {
			events: { id: string; title: string }[];
		};
		titlesCache = new Map(facts.events.map((e) => [e.id, e.title]));
	}
	return titlesCache;
}

/** The mean share of events in their place for a random order of k events: 1/k. */
const meanRandomScore = (k: number) => 1 / k;

const q = bankQuestions().find((x) => x.id === 'rc-single-who-invited')!;
const right = {
	[q.id]: { choice: q.type === 'single' ? q.options.find((o) => o.correct)!.id : '' }
};

describe('10.3: a busy, full or unwritable database never freezes the server or loses work', () => {
	const server = ownServer({ env: { RATE_LIMIT_SCALE: '20' } });
	let code: string;
	beforeAll(async () => {
		({ code } = await create(
			{ title: 'Busy', questionIds: [q.id], attempts: 3 },
			server().baseUrl
		));
	});

	/** Debian's sqlite3 holding the write lock, as another process (a backup, an admin) might. */
	async function holdLock(file: string) {
		const child = spawn('sqlite3', [file], { stdio: ['pipe', 'ignore', 'inherit'] });
		child.stdin.write('BEGIN EXCLUSIVE;\n');
		// The lock is held once a writer of our own is refused (sqlite3 buffers its output).
		const probe = new Database(file);
		probe.pragma('busy_timeout = 0');
		for (let i = 0; ; i++) {
			try {
				probe.exec('BEGIN IMMEDIATE; ROLLBACK;');
			} catch {
				break;
			}
			if (i > 100) throw new Error('sqlite3 did not take the write lock');
			await new Promise((r) => setTimeout(r, 50));
		}
		probe.close();
		let released = false;
		return async () => {
			if (released) return;
			released = true;
			child.stdin.end('COMMIT;\n.quit\n');
			await new Promise((r) => child.once('exit', r));
		};
	}

	const timed = async (path: string) => {
		const start = Date.now();
		const r = await request(path, {}, server().baseUrl);
		return { status: r.status, ms: Date.now() - start };
	};

	it('reads answer within a second while another process holds the lock; a write gets 503 with Retry-After, and the retry with the same key is stored once', async () => {
		const release = await holdLock(join(server().dataDir, 'course.db'));
		try {
			const v = (await view(code, 'Dee', server().baseUrl)).json;
			const answers = { [v.questions[0].id]: { choice: v.questions[0].options![0].id } };
			const key = 'busy-key-123456';
			const pending = submitRaw(
				code,
				{ name: 'Dee', answers },
				{ 'idempotency-key': key },
				server().baseUrl
			);
			// While that write waits for the lock, pages and the student view still answer.
			for (const path of ['/', `/a/${code}`, `/api/assignments/${code}?name=Eve`]) {
				const r = await timed(path);
				expect(r.status, path).toBe(200);
				expect(r.ms, path).toBeLessThan(1000);
			}
			const refused = await pending;
			expect(refused.status).toBe(503);
			expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(refused.json.error).toMatch(/busy/);
			await release();
			const again = await submitRaw(
				code,
				{ name: 'Dee', answers },
				{ 'idempotency-key': key },
				server().baseUrl
			);
			expect(again.status).toBe(201);
			const replay = await submitRaw(
				code,
				{ name: 'Dee', answers },
				{ 'idempotency-key': key },
				server().baseUrl
			);
			expect(replay.headers.get('idempotent-replayed')).toBe('true');
		} finally {
			await release().catch(() => {});
		}
	});
});

describe('10.3: a full disk answers 507, saying so; nothing half-written', () => {
	let server: RunningServer | undefined;
	const mountPoint = mkdtempSync(join(tmpdir(), 'course-tmpfs-'));
	beforeAll(() => {
		const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
		if (mounted.status !== 0)
			throw new Error(
				`This test mounts a 4 MB tmpfs to fill it (it needs root): ${mounted.stderr.toString()}`
			);
	});
	afterAll(async () => {
		await server?.stop();
		spawnSync('umount', [mountPoint]);
		rmSync(mountPoint, { recursive: true, force: true });
	});

	it('507 when the disk is full; 201 with the same key once there is room again', async () => {
		server = await startServer({
			dataDir: join(mountPoint, 'data'),
			env: { RATE_LIMIT_SCALE: '20' }
		});
		const { code } = await create(
			{ title: 'Disk', questionIds: [q.id], attempts: 5 },
			server.baseUrl
		);
		const fill = join(mountPoint, 'fill');
		// Fill what is left of the 4 MB.
		spawnSync('dd', ['if=/dev/zero', `of=${fill}`, 'bs=64k', 'count=100'], { stdio: 'ignore' });
		/** The same student's submission, retried with its key. */
		const base = server.baseUrl;
		const fay = () =>
			submit(code, { name: 'Fay', answers: right }, { 'idempotency-key': 'disk-key-1234' }, base);
		const full = await fay();
		expect(full.status, full.text).toBe(507);
		expect(full.json.error).toMatch(/disk is full/);
		rmSync(fill);

		const ok = await fay();
		expect(ok.status, ok.text).toBe(201);
		expect(ok.json.attempt).toBe(1);
		expect(server.log()).not.toMatch(/Something went wrong/);
	});
});

describe('10.4: a class behind one address', () => {
	const server = ownServer({ env: { RATE_LIMIT_SCALE: undefined } });

	it("others' wrong tokens never lock the teacher out; wrong tokens are still refused", async () => {
		const a = await create({ title: 'NAT', questionIds: [q.id] }, server().baseUrl);
		const wrong = 'x'.repeat(43);
		const path = `/api/assignments/${a.code}/results`;
		const statuses: number[] = [];
		for (let i = 0; i < 25; i++)
			statuses.push(
				(await request(path, { headers: { authorization: `Bearer ${wrong}` } }, server().baseUrl))
					.status
			);
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
		expect(statuses.slice(21)).toEqual(Array(4).fill(429));
		const teacher = await request(
			path,
			{ headers: { authorization: `Bearer ${a.teacherToken}` } },
			server().baseUrl
		);
		expect(teacher.status).toBe(200);
		expect((await request(`/teach/${a.teacherToken}`, {}, server().baseUrl)).status).toBe(200);
	});

	it('300 students behind one address join and submit within a minute; guessing codes is refused', async () => {
		const a = await create(
			{ title: 'Big class', questionIds: [q.id], maxStudents: 300 },
			server().baseUrl
		);
		const start = Date.now();
		const students = Array.from({ length: 300 }, (_, i) => `Pupil ${i + 1}`);
		const statuses: number[] = [];
		for (let i = 0; i < students.length; i += 25)
			await Promise.all(
				students.slice(i, i + 25).map(async (name) => {
					expect((await request(`/a/${a.code}`, {}, server().baseUrl)).status).toBe(200);
					const r = await submit(a.code, { name, answers: right }, {}, server().baseUrl);
					statuses.push(r.status);
				})
			);
		expect(statuses.filter((s) => s === 201)).toHaveLength(300);
		expect(Date.now() - start).toBeLessThan(60_000);
		const tokens = await results(a.code, a.teacherToken, server().baseUrl);
		expect(tokens.json).toMatchObject({ summary: { submissions: 300, students: 300 } });

		const guesses: number[] = [];
		for (let i = 0; i < 32; i++)
			guesses.push(
				(
					await request(
						`/api/assignments/ACDEF${'3467'[i % 4]}${'ACDEFGHJ'[i % 8]}`,
						{},
						server().baseUrl
					)
				).status
			);
		expect(guesses.slice(0, 30).every((s) => s === 404)).toBe(true);
		expect(guesses.at(-1)).toBe(429);
	});
});

describe('10.5: one assignment cannot be flooded', () => {
	it('caps the students the teacher allows (default 200, at most 1,000)', async () => {
		const a = await create({ title: 'Cap', questionIds: [q.id], maxStudents: 3 });
		for (const name of ['A1', 'B2', 'C3'])
			expect((await submit(a.code, { name, answers: right })).status).toBe(201);
		const fourth = await submit(a.code, { name: 'D4', answers: right });
		expect(fourth.status).toBe(409);
		expect(fourth.json.error).toMatch(/3 students, the most your teacher allowed/);
		const big = await postJson('/api/assignments', {
			title: 'x',
			questionIds: [q.id],
			maxStudents: 1001
		});
		expect(big.status).toBe(400);
		expect(big.json.error).toBe('maxStudents: must be at most 1000');
	});

	it('pages the submissions; a poll with the version fetches nothing when nothing changed', async () => {
		const a = await create({ title: 'Pages', questionIds: [q.id] });
		for (let i = 0; i < 55; i++) await submit(a.code, { name: `P${i}`, answers: right });
		const first = await results(a.code, a.teacherToken);
		const body = first.json as unknown as {
			version: string;
			submissions: unknown[];
			page: { total: number };
		};
		expect(body.submissions).toHaveLength(50);
		expect(body.page.total).toBe(55);
		const auth = { headers: { authorization: `Bearer ${a.teacherToken}` } };
		const same = await request(`/api/assignments/${a.code}/results?since=${body.version}`, auth);
		expect(same.json).toEqual({ unchanged: true, version: body.version });
		await submit(a.code, { name: 'P55', answers: right });
		const changed = await request(
			`/api/assignments/${a.code}/results?since=${body.version}&offset=50`,
			auth
		);
		expect(changed.json).toMatchObject({ page: { offset: 50, total: 56 } });
		expect((changed.json as unknown as { submissions: unknown[] }).submissions).toHaveLength(6);
	});

	it('the teacher deletes one stray submission from the dashboard; that name gets its attempt back', async () => {
		const a = await create({ title: 'Stray', questionIds: [q.id], attempts: 1 });
		await submit(a.code, { name: 'Keep', answers: right });
		await submit(a.code, { name: 'Stray', answers: right });
		const listed = (await results(a.code, a.teacherToken)).json as unknown as {
			submissions: { id: number; name: string }[];
		};
		const stray = listed.submissions.find((s) => s.name === 'Stray')!;
		const form = new URLSearchParams({ submission: String(stray.id), name: 'Stray' });
		const r = await request(`/teach/${a.teacherToken}?/deleteSubmission`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: new URL(a.teacherUrl).origin,
				'x-sveltekit-action': 'true'
			},
			body: form
		});
		expect(r.status).toBe(200);
		const after = (await results(a.code, a.teacherToken)).json as unknown as {
			submissions: { name: string }[];
		};
		expect(after.submissions.map((s) => s.name)).toEqual(['Keep']);
		expect((await submit(a.code, { name: 'Stray', answers: right })).status).toBe(201);
	});
});

describe('10.6: one student, one name', () => {
	it('folds invisible characters, confusables and widths; refuses invisible names and stacked marks', async () => {
		const a = await create({ title: 'Names', questionIds: [q.id], attempts: 1 });
		expect((await submit(a.code, { name: 'Alice', answers: right })).status).toBe(201);
		for (const name of ['Al\u200Bice', '\u0410lice', 'ＡＬＩＣＥ', 'alice\u00AD', '\u202EAlice']) {
			const r = await submit(a.code, { name, answers: right });
			expect(r.status, JSON.stringify(name)).toBe(409);
			expect(r.json.error).toMatch(/has used all 1 attempt/);
		}
		for (const name of ['\u200B\u200B', '\u3164', '\uFE0F']) {
			const r = await submitRaw(a.code, { name, answers: {} });
			expect(r.status, JSON.stringify(name)).toBe(400);
			expect(r.json.error).toMatch(
				/^name: must (not be empty|contain at least one letter or digit)$/
			);
		}
		const zalgo = await submitRaw(a.code, { name: 'a' + '\u0301'.repeat(990), answers: {} });
		expect(zalgo.status).toBe(400);
		expect(zalgo.json.error).toBe('name: must not stack more than 3 accent marks on one letter');
		// A name is stored without its invisible characters.
		const zw = await submit(a.code, { name: 'Bo\u200Bb', answers: right });
		expect(zw.json.name).toBe('Bob');
	});
});

describe('10.7: teacher-written text follows the same rules', () => {
	const own = (over: Record<string, unknown>) => ({
		title: 'Text',
		questions: [
			{
				type: 'single',
				prompt: 'Pick one',
				options: [
					{ text: 'Yes', correct: true },
					{ text: 'No', correct: false }
				],
				...over
			}
		]
	});
	it.each([
		{
			body: { title: 'Quiz\u0007', questionIds: [q.id] },
			error: /^title: must not contain control characters/
		},
		{
			body: { title: 'Two\nlines', questionIds: [q.id] },
			error: /^title: must not contain control characters or line breaks/
		},
		{
			body: { title: '\u200B\u2060', questionIds: [q.id] },
			error: /^title: must contain something visible/
		},
		{
			body: { title: 'abc\u202Edef', questionIds: [q.id] },
			error: /^title: has a right-to-left or left-to-right override/
		},
		{
			body: own({ prompt: 'Bad\u001b[31m' }),
			error: /^questions\[0\]\.prompt: must not contain control characters \(only line breaks\)/
		}
	])('refuses $error', async ({ body, error }) => {
		const r = await postJson('/api/assignments', body);
		expect(r.status).toBe(400);
		expect(r.json.error).toMatch(error);
	});
	it('takes a prompt with line breaks and a balanced isolate', async () => {
		const r = await postJson(
			'/api/assignments',
			own({ prompt: 'Line one\nLine two \u2067عربي\u2069' })
		);
		expect(r.status, r.text).toBe(201);
	});
});

describe('10.8: fill-the-gap answers keep their meaning', () => {
	const cloze = (answers: string[]) => ({
		title: 'Cloze',
		attempts: 10,
		questions: [{ type: 'cloze', text: 'The answer is ___ here', answers }]
	});
	it('-5 is not 5, C++ is not C; case, spaces and a final full stop are ignored', async () => {
		const a = await create(cloze(['-5', 'C++']));
		const mark = async (text: string) =>
			(await submit(a.code, { name: `N${Math.random()}`, answers: { 'own-1': { text } } })).json
				.score;
		expect(await mark('5')).toBe(0);
		expect(await mark('C')).toBe(0);
		expect(await mark('')).toBe(0);
		expect(await mark(' c++. ')).toBe(1);
		expect(await mark('-5')).toBe(1);
	});
	it('refuses an empty or punctuation-only accepted answer when the question is created', async () => {
		for (const answers of [['...'], ['?!'], [' ']]) {
			const r = await postJson('/api/assignments', cloze(answers));
			expect(r.status, JSON.stringify(answers)).toBe(400);
			expect(r.json.error).toMatch(
				/^questions\[0\]\.answers\[0\]: (answer )?must not (be empty|be only punctuation)/
			);
		}
		expect((await postJson('/api/assignments', cloze(['$']))).status).toBe(201);
	});
});

describe('10.9 and 10.11: logs keep no secret; HSTS behind https', () => {
	const server = ownServer({
		env: { RATE_LIMIT_SCALE: '20', ORIGIN: 'https://classroom.test' }
	});

	it('a 404 or 415 under /teach/<token> and an aborted upload log no token, in one line each', async () => {
		const base = server().baseUrl;
		const a = await create({ title: 'Logs', questionIds: [q.id] }, base);
		const origin = 'https://classroom.test';
		await request(`/teach/${a.teacherToken}/nothing-here`, {}, base);
		await request(
			`/teach/${a.teacherToken}?/close`,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', origin },
				body: '{}'
			},
			base
		);
		// A client that sends half a body, then hangs up.
		const { port } = new URL(base);
		await new Promise<void>((resolve) => {
			const socket = connect(Number(port), '127.0.0.1', () => {
				socket.write(
					`POST /api/assignments/${a.code}/submissions HTTP/1.1\r\nHost: x\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"name":`
				);
				setTimeout(() => {
					socket.destroy();
					resolve();
				}, 300);
			});
		});
		await new Promise((r) => setTimeout(r, 300));
		const log = server().log();
		expect(log).not.toContain(a.teacherToken);
		expect(log).toContain('/teach/[token]');
		expect(log.split('\n').filter((l) => /^\s+at /.test(l))).toEqual([]);
	});

	it('sends Strict-Transport-Security when ORIGIN is https, and not over plain http', async () => {
		const r = await request('/', {}, server().baseUrl);
		expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
		expect((await request('/')).headers.get('strict-transport-security')).toBeNull();
	});
});

describe('10.10: strict input', () => {
	const raw = (body: BodyInit, type: string) =>
		request('/api/assignments', { method: 'POST', headers: { 'content-type': type }, body });
	it('bytes that are not UTF-8 → 400; another charset or json-seq → 415; an impossible date → 400', async () => {
		const bad = new Uint8Array([
			...new TextEncoder().encode('{"title":"'),
			0xff,
			0xfe,
			...new TextEncoder().encode('"}')
		]);
		const r1 = await raw(bad, 'application/json');
		expect(r1.status).toBe(400);
		expect(r1.json.error).toMatch(/^body: not valid UTF-8/);
		const r2 = await raw('{"title":"x"}', 'application/json; charset=iso-8859-1');
		expect(r2.status).toBe(415);
		expect(r2.json.error).toMatch(/charset "iso-8859-1"/);
		const r3 = await raw('{"title":"x"}', 'application/json-seq');
		expect(r3.status).toBe(415);
		const r4 = await postJson('/api/assignments', {
			title: 'x',
			questionIds: [q.id],
			dueAt: '2027-02-30T10:00:00Z'
		});
		expect(r4.status).toBe(400);
		expect(r4.json.error).toBe('dueAt: is not a real date (check the day of the month)');
	});
});

describe('retired ids (issue 11.3) in a create request', () => {
	it('a retired commitment id chooses the questions of its successor', async () => {
		const r = await postJson('/api/assignments', {
			title: 'Old link',
			commitments: ['safeguard-collective-security-interests']
		});
		expect(r.status, r.text).toBe(201);
		const expected = bankQuestions().filter((x) =>
			x.commitments.includes('allocate-adequate-resources')
		);
		const v = await view((r.json as { code: string }).code, 'Ann');
		expect(v.json.questions).toHaveLength(expected.length);
	});
});
