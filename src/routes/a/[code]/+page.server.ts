import { error } from '@sveltejs/kit';
import { lessonsWithContentNotes } from '$lib/content/course.server';
import { AssignmentError, questionsFor, statusOf } from '$lib/server/assignments/service';
import type { AssignmentRecord } from '$lib/server/db';
import { studentAssignment } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const prerender = false;

/** The assignment's cover: title, due date, rules. The questions come after the student names themself. */
export const load: PageServerLoad = async (event) => {
	let a: AssignmentRecord;
	try {
		a = await studentAssignment(event.params.code, event);
	} catch (e) {
		if (e instanceof AssignmentError && e.status === 404)
			error(404, 'No assignment has this code. Check it with your teacher.');
		if (e instanceof AssignmentError) error(e.status, e.message);
		throw e;
	}
	return {
		code: a.code,
		title: a.title,
		dueAt: a.dueAt,
		status: statusOf(a),
		attempts: a.settings.attempts,
		reveal: a.settings.reveal,
		questionCount: a.settings.count ?? a.settings.questionIds.length,
		// Questions marked sensitive, or drawn from lessons that handle violence, sexual violence
		// or detained children: a note comes before any of them.
		contentNote: questionsFor(a, null, true).some(
			(q) => q.sensitive || lessonsWithContentNotes.has(q.lesson)
		)
	};
};
