import { submit } from '$lib/server/assignments/service';
import { api, jsonResponse, limit, readJson, studentAssignment } from '$lib/server/http';
import { limits } from '$lib/server/security';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * Grades and stores a student's answers: 201 with the score and, as the assignment's reveal
 * setting allows, each question's result. A retry with the same `Idempotency-Key` header gets
 * the first answer again and stores nothing.
 */
export const POST: RequestHandler = (event) =>
	api(async () => {
		await limit(limits.submit, event);
		const a = await studentAssignment(event.params.code, event);
		const body = await readJson(event.request);
		const { receipt, replayed } = await submit(
			a,
			body,
			event.request.headers.get('idempotency-key')
		);
		return jsonResponse(receipt, {
			status: 201,
			headers: {
				'cache-control': 'no-store',
				...(replayed ? { 'idempotent-replayed': 'true' } : {})
			}
		});
	});
