import { course } from '$lib/content/course.server';
import { labels } from '$lib/server/assignments/results';
import type { Question } from '$lib/content';
import { fail, redirect } from '@sveltejs/kit';
import { AssignmentError, createAssignment } from '$lib/server/assignments/service';
import { StoreUnavailable } from '$lib/server/db/errors';
import { limit } from '$lib/server/http';
import { limits } from '$lib/server/security';
import { createBody, fieldFor, friendlyError } from './create-form';
import type { Actions, PageServerLoad } from './$types';

/** Not prerendered: the create form posts to this page's action (it works without JavaScript). */
export const prerender = false;

/** What the teacher sees of a bank question before choosing it: the answer included. */
function preview(q: Question): { text: string; correct: boolean }[] {
	const { placeName: place, eventTitle: event } = labels;
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options.map((o) => ({ text: o.text, correct: o.correct }));
		case 'truefalse':
			return [{ text: `${q.statement} (${q.answer ? 'true' : 'false'})`, correct: true }];
		case 'ordering':
			return q.events.map((id, i) => ({ text: `${i + 1}. ${event(id)}`, correct: true }));
		case 'matching':
			return q.pairs.map((p) => ({ text: `${p.left} → ${p.right}`, correct: true }));
		case 'cloze':
			return [
				{ text: q.text.replace('___', '…'), correct: false },
				{ text: `Accepted: ${q.answers.join(' / ')}`, correct: true }
			];
		case 'locate':
			return q.options.map((o) => ({ text: place(o.place), correct: o.place === q.answer }));
	}
}

export const load: PageServerLoad = () => {
	const principleIds = new Set(course.commitments.flatMap((c) => c.principles));
	return {
		lessons: course.lessons.map(({ slug, title, order }) => ({ slug, title, order })),
		items: course.commitments.map(({ id, kind, restatement }) => ({ id, kind, restatement })),
		principles: course.glossary
			.filter((t) => principleIds.has(t.id))
			.map((t) => ({
				id: t.id,
				term: t.term,
				items: course.commitments.filter((c) => c.principles.includes(t.id)).map((c) => c.id)
			})),
		questions: course.questions.map((q) => ({
			id: q.id,
			lesson: q.lesson,
			type: q.type,
			prompt: q.type === 'truefalse' ? `${q.prompt} ${q.statement}` : q.prompt,
			commitments: q.commitments,
			preview: preview(q)
		}))
	};
};

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
