import { error } from '@sveltejs/kit';
import { studentAnswers } from '$lib/assignment/answers';
import { answerNames } from '$lib/server/assignments/downloads';
import { poolOf } from '$lib/server/assignments/results';
import { db } from '$lib/server/db';
import { teacherPageAssignment } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const prerender = false;

/** One submission, question by question: what the student answered, the mark, the right answer. */
export const load: PageServerLoad = async (event) => {
	const a = await teacherPageAssignment(event);
	const id = Number(event.params.id);
	const s = Number.isInteger(id) && id >= 1 ? await db().submissionById(a.id, id) : undefined;
	if (!s) error(404, 'There is no such submission in this assignment: it may have been deleted.');
	return {
		title: a.title,
		submission: {
			name: s.name,
			attempt: s.attempt,
			submittedAt: s.submittedAt,
			score: s.score,
			maxScore: s.maxScore
		},
		answers: studentAnswers(poolOf(a), s, answerNames)
	};
};
