import type { StudentView, SubmissionReceipt, Status } from '$lib/assignment/types';
import type { Question } from '$lib/content';
import { course } from '$lib/content/course.server';
import { grade, type Graded } from '$lib/quiz/grade';
import { toPublic } from '$lib/quiz/public';
import { parseResponse } from '$lib/quiz/responses';
import { seededShuffle } from '$lib/quiz/shuffle';
import { db, type AssignmentRecord, type StoredSubmission } from '../db';
import type { StoredAnswer } from '../results/types';
import { hashToken, newJoinCode, newReceipt, newToken, sameHash, tokenPattern } from '../security';
import { toQuestion } from './own-questions';
import { createSchema, parseWith, submissionSchema, type CreateInput } from './schema';

/** A refusal the API and the pages turn into a status and a message that names the field. */
export class AssignmentError extends Error {
	constructor(
		readonly status: 400 | 401 | 404 | 409 | 410 | 413 | 429,
		message: string
	) {
		super(message);
	}
}

const bankById = new Map(course.questions.map((q) => [q.id, q]));

/** Folds a display name for counting attempts: "Zoë " and "zoë" are the same student. */
export function nameKey(name: string): string {
	return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Which bank questions a create request names: by id, by lesson, by commitment or principle. */
function resolvePool(input: CreateInput): Question[] {
	const picked = new Set<string>();
	for (const id of input.questionIds) {
		if (!bankById.has(id))
			throw new AssignmentError(400, `questionIds: "${id}" is not a question in the bank`);
		picked.add(id);
	}
	for (const slug of input.lessons) {
		if (!course.lessons.some((l) => l.slug === slug))
			throw new AssignmentError(400, `lessons: "${slug}" is not a lesson`);
		for (const q of course.questions) if (q.lesson === slug) picked.add(q.id);
	}
	const principles = new Set(course.commitments.flatMap((c) => c.principles));
	for (const id of input.commitments) {
		const isCommitment = course.commitments.some((c) => c.id === id);
		if (!isCommitment && !principles.has(id))
			throw new AssignmentError(400, `commitments: "${id}" is not a commitment or principle`);
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
export function createAssignment(body: unknown, now = new Date()): Created {
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
			reveal: input.reveal
		},
		ownQuestions: own,
		dueAt,
		createdAt: now.toISOString()
	};
	for (let i = 0; i < 20; i++) {
		const code = newJoinCode();
		const id = db().createAssignment({ ...record, code });
		if (id !== null) return { code, token, assignment: { ...record, id, code, closedAt: null } };
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
export function statusOf(a: AssignmentRecord, now = new Date()): Status {
	if (a.closedAt) return 'closed';
	if (a.dueAt && Date.parse(a.dueAt) <= now.getTime()) return 'past-due';
	return 'open';
}

/** A code as stored, or a 404 that says only that there is no such assignment. */
export function assignmentForStudent(code: string): AssignmentRecord {
	const a = db().assignmentByCode(code);
	if (!a) throw new AssignmentError(404, 'code: there is no assignment with this code');
	return a;
}

/**
 * The assignment for a teacher token, or one 404 for every way it can fail, so that nobody
 * without the token learns whether the code exists. With a code, the hashes are compared in
 * constant time.
 */
export function assignmentForTeacher(token: string, code?: string): AssignmentRecord {
	const notFound = new AssignmentError(404, 'No assignment for this code and token');
	if (!tokenPattern.test(token)) throw notFound;
	const hash = hashToken(token);
	const a = code !== undefined ? db().assignmentByCode(code) : db().assignmentByTokenHash(hash);
	if (!a || !sameHash(a.tokenHash, hash)) throw notFound;
	return a;
}

export function studentView(
	a: AssignmentRecord,
	name: string | null,
	now = new Date()
): StudentView {
	const key = name === null ? null : nameKey(name);
	const questions = questionsFor(a, key);
	const seed = `${a.code}:${key ?? ''}`;
	const shown = questions.map((q) => toPublic(q, seed, a.settings.shuffle));
	const eventIds = new Set(questions.flatMap((q) => (q.type === 'ordering' ? q.events : [])));
	const placeIds = new Set(
		questions.flatMap((q) => (q.type === 'locate' ? q.options.map((o) => o.place) : []))
	);
	const regionIds = new Set(questions.flatMap((q) => (q.type === 'locate' ? [q.region] : [])));
	return {
		code: a.code,
		title: a.title,
		dueAt: a.dueAt,
		status: statusOf(a, now),
		attempts: a.settings.attempts,
		attemptsUsed: key === null ? null : db().attemptsUsed(a.id, key),
		reveal: a.settings.reveal,
		questions: shown,
		events: course.events.filter((e) => eventIds.has(e.id)).map(({ id, title }) => ({ id, title })),
		places: course.places.filter((p) => placeIds.has(p.id)).map((p) => ({ ...p, note: '' })),
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
export function receiptFor(
	a: AssignmentRecord,
	s: StoredSubmission,
	now = new Date(),
	{ brief = false, graded }: { brief?: boolean; graded?: Map<string, Graded> } = {}
): SubmissionReceipt {
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
	if (show)
		receipt.results = Object.entries(s.answers).flatMap(([id, answer]) => {
			const question = questionById(a, id);
			if (!question) return [];
			const result =
				graded?.get(id) ??
				(answer.response ? grade(question, answer.response) : unanswered(question, answer.score));
			return [
				brief ? { id, score: result.score, correct: result.correct } : { id, question, ...result }
			];
		});
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
 * Grades and stores one submission. Everything is checked before anything is written; the
 * attempt count and the insert happen in one transaction. A retry with the same idempotency
 * key returns the first result and stores nothing new.
 */
export function submit(
	code: string,
	body: unknown,
	idempotencyKey: string | null,
	now = new Date()
): { receipt: SubmissionReceipt; replayed: boolean } {
	if (idempotencyKey !== null && !idempotencyPattern.test(idempotencyKey))
		throw new AssignmentError(400, 'Idempotency-Key: must be 8 to 100 letters, digits, "-" or "_"');
	const a = assignmentForStudent(code);
	const parsed = parseWith(submissionSchema, body);
	if (!parsed.ok) throw new AssignmentError(400, parsed.error);
	const { name, answers } = parsed.value;

	if (idempotencyKey) {
		// A retry after a lost response: answer it as before, even if the assignment closed since.
		const before = db().submissionByIdempotencyKey(a.id, idempotencyKey);
		if (before) return { receipt: receiptFor(a, before, now, { brief: true }), replayed: true };
	}
	const status = statusOf(a, now);
	if (status === 'closed') throw new AssignmentError(410, 'This assignment is closed');
	if (status === 'past-due') throw new AssignmentError(410, 'This assignment is past its due date');

	const key = nameKey(name);
	const questions = questionsFor(a, key);
	const given = new Set(questions.map((q) => q.id));
	const stray = Object.keys(answers).find((id) => !given.has(id));
	if (stray !== undefined)
		throw new AssignmentError(400, `answers: "${stray}" is not one of your questions`);

	const stored: Record<string, StoredAnswer> = {};
	const results = new Map<string, Graded>();
	let score = 0;
	for (const q of questions) {
		const raw = answers[q.id];
		if (raw === undefined || raw === null) {
			stored[q.id] = { score: 0, response: null };
			continue;
		}
		const response = parseResponse(q, raw);
		if (!response.ok) throw new AssignmentError(400, `answers.${response.error}`);
		const graded = grade(q, response.response);
		stored[q.id] = { score: graded.score, response: response.response };
		results.set(q.id, graded);
		score += graded.score;
	}

	const outcome = db().submit({
		assignmentId: a.id,
		receipt: newReceipt(),
		idempotencyKey,
		name,
		nameKey: key,
		score: Math.round(score * 1000) / 1000,
		maxScore: questions.length,
		answers: stored,
		submittedAt: now.toISOString(),
		maxAttempts: a.settings.attempts
	});
	if (outcome.kind === 'no-attempts')
		throw new AssignmentError(
			409,
			`name: "${name}" has used all ${a.settings.attempts} attempt${a.settings.attempts > 1 ? 's' : ''}`
		);
	return {
		receipt: receiptFor(a, outcome.submission, now, {
			brief: true,
			graded: outcome.kind === 'stored' ? results : undefined
		}),
		replayed: outcome.kind === 'replayed'
	};
}
