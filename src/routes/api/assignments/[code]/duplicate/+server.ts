import { json } from '@sveltejs/kit';
import { AssignmentError, duplicateAssignment } from '$lib/server/assignments/service';
import { api, bearer, limit, readJson, teacherAssignment, teacherCode } from '$lib/server/http';
import { limits } from '$lib/server/security';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * A copy for another class (`Authorization: Bearer <teacherToken>`): the same questions and
 * settings under a new code and token; the body may give a new `title` and `dueAt`. 201 with
 * the new code and links, as `POST /api/assignments` answers.
 */
export const POST: RequestHandler = (event) =>
	api(async () => {
		const token = bearer(event.request);
		const a = await teacherAssignment(event, token, teacherCode(event.params.code));
		await limit(limits.create, event);
		const body = event.request.headers.get('content-type')
			? ((await readJson(event.request)) as Record<string, unknown>)
			: {};
		const unknown = Object.keys(body).find((k) => k !== 'title' && k !== 'dueAt');
		if (unknown !== undefined)
			throw new AssignmentError(400, `${unknown}: is not a field this request takes`);
		const copy = await duplicateAssignment(a, {
			title: body.title as string | undefined,
			dueAt: body.dueAt as string | null | undefined
		});
		const origin = event.url.origin;
		return json(
			{
				code: copy.code,
				teacherToken: copy.token,
				studentUrl: `${origin}/a/${copy.code}`,
				teacherUrl: `${origin}/teach/${copy.token}`
			},
			{
				status: 201,
				headers: { location: `/api/assignments/${copy.code}`, 'cache-control': 'no-store' }
			}
		);
	});
