import { fail, redirect } from '@sveltejs/kit';
import { exportGaps } from '$lib/server/assignments/downloads';
import { resultsOf } from '$lib/server/assignments/results';
import { db } from '$lib/server/db';
import { teacherPageAssignment as assignmentFor } from '$lib/server/http';
import { qrPath } from '$lib/server/qr';
import type { Actions, PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = (event) => {
	const a = assignmentFor(event);
	const studentUrl = `${event.url.origin}/a/${a.code}`;
	return {
		results: resultsOf(a),
		studentUrl,
		joinUrl: `${event.url.origin}/join`,
		qr: qrPath(studentUrl),
		gaps: exportGaps(a),
		checkedAt: new Date().toISOString()
	};
};

export const actions: Actions = {
	close: (event) => {
		const a = assignmentFor(event);
		db().setClosed(a.id, new Date().toISOString());
		return { done: 'closed' };
	},
	reopen: (event) => {
		const a = assignmentFor(event);
		if (a.dueAt && Date.parse(a.dueAt) <= Date.now())
			return fail(400, {
				error: 'The due date has passed: reopening would not let students answer.'
			});
		db().setClosed(a.id, null);
		return { done: 'reopened' };
	},
	delete: async (event) => {
		const a = assignmentFor(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== a.code)
			return fail(400, {
				error: `To delete, type the code ${a.code} in the box: this cannot be undone.`
			});
		db().deleteAssignment(a.id);
		redirect(303, `/teach?deleted=${a.code}`);
	}
};
