import { csvDownload } from '$lib/server/assignments/downloads';
import { api, bearer, teacherAssignment, teacherCode } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The results as CSV: one row per submission, one column per question. Bearer token. */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const token = bearer(event.request);
		return csvDownload(await teacherAssignment(event, token, teacherCode(event.params.code)));
	});
