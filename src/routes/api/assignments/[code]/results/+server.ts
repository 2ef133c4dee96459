import { json } from '@sveltejs/kit';
import { pageSize, resultsOf, versionOf } from '$lib/server/assignments/results';
import { AssignmentError } from '$lib/server/assignments/service';
import { db } from '$lib/server/db';
import { api, bearer, teacherAssignment, teacherCode } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

const whole = (raw: string | null, name: string, max: number, fallback: number) => {
	if (raw === null) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0 || n > max)
		throw new AssignmentError(400, `${name}: must be a whole number from 0 to ${max}`);
	return n;
};

/**
 * The submissions (a page at a time: `?offset=&limit=`, at most 200), the item analysis and the
 * mastery map. `?since=<version>` (the `version` of an earlier answer) answers just
 * `{ unchanged: true, version }` when nothing has changed: the dashboard polls with it.
 * `Authorization: Bearer <teacherToken>`.
 */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const token = bearer(event.request);
		const a = await teacherAssignment(event, token, teacherCode(event.params.code));
		const params = event.url.searchParams;
		const since = params.get('since');
		const headers = { 'cache-control': 'no-store' };
		if (since !== null) {
			const version = versionOf(a, await db().summary(a.id));
			if (since === version) return json({ unchanged: true, version }, { headers });
		}
		const offset = whole(params.get('offset'), 'offset', 1_000_000, 0);
		const limit = whole(params.get('limit'), 'limit', 200, pageSize);
		return json(await resultsOf(a, { offset, limit }), { headers });
	});
