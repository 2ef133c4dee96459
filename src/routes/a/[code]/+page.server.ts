import { error } from '@sveltejs/kit';
import { lessonsWithContentNotes } from '$lib/content/course.server';
import { questionsFor, statusOf } from '$lib/server/assignments/service';
import { db } from '$lib/server/db';
import { normaliseCode } from '$lib/assignment/code';
import { limits } from '$lib/server/security';
import type { PageServerLoad } from './$types';

export const prerender = false;

/** The assignment's cover: title, due date, rules. The questions come after the student names themself. */
export const load: PageServerLoad = ({ params, getClientAddress }) => {
	if (!limits.join.take(getClientAddress()))
		error(429, 'Too many requests: wait a minute and try again');
	const code = normaliseCode(params.code);
	const a = code ? db().assignmentByCode(code) : undefined;
	if (!a) error(404, 'No assignment has this code. Check it with your teacher.');
	return {
		code: a.code,
		title: a.title,
		dueAt: a.dueAt,
		status: statusOf(a),
		attempts: a.settings.attempts,
		reveal: a.settings.reveal,
		questionCount: a.settings.count ?? a.settings.questionIds.length,
		// Drawn from lessons that handle violence, sexual violence or detained children.
		contentNote: questionsFor(a, null, true).some((q) => lessonsWithContentNotes.has(q.lesson))
	};
};
