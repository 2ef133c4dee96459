import { json } from '@sveltejs/kit';
import { resultsOf } from '$lib/server/assignments/results';
import { api, bearer, teacherAssignment, teacherCode } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Every submission, the item analysis and the mastery map. `Authorization: Bearer <teacherToken>`. */
export const GET: RequestHandler = (event) =>
	api(() => {
		const token = bearer(event.request);
		const a = teacherAssignment(event, token, teacherCode(event.params.code));
		return json(resultsOf(a), { headers: { 'cache-control': 'no-store' } });
	});
