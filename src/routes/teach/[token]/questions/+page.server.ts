import { fail } from '@sveltejs/kit';
import { questionById, updateAssignment, AssignmentError } from '$lib/server/assignments/service';
import { db } from '$lib/server/db';
import { StoreUnavailable } from '$lib/server/db/errors';
import { teacherPageAssignment as assignmentFor } from '$lib/server/http';
import { questionText } from '$lib/assignment/answers';
import type { Question } from '$lib/content';
import { bankChoices } from '../../bank.server';
import { editRefusal } from '../edit-form';
import { applyChange, parseOp, type QuestionChange } from './change';
import type { Actions, PageServerLoad } from './$types';

export const prerender = false;

/**
 * The assignment's questions in the order students get them; while nobody has submitted, the
 * bank questions and the teacher's own that are not in it, to add.
 */
export const load: PageServerLoad = async (event) => {
	const a = await assignmentFor(event);
	const { submissions } = await db().summary(a.id);
	const chosen = new Set(a.settings.questionIds);
	const bank = submissions > 0 ? null : bankChoices();
	return {
		title: a.title,
		count: a.settings.count,
		submissions,
		questions: a.settings.questionIds
			.map((id) => questionById(a, id))
			.filter((q): q is Question => !!q)
			.map((q) => ({ id: q.id, text: questionText(q), own: q.lesson === '' })),
		ownLeft: a.ownQuestions
			.filter((q) => !chosen.has(q.id))
			.map((q) => ({ id: q.id, text: questionText(q) })),
		bank: bank && { ...bank, questions: bank.questions.filter((q) => !chosen.has(q.id)) }
	};
};

/**
 * Applies one change to the list as stored now and saves it through the edit the API makes
 * (`updateAssignment`), which refuses once someone has submitted, in the same transaction as
 * the write. `op` comes back so the page can keep focus on the button pressed.
 */
async function change(
	event: Parameters<Actions[string]>[0],
	read: (f: FormData) => QuestionChange | null
) {
	const a = await assignmentFor(event);
	const form = await event.request.formData();
	const op = String(form.get('op') ?? 'add').slice(0, 100);
	const wanted = read(form);
	if (!wanted) return fail(400, { op, error: 'Questions: say which change to make.' });
	const next = applyChange(a.settings.questionIds, wanted);
	if (!next.ok) return fail(400, { op, error: next.message });
	try {
		await updateAssignment(a, { questionIds: next.ids });
	} catch (e) {
		if (e instanceof StoreUnavailable) return fail(e.status, { op, error: e.message });
		if (!(e instanceof AssignmentError)) throw e;
		return fail(e.status, { op, error: editRefusal(e.message, 'settings').message });
	}
	return {
		op,
		done: wanted.kind,
		added: wanted.kind === 'add' ? next.ids.length - a.settings.questionIds.length : 0
	};
}

export const actions: Actions = {
	/** Move a question up or down, or remove it (the button's `op`). */
	change: (event) => change(event, (form) => parseOp(form.get('op'))),
	/** Add the ticked bank questions (`questionIds`) and own questions (`own`) at the end. */
	add: (event) =>
		change(event, (form) => ({
			kind: 'add',
			ids: [...form.getAll('own'), ...form.getAll('questionIds')]
				.filter((id): id is string => typeof id === 'string')
				.slice(0, 200)
		}))
};
