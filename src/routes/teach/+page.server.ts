import { bankChoices } from './bank.server';
import { fail, redirect } from '@sveltejs/kit';
import { AssignmentError, createAssignment } from '$lib/server/assignments/service';
import { StoreUnavailable } from '$lib/server/db/errors';
import { limit } from '$lib/server/http';
import { limits } from '$lib/server/security';
import { createBody, fieldFor, friendlyError } from './create-form';
import type { Actions, PageServerLoad } from './$types';

/** Not prerendered: the create form posts to this page's action (it works without JavaScript). */
export const prerender = false;

export const load: PageServerLoad = () => bankChoices();

/** What the form sends back when it refuses: the message, the field to focus, and the title typed. */
export interface CreateRefusal {
	message: string;
	field: string;
	title: string;
	/** The bank questions that were ticked (only read without JavaScript, to tick them again). */
	questionIds: string[];
}

export const actions: Actions = {
	/**
	 * Creates the assignment from the form. With JavaScript the page sends its draft as `body` and
	 * gets the code and link back (it remembers them on the device, then opens the dashboard);
	 * without it, the form's own fields arrive and the answer is the dashboard itself.
	 */
	create: async (event) => {
		const form = await event.request.formData();
		const title = String(form.get('title') ?? '').slice(0, 200);
		const questionIds = form
			.getAll('questionIds')
			.filter((id) => typeof id === 'string')
			.slice(0, 200);
		try {
			await limit(limits.create, event);
			const { code, token } = await createAssignment(createBody(form));
			if (form.has('body')) return { code, token };
			redirect(303, `/teach/${token}`);
		} catch (e) {
			if (e instanceof StoreUnavailable)
				return fail(e.status, { message: e.message, field: 'form-error', title, questionIds });
			if (!(e instanceof AssignmentError)) throw e;
			const message = friendlyError(e.message);
			return fail(e.status, {
				message,
				field: fieldFor(message),
				title,
				questionIds
			} satisfies CreateRefusal);
		}
	}
};
