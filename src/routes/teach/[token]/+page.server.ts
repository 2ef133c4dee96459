import { fail, redirect } from '@sveltejs/kit';
import { exportGaps } from '$lib/server/assignments/downloads';
import { pageSize, resultsOf } from '$lib/server/assignments/results';
import { db } from '$lib/server/db';
import { StoreUnavailable } from '$lib/server/db/errors';
import { teacherPageAssignment as assignmentFor } from '$lib/server/http';
import { qrPath } from '$lib/server/qr';
import { rosterOf } from '$lib/server/assignments/roster';
import {
	AssignmentError,
	duplicateAssignment,
	editableOf,
	pastDue,
	updateAssignment
} from '$lib/server/assignments/service';
import { limit } from '$lib/server/http';
import { limits } from '$lib/server/security';
import { editBody, editRefusal, type EditSection } from './edit-form';
import type { Actions, PageServerLoad } from './$types';

export const prerender = false;

/** `?page=2`: which page of submissions (50 a page), the first when missing or out of range. */
function pageOf(url: URL): number {
	const n = Number(url.searchParams.get('page') ?? 1);
	return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

export const load: PageServerLoad = async (event) => {
	const a = await assignmentFor(event);
	const studentUrl = `${event.url.origin}/a/${a.code}`;
	const [results, submitted] = await Promise.all([
		resultsOf(a, { offset: (pageOf(event.url) - 1) * pageSize }),
		db().submittedNames(a.id)
	]);
	return {
		results,
		settings: editableOf(a),
		roster: rosterOf(a.settings.classList ?? [], submitted),
		/** The pool is fixed once someone has submitted (the page says why). */
		questionsFixed: results.summary.submissions > 0,
		studentUrl,
		joinUrl: `${event.url.origin}/join`,
		qr: qrPath(studentUrl),
		gaps: exportGaps(a),
		checkedAt: new Date().toISOString()
	};
};

/** A write the database could not take (busy, full, read-only): the teacher is told, nothing changed. */
async function saving(write: () => Promise<unknown>, field: 'error' | 'listError' = 'error') {
	try {
		await write();
		return null;
	} catch (e) {
		if (e instanceof StoreUnavailable) return fail(e.status, { [field]: e.message });
		throw e;
	}
}

export const actions: Actions = {
	close: async (event) => {
		const a = await assignmentFor(event);
		return (
			(await saving(() => db().setClosed(a.id, new Date().toISOString()))) ?? { done: 'closed' }
		);
	},
	reopen: async (event) => {
		const a = await assignmentFor(event);
		if (pastDue(a) && !a.settings.acceptLate)
			return fail(400, {
				error:
					'The due date has passed: reopening would not let students answer. Move the due date under “Edit the settings”, or accept late work.'
			});
		return (await saving(() => db().setClosed(a.id, null))) ?? { done: 'reopened' };
	},
	delete: async (event) => {
		const a = await assignmentFor(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== a.code)
			return fail(400, {
				error: `To delete, type the code ${a.code} in the box: this cannot be undone.`
			});
		const failed = await saving(() => db().deleteAssignment(a.id));
		if (failed) return failed;
		redirect(303, `/teach?deleted=${a.code}`);
	},
	/** The settings form or the class list form (`section`): the fields `PATCH …` takes. */
	edit: async (event) => {
		const a = await assignmentFor(event);
		const form = await event.request.formData();
		const section: EditSection = form.get('section') === 'class-list' ? 'class-list' : 'settings';
		// What was typed, to fill the form again when it is refused (without JavaScript).
		const typed: Record<string, string> = {};
		for (const [key, value] of form)
			if (typeof value === 'string') typed[key] = value.slice(0, 70000);
		try {
			await updateAssignment(a, editBody(form));
			return { done: section === 'class-list' ? 'class-list-saved' : 'edited' };
		} catch (e) {
			if (e instanceof StoreUnavailable)
				return fail(e.status, {
					edit: { section, field: 'edit-error', message: e.message, typed }
				});
			if (!(e instanceof AssignmentError)) throw e;
			return fail(e.status, { edit: { section, ...editRefusal(e.message, section), typed } });
		}
	},
	/** A copy for another class; the answer is its new dashboard (with JavaScript: its code and token). */
	duplicate: async (event) => {
		const a = await assignmentFor(event);
		const form = await event.request.formData();
		const title = String(form.get('title') ?? '');
		let copy;
		try {
			await limit(limits.create, event);
			copy = await duplicateAssignment(a, { title });
		} catch (e) {
			const message =
				e instanceof StoreUnavailable || e instanceof AssignmentError ? e.message : null;
			if (message === null) throw e;
			return fail(e instanceof StoreUnavailable ? e.status : (e as AssignmentError).status, {
				copy: { message: message.replace(/^title: /, 'Title: '), title }
			});
		}
		if (form.has('js'))
			return {
				done: 'duplicated',
				code: copy.code,
				token: copy.token,
				title: copy.assignment.title
			};
		redirect(303, `/teach/${copy.token}`);
	},
	/** One stray or duplicate submission; the student gets that attempt back. */
	deleteSubmission: async (event) => {
		const a = await assignmentFor(event);
		const form = await event.request.formData();
		const id = Number(form.get('submission'));
		if (!Number.isInteger(id) || id < 1)
			return fail(400, { listError: 'submission: say which submission to delete' });
		let deleted = false;
		const failed = await saving(async () => {
			deleted = await db().deleteSubmission(a.id, id);
		}, 'listError');
		if (failed) return failed;
		if (!deleted)
			return fail(404, {
				listError: 'That submission is not there any more: it may have been deleted already.'
			});
		return { done: 'submission-deleted', name: String(form.get('name') ?? '') };
	}
};
