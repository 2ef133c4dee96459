import { json } from '@sveltejs/kit';
import { nameSchema, parseWith } from '$lib/assignment/schema';
import { AssignmentError, studentView } from '$lib/server/assignments/service';
import { api, studentAssignment } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * The assignment as a student sees it: title, due date and questions without answers.
 * `?name=` gives that student's questions (when each gets a random subset) and attempts used.
 */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const a = await studentAssignment(event.params.code, event);
		const raw = event.url.searchParams.get('name');
		let name: string | null = null;
		if (raw !== null) {
			const parsed = parseWith(nameSchema, raw);
			if (!parsed.ok) throw new AssignmentError(400, `name: ${parsed.error.replace(/^name /, '')}`);
			name = parsed.value;
		}
		return json(await studentView(a, name), { headers: { 'cache-control': 'no-store' } });
	});
