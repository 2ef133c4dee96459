import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { AssignmentError, receiptFor } from '$lib/server/assignments/service';
import { api, studentAssignment } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/** A student's own submission, by the receipt it returned: the score, and results once revealed. */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const a = await studentAssignment(event.params.code, event);
		const s = await db().submissionByReceipt(a.id, event.params.receipt);
		if (!s) throw new AssignmentError(404, 'receipt: there is no submission with this receipt');
		return json(await receiptFor(a, s), { headers: { 'cache-control': 'no-store' } });
	});
