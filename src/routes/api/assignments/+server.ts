import { json } from '@sveltejs/kit';
import { createAssignment } from '$lib/server/assignments/service';
import { api, limit, readJson } from '$lib/server/http';
import { limits } from '$lib/server/security';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Creates an assignment: 201 with the join code and the teacher's private token and links. */
export const POST: RequestHandler = (event) =>
	api(async () => {
		await limit(limits.create, event);
		const { code, token } = await createAssignment(await readJson(event.request));
		const origin = event.url.origin;
		return json(
			{
				code,
				teacherToken: token,
				studentUrl: `${origin}/a/${code}`,
				teacherUrl: `${origin}/teach/${token}`
			},
			{
				status: 201,
				headers: { location: `/api/assignments/${code}`, 'cache-control': 'no-store' }
			}
		);
	});
