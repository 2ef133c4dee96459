import { fail, redirect } from '@sveltejs/kit';
import { codeProblem, normaliseCode } from '$lib/assignment/code';
import { checkName } from '$lib/assignment/name';
import { AssignmentError } from '$lib/server/assignments/service';
import { StoreUnavailable } from '$lib/server/db/errors';
import { studentAssignment } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const prerender = false;

/** What the form sends back when it refuses: the field to fix, the message, and what was typed. */
export interface JoinRefusal {
	field: 'code' | 'name' | null;
	message: string;
	code: string;
	name: string;
}

export const actions: Actions = {
	/**
	 * Checks the code and the name the way the API does, then goes to the assignment. With
	 * JavaScript the page keeps the name on the device first (use:enhance); without it, the
	 * assignment page says that answering needs JavaScript.
	 */
	default: async (event) => {
		const form = await event.request.formData();
		const typed = {
			code: String(form.get('code') ?? '').slice(0, 40),
			name: String(form.get('name') ?? '').slice(0, 400)
		};
		const refuse = (status: number, field: JoinRefusal['field'], message: string) =>
			fail(status, { ...typed, field, message } satisfies JoinRefusal);
		const problem = codeProblem(typed.code);
		if (problem) return refuse(400, 'code', problem);
		const name = checkName(typed.name);
		if (!name.ok) return refuse(400, 'name', name.error);
		const code = normaliseCode(typed.code) ?? '';
		try {
			await studentAssignment(code, event);
		} catch (e) {
			if (e instanceof StoreUnavailable) return refuse(e.status, null, e.message);
			if (!(e instanceof AssignmentError)) throw e;
			if (e.status === 404)
				return refuse(
					404,
					'code',
					`Code: no assignment has the code ${code}. Check it with your teacher.`
				);
			return refuse(e.status, null, `${e.message}.`);
		}
		redirect(303, `/a/${code}`);
	}
};

/** A link from the teacher's screen may carry the code: `/join?code=ACE347`. */
export const load: PageServerLoad = ({ url }) => ({
	code: (url.searchParams.get('code') ?? '').slice(0, 40)
});
