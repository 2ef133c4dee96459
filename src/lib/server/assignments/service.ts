import type { StudentView, SubmissionReceipt, Status } from '$lib/assignment/types';
import type { Question } from '$lib/content';
import { course } from '$lib/content/course.server';
import { grade, type Graded } from '$lib/quiz/grade';
import { parseResponse } from '$lib/quiz/responses';
import { seededShuffle } from '$lib/quiz/shuffle';
import {
	answerOrderSecret,
	db,
	type AssignmentRecord,
	type NewAssignment,
	type StoredSubmission,
	type WrongPart
} from '../db';
import { wrongParts } from '../item-analysis';
import type { StoredAnswer } from '$lib/assignment/results';
import { hashToken, newJoinCode, newReceipt, newToken, sameHash, tokenPattern } from '../security';
import { Disguise } from './disguise';
import { labels } from './labels';
import { nameKey } from './names';
import { toQuestion } from './own-questions';
import {
	createSchema,
	defaultMaxStudents,
	editSchema,
	parseWith,
	submissionSchema,
	type CreateInput
} from '$lib/assignment/schema';

export { nameKey };

/** A refusal the API and the pages turn into a status and a message that names the field. */
export class AssignmentError extends Error {
	constructor(
		readonly status: 400 | 401 | 404 | 409 | 410 | 413 | 415 | 429,
		message: string
	) {
		super(message);
	}
}

const bankById = new Map(course.questions.map((q) => [q.id, q]));

/** Which bank questions a create request names: by id, by lesson, by commitment or principle. */
function resolvePool(input: CreateInput): Question[] {
	const picked = new Set<string>();
	const retiredQuestion = new Map(course.retired.questions.map((r) => [r.id, r.successor]));
	for (const named of input.questionIds) {
		const id = retiredQuestion.get(named) ?? named;
		if (!bankById.has(id))
			throw new AssignmentError(400, `questionIds: "${named}" is not a question in the bank`);
		picked.add(id);
	}
	for (const slug of input.lessons) {
		if (!course.lessons.some((l) => l.slug === slug))
			throw new AssignmentError(400, `lessons: "${slug}" is not a lesson`);
		for (const q of course.questions) if (q.lesson === slug) picked.add(q.id);
	}
	const principles = new Set(course.commitments.flatMap((c) => c.principles));
	// A retired id (a saved teacher link, an old script) means its successor, when it has one.
	const successor = new Map(course.retired.commitments.map((r) => [r.id, r.successor]));
	for (const named of input.commitments) {
		const id = successor.get(named) ?? named;
		const isCommitment = course.commitments.some((c) => c.id === id);
		if (!isCommitment && !principles.has(id))
			throw new AssignmentError(400, `commitments: "${named}" is not a commitment or principle`);
		const items = isCommitment
			? [id]
			: course.commitments.filter((c) => c.principles.includes(id)).map((c) => c.id);
		for (const q of course.questions)
			if (q.commitments.some((c) => items.includes(c))) picked.add(q.id);
	}
	// Bank order (lesson by lesson), whatever order the request named them in.
	return course.questions.filter((q) => picked.has(q.id));
}

export interface Created {
	code: string;
	token: string;
	assignment: AssignmentRecord;
}

/** Checks a create request and stores the assignment under a new code and token. */
export async function createAssignment(body: unknown, now = new Date()): Promise<Created> {
	const parsed = parseWith(createSchema, body);
	if (!parsed.ok) throw new AssignmentError(400, parsed.error);
	const input = parsed.value;
	const own = input.questions.map(toQuestion);
	const pool = [...resolvePool(input), ...own];
	if (pool.length === 0)
		throw new AssignmentError(
			400,
			'questionIds: choose at least one question (by id, lesson or commitment) or write your own in questions'
		);
	if (pool.length > 100)
		throw new AssignmentError(
			400,
			`questionIds: ${pool.length} questions chosen; an assignment holds at most 100`
		);
	if (input.count !== null && input.count > pool.length)
		throw new AssignmentError(
			400,
			`count: ${input.count} is more than the ${pool.length} questions chosen`
		);
	const dueAt = input.dueAt ? new Date(input.dueAt).toISOString() : null;
	if (dueAt && Date.parse(dueAt) <= now.getTime())
		throw new AssignmentError(400, 'dueAt: must be in the future');
	if (input.reveal === 'after-due' && !dueAt)
		throw new AssignmentError(400, 'reveal: "after-due" needs a due date (dueAt)');

	const token = newToken();
	const record = {
		tokenHash: hashToken(token),
		title: input.title,
		settings: {
			questionIds: pool.map((q) => q.id),
			count: input.count,
			shuffle: input.shuffle,
			attempts: input.attempts,
			reveal: input.reveal,
			maxStudents: input.maxStudents
		},
		ownQuestions: own,
		dueAt,
		createdAt: now.toISOString()
	};
	return store(record, token);
}

/**
 * Applies a teacher's edit (`editSchema`: only the fields sent change). A new due date must be
 * in the future (moving it reopens a past-due assignment); the question pool may change only
 * while nobody has submitted, checked in the same transaction as the write.
 */
export async function updateAssignment(
	a: AssignmentRecord,
	body: unknown,
	now = new Date()
): Promise<AssignmentRecord> {
	const parsed = parseWith(editSchema, body);
	if (!parsed.ok) throw new AssignmentError(400, parsed.error);
	const input = parsed.value;
	const settings = { ...a.settings };
	let dueAt = a.dueAt;
	if (input.dueAt !== undefined) {
		dueAt = input.dueAt === null ? null : new Date(input.dueAt).toISOString();
		// A form shows the date to the minute: the same minute sent back is the date unchanged.
		const minute = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 60_000) : null);
		if (minute(dueAt) === minute(a.dueAt)) dueAt = a.dueAt;
		if (dueAt && dueAt !== a.dueAt && Date.parse(dueAt) <= now.getTime())
			throw new AssignmentError(
				400,
				'dueAt: must be in the future (to stop submissions now, close the assignment)'
			);
	}
	if (input.acceptLate !== undefined) settings.acceptLate = input.acceptLate;
	if (input.attempts !== undefined) settings.attempts = input.attempts;
	if (input.reveal !== undefined) settings.reveal = input.reveal;
	if (input.classList !== undefined) settings.classList = input.classList;
	if (settings.reveal === 'after-due' && !dueAt)
		throw new AssignmentError(400, 'reveal: "after-due" needs a due date (dueAt)');
	if (input.maxStudents !== undefined) {
		const { students } = await db().summary(a.id);
		if (input.maxStudents < students)
			throw new AssignmentError(
				400,
				`maxStudents: ${students} students have submitted already; the cap cannot be lower`
			);
		settings.maxStudents = input.maxStudents;
	}
	let questionsChange = false;
	if (input.questionIds !== undefined) {
		const own = new Set(a.ownQuestions.map((q) => q.id));
		for (const id of input.questionIds)
			if (!bankById.has(id) && !own.has(id))
				throw new AssignmentError(
					400,
					`questionIds: "${id}" is not a question in the bank nor one of this assignment's own`
				);
		const ids = [...new Set(input.questionIds)];
		if (settings.count !== null && settings.count > ids.length)
			throw new AssignmentError(
				400,
				`questionIds: ${ids.length} questions is fewer than the ${settings.count} each student gets`
			);
		questionsChange = ids.join('\n') !== a.settings.questionIds.join('\n');
		settings.questionIds = ids;
	}
	const title = input.title ?? a.title;
	const outcome = await db().updateAssignment(a.id, { title, settings, dueAt }, questionsChange);
	if (outcome.kind === 'gone')
		throw new AssignmentError(404, 'No assignment for this code and token');
	if (outcome.kind === 'has-submissions')
		throw new AssignmentError(
			409,
			`questionIds: the questions cannot change once someone has submitted (${outcome.submissions} submission${outcome.submissions === 1 ? '' : 's'} marked against them); duplicate the assignment to ask other questions`
		);
	return { ...a, title, settings, dueAt, revision: outcome.revision };
}

/** An assignment's editable settings, as `PATCH /api/assignments/<code>` answers them. */
export function editableOf(a: AssignmentRecord, now = new Date()) {
	return {
		code: a.code,
		title: a.title,
		status: statusOf(a, now),
		dueAt: a.dueAt,
		acceptLate: a.settings.acceptLate ?? false,
		attempts: a.settings.attempts,
		reveal: a.settings.reveal,
		maxStudents: a.settings.maxStudents ?? defaultMaxStudents,
		classList: a.settings.classList ?? [],
		questionIds: a.settings.questionIds
	};
}

/**
 * A copy of an assignment for another class: a new code and token, the same questions and
 * settings, no submissions and no class list. A due date already past is dropped (and with it
 * "after the due date" becomes "as soon as they submit"), unless a new one is given.
 */
export async function duplicateAssignment(
	a: AssignmentRecord,
	{ title = a.title, dueAt }: { title?: string; dueAt?: string | null } = {},
	now = new Date()
): Promise<Created> {
	const parsed = parseWith(editSchema, { title, ...(dueAt === undefined ? {} : { dueAt }) });
	if (!parsed.ok) throw new AssignmentError(400, parsed.error);
	let due =
		dueAt === undefined
			? a.dueAt
			: parsed.value.dueAt
				? new Date(parsed.value.dueAt).toISOString()
				: null;
	if (due && Date.parse(due) <= now.getTime()) {
		if (dueAt !== undefined && dueAt !== null)
			throw new AssignmentError(400, 'dueAt: must be in the future');
		due = null;
	}
	// Another class: its own class list, none to begin with.
	const settings = { ...a.settings };
	delete settings.classList;
	if (settings.reveal === 'after-due' && !due) settings.reveal = 'immediately';
	const token = newToken();
	const record = {
		tokenHash: hashToken(token),
		title: parsed.value.title ?? a.title,
		settings,
		ownQuestions: a.ownQuestions,
		dueAt: due,
		createdAt: now.toISOString()
	};
	return store(record, token);
}

async function store(record: Omit<NewAssignment, 'code'>, token: string): Promise<Created> {
	for (let i = 0; i < 20; i++) {
		const code = newJoinCode();
		const id = await db().createAssignment({ ...record, code });
		if (id !== null)
			return { code, token, assignment: { ...record, id, code, closedAt: null, revision: 0 } };
	}
	throw new Error('Could not find a free join code after 20 tries');
}

export function questionById(a: AssignmentRecord, id: string): Question | undefined {
	return a.ownQuestions.find((q) => q.id === id) ?? bankById.get(id);
}

/** The questions one student gets: the whole pool, or `count` of them drawn for this name. */
export function questionsFor(
	a: AssignmentRecord,
	key: string | null,
	wholePool = false
): Question[] {
	const { questionIds, count } = a.settings;
	let ids = questionIds;
	if (count !== null && !wholePool) {
		if (key === null) throw new AssignmentError(400, 'name: needed to choose your questions');
		const drawn = new Set(seededShuffle(questionIds, `${a.code}:${key}`).slice(0, count));
		ids = questionIds.filter((id) => drawn.has(id));
	}
	return ids.map((id) => questionById(a, id)).filter((q): q is Question => !!q);
}

export type { Status };
/** Past the due date, submissions are refused unless the teacher accepts late work. */
export function statusOf(a: AssignmentRecord, now = new Date()): Status {
	if (a.closedAt) return 'closed';
	if (pastDue(a, now) && !a.settings.acceptLate) return 'past-due';
	return 'open';
}

export const pastDue = (a: AssignmentRecord, now = new Date()) =>
	!!a.dueAt && Date.parse(a.dueAt) <= now.getTime();

/** A code as stored, or a 404 that says only that there is no such assignment. */
export async function assignmentForStudent(code: string): Promise<AssignmentRecord> {
	const a = await db().assignmentByCode(code);
	if (!a) throw new AssignmentError(404, 'code: there is no assignment with this code');
	return a;
}

/**
 * The assignment for a teacher token, or one 404 for every way it can fail, so that nobody
 * without the token learns whether the code exists. With a code, the hashes are compared in
 * constant time.
 */
export async function assignmentForTeacher(
	token: string,
	code?: string
): Promise<AssignmentRecord> {
	const notFound = new AssignmentError(404, 'No assignment for this code and token');
	if (!tokenPattern.test(token)) throw notFound;
	const hash = hashToken(token);
	const a = await (code !== undefined
		? db().assignmentByCode(code)
		: db().assignmentByTokenHash(hash));
	if (!a || !sameHash(a.tokenHash, hash)) throw notFound;
	return a;
}

/**
 * Each student's disguise, kept for the students seen last: a student reads the view, then
 * submits, and each id is an HMAC the two requests would otherwise both compute. A disguise is
 * a function of the secret, the assignment and the name alone, so a kept one is never stale.
 */
const disguises = new Map<string, Disguise>();
const keptDisguises = 4096;

/** The ids and orders one student sees (see disguise.ts). */
export async function disguiseFor(a: AssignmentRecord, key: string | null): Promise<Disguise> {
	const secret = await db().secret(answerOrderSecret);
	const scope = `${a.id}:${a.code}:${key ?? ''}`;
	const kept = disguises.get(scope);
	if (kept?.secret === secret) {
		// Most recently used last, so the oldest goes first.
		disguises.delete(scope);
		disguises.set(scope, kept);
		return kept;
	}
	const made = new Disguise(secret, scope);
	disguises.set(scope, made);
	if (disguises.size > keptDisguises) disguises.delete(disguises.keys().next().value!);
	return made;
}

export async function studentView(
	a: AssignmentRecord,
	name: string | null,
	now = new Date()
): Promise<StudentView> {
	const key = name === null ? null : nameKey(name);
	const questions = questionsFor(a, key);
	const [d, attemptsUsed] = await Promise.all([
		disguiseFor(a, key),
		key === null ? null : db().attemptsUsed(a.id, key)
	]);
	const shown = questions.map((q) => d.publicQuestion(q, a.settings.shuffle));
	const events = questions.flatMap((q) =>
		q.type === 'ordering'
			? q.events.map((id) => ({ id: d.id('e', id, q.id), title: labels.eventTitle(id) }))
			: []
	);
	const placeIds = new Set(
		questions.flatMap((q) => (q.type === 'locate' ? q.options.map((o) => o.place) : []))
	);
	const regionIds = new Set(questions.flatMap((q) => (q.type === 'locate' ? [q.region] : [])));
	const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
	return {
		code: a.code,
		title: a.title,
		dueAt: a.dueAt,
		status: statusOf(a, now),
		attempts: a.settings.attempts,
		attemptsUsed,
		reveal: a.settings.reveal,
		questions: shown,
		// In the order of their disguised ids: the bank's order is the order of their dates.
		events: events.sort(byId),
		places: course.places
			.filter((p) => placeIds.has(p.id))
			.map((p) => d.place(p))
			.sort(byId),
		regions: course.regions.filter((r) => regionIds.has(r.id))
	};
}

function revealed(a: AssignmentRecord, now: Date): boolean {
	const { reveal } = a.settings;
	return (
		reveal === 'immediately' ||
		(reveal === 'after-due' && !!a.dueAt && Date.parse(a.dueAt) <= now.getTime())
	);
}

/**
 * A stored submission as its student sees it: the score, and the results if revealed. The
 * answer to a submission keeps each result to its score (`brief`): the feedback, the quotes
 * and the full questions make it ten times larger, and `GET …/submissions/<receipt>` has them,
 * to draw the answers marked.
 */
export async function receiptFor(
	a: AssignmentRecord,
	s: StoredSubmission,
	now = new Date(),
	{
		brief = false,
		graded,
		disguise,
		shown
	}: {
		brief?: boolean;
		graded?: Map<string, Graded>;
		disguise?: Disguise;
		/** Each real question id's disguised question, when the caller built them already. */
		shown?: Map<string, Question>;
	} = {}
): Promise<SubmissionReceipt> {
	const show = revealed(a, now);
	const receipt: SubmissionReceipt = {
		receipt: s.receipt,
		name: s.name,
		attempt: s.attempt,
		attempts: a.settings.attempts,
		submittedAt: s.submittedAt,
		score: s.score,
		maxScore: s.maxScore,
		percent: s.maxScore ? Math.round((s.score / s.maxScore) * 1000) / 10 : 0,
		reveal: a.settings.reveal,
		revealAt: a.settings.reveal === 'after-due' && !show ? a.dueAt : null
	};
	if (show) {
		// In the ids this student saw, so the page can mark the answers it kept.
		const d = disguise ?? (await disguiseFor(a, s.nameKey));
		receipt.results = Object.entries(s.answers).flatMap(([id, answer]) => {
			const real = questionById(a, id);
			if (!real) return [];
			const question = shown?.get(id) ?? d.question(real);
			const result =
				graded?.get(id) ??
				(answer.response
					? grade(question, d.shownResponse(real, answer.response))
					: unanswered(question, answer.score));
			return [
				brief
					? { id: question.id, score: result.score, correct: result.correct }
					: { ...result, id: question.id, question }
			];
		});
	}
	return receipt;
}

function unanswered(q: Question, score: number): Graded {
	return {
		score,
		correct: false,
		parts: [],
		feedback: ['Not answered.'],
		quote: q.quote,
		sentences: q.sentences
	};
}

const idempotencyPattern = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Grades and stores one submission to `a` (as just read by `assignmentForStudent`). Everything
 * is checked before anything is written; that the assignment is still open, the attempt count
 * and the insert happen in one transaction. A retry with the same idempotency
 * key returns the first result and stores nothing new.
 */
export async function submit(
	a: AssignmentRecord,
	body: unknown,
	idempotencyKey: string | null,
	now = new Date()
): Promise<{ receipt: SubmissionReceipt; replayed: boolean }> {
	if (idempotencyKey !== null && !idempotencyPattern.test(idempotencyKey))
		throw new AssignmentError(400, 'Idempotency-Key: must be 8 to 100 letters, digits, "-" or "_"');
	const parsed = parseWith(submissionSchema, body);
	if (!parsed.ok) throw new AssignmentError(400, parsed.error);
	const { name, answers } = parsed.value;

	if (idempotencyKey) {
		// A retry after a lost response: answer it as before, even if the assignment closed since.
		const before = await db().submissionByIdempotencyKey(a.id, idempotencyKey);
		if (before)
			return { receipt: await receiptFor(a, before, now, { brief: true }), replayed: true };
	}
	const status = statusOf(a, now);
	if (status === 'closed') throw new AssignmentError(410, 'This assignment is closed');
	if (status === 'past-due') throw new AssignmentError(410, 'This assignment is past its due date');

	const key = nameKey(name);
	const d = await disguiseFor(a, key);
	// The student answers in the ids they were shown; each maps back to one real question.
	const questions = questionsFor(a, key).map((real) => ({ real, shown: d.question(real) }));
	const given = new Set(questions.map((q) => q.shown.id));
	const stray = Object.keys(answers).find((id) => !given.has(id));
	if (stray !== undefined)
		throw new AssignmentError(400, `answers: "${stray}" is not one of your questions`);

	const stored: Record<string, StoredAnswer> = {};
	const results = new Map<string, Graded>();
	const wrong: WrongPart[] = [];
	let score = 0;
	for (const { real, shown } of questions) {
		const raw = Object.hasOwn(answers, shown.id) ? answers[shown.id] : undefined;
		if (raw === undefined || raw === null) {
			stored[real.id] = { score: 0, response: null };
			continue;
		}
		const response = parseResponse(shown, raw);
		if (!response.ok) throw new AssignmentError(400, `answers.${response.error}`);
		const graded = grade(shown, response.response);
		const realResponse = d.realResponse(real, response.response);
		stored[real.id] = { score: graded.score, response: realResponse };
		results.set(real.id, graded);
		score += graded.score;
		if (graded.score < 1)
			for (const w of wrongParts(real, realResponse, labels))
				wrong.push({ questionId: real.id, ...w });
	}

	const outcome = await db().submit({
		assignmentId: a.id,
		receipt: newReceipt(),
		idempotencyKey,
		name,
		nameKey: key,
		score: Math.round(score * 1000) / 1000,
		maxScore: questions.length,
		answers: stored,
		wrong,
		submittedAt: now.toISOString(),
		late: pastDue(a, now),
		maxAttempts: a.settings.attempts,
		maxStudents: a.settings.maxStudents ?? defaultMaxStudents
	});
	if (outcome.kind === 'no-attempts')
		throw new AssignmentError(
			409,
			`name: "${name}" has used all ${a.settings.attempts} attempt${a.settings.attempts > 1 ? 's' : ''}`
		);
	if (outcome.kind === 'full')
		throw new AssignmentError(
			409,
			`name: this assignment already has answers from ${outcome.students} students, the most your teacher allowed. Check the name you used before, or ask your teacher.`
		);
	// Closed or deleted by another request (in any process) while this one was graded.
	if (outcome.kind === 'closed') throw new AssignmentError(410, 'This assignment is closed');
	if (outcome.kind === 'gone')
		throw new AssignmentError(404, 'code: there is no assignment with this code');
	const same = outcome.submission.nameKey === key;
	return {
		receipt: await receiptFor(a, outcome.submission, now, {
			brief: true,
			graded: outcome.kind === 'stored' ? results : undefined,
			// The same student: its ids and disguised questions are built already.
			disguise: same ? d : undefined,
			shown: same ? new Map(questions.map((q) => [q.real.id, q.shown])) : undefined
		}),
		replayed: outcome.kind === 'replayed'
	};
}

/** Fills what older submissions lack (see `Store.backfill`): run at start. */
export function backfill(): Promise<void> {
	return db().backfill(
		(a, s) =>
			Object.entries(s.answers).flatMap(([id, answer]) => {
				const q = questionById(a, id);
				if (!q || answer.score >= 1) return [];
				return wrongParts(q, answer.response, labels).map((w) => ({ questionId: id, ...w }));
			}),
		nameKey
	);
}
