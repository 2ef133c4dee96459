import { longCsvDownload } from '$lib/server/assignments/downloads';
import { api, bearer, teacherAssignment, teacherCode } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Every answer as CSV, one row per student × question (long form). Bearer token. */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const token = bearer(event.request);
		return longCsvDownload(await teacherAssignment(event, token, teacherCode(event.params.code)));
	});
