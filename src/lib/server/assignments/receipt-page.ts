import { error, type RequestEvent } from '@sveltejs/kit';
import { studentAnswers } from '$lib/assignment/answers';
import { grade } from '$lib/quiz/grade';
import { db, type AssignmentRecord, type StoredSubmission } from '../db';
import { studentAssignment } from '../http';
import { answerNames } from './downloads';
import { poolOf } from './results';
import { AssignmentError, receiptFor } from './service';

/** What a receipt id looks like (`newReceipt`: 16 random bytes, base64url): anything else is no receipt. */
const receiptShape = /^[A-Za-z0-9_-]{16,64}$/;

const noReceipt =
	'There is no submission with this receipt link. Check that the link was copied whole.';

/**
 * The assignment and the submission a receipt link names, or a 404 page that says which was not
 * found. The receipt is a secret of 128 bits: whoever holds the link may see that submission.
 */
export async function receiptOf(
	event: RequestEvent
): Promise<{ a: AssignmentRecord; s: StoredSubmission }> {
	let a: AssignmentRecord;
	try {
		a = await studentAssignment(event.params.code ?? '', event);
	} catch (e) {
		if (e instanceof AssignmentError && e.status === 404)
			error(404, 'No assignment has this code. Check the link with your teacher.');
		if (e instanceof AssignmentError) error(e.status, e.message);
		throw e;
	}
	const receipt = event.params.receipt ?? '';
	const s = receiptShape.test(receipt) ? await db().submissionByReceipt(a.id, receipt) : undefined;
	if (!s) error(404, noReceipt);
	return { a, s };
}

/** One question of a revealed receipt: the student's answer and the right one, as words. */
export interface MarkedAnswer {
	number: number;
	text: string;
	answer: string[];
	score: number;
	right: string[];
	feedback: string[];
	quote: string;
}

/**
 * A receipt as its own page shows it: the score always; each question marked only when the
 * assignment's reveal setting allows it now (`receiptFor` decides: immediately, after the due
 * date, never). No question or option id is sent: only words.
 */
export async function receiptPage(a: AssignmentRecord, s: StoredSubmission, now = new Date()) {
	const r = await receiptFor(a, s, now, { brief: true });
	const pool = poolOf(a);
	const marked: MarkedAnswer[] | null = r.results
		? studentAnswers(pool, s, answerNames).map((x, i) => {
				const q = pool.find((p) => p.id === x.id)!;
				const response = s.answers[x.id].response;
				return {
					number: i + 1,
					text: x.text,
					answer: x.answer,
					score: x.score,
					right: x.right,
					feedback: response ? grade(q, response).feedback : ['Not answered.'],
					quote: q.quote
				};
			})
		: null;
	return {
		title: a.title,
		name: r.name,
		attempt: r.attempt,
		attempts: r.attempts,
		submittedAt: r.submittedAt,
		score: r.score,
		maxScore: r.maxScore,
		percent: r.percent,
		reveal: r.reveal,
		revealAt: r.revealAt,
		marked
	};
}
