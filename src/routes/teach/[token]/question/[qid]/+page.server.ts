import { error } from '@sveltejs/kit';
import { questionText, whoAnswered } from '$lib/assignment/answers';
import { rightAnswerLines } from '$lib/quiz/answer-text';
import { answerNames } from '$lib/server/assignments/downloads';
import { poolOf } from '$lib/server/assignments/results';
import { db } from '$lib/server/db';
import { teacherPageAssignment } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const prerender = false;

/** One question: each answer the class gave, and who gave it ("who chose option c"). */
export const load: PageServerLoad = async (event) => {
	const a = await teacherPageAssignment(event);
	const pool = poolOf(a);
	const index = pool.findIndex((q) => q.id === event.params.qid);
	if (index < 0) error(404, 'This assignment has no question with that id.');
	const q = pool[index];
	return {
		title: a.title,
		question: {
			id: q.id,
			number: index + 1,
			text: questionText(q),
			right: rightAnswerLines(q, answerNames)
		},
		// Every submission, with its answers: the cap (1,000 students × 10 attempts) bounds it.
		groups: whoAnswered(q, await db().submissions(a.id), answerNames)
	};
};
