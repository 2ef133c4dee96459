import { json } from '@sveltejs/kit';
import { nameSchema, parseWith } from '$lib/assignment/schema';
import {
	AssignmentError,
	editableOf,
	studentView,
	updateAssignment
} from '$lib/server/assignments/service';
import {
	api,
	bearer,
	readJson,
	studentAssignment,
	teacherAssignment,
	teacherCode
} from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * The assignment as a student sees it: title, due date and questions without answers.
 * `?name=` gives that student's questions (when each gets a random subset) and attempts used.
 */
export const GET: RequestHandler = (event) =>
	api(async () => {
		const a = await studentAssignment(event.params.code, event);
		const raw = event.url.searchParams.get('name');
		let name: string | null = null;
		if (raw !== null) {
			const parsed = parseWith(nameSchema, raw);
			if (!parsed.ok) throw new AssignmentError(400, `name: ${parsed.error.replace(/^name /, '')}`);
			name = parsed.value;
		}
		return json(await studentView(a, name), { headers: { 'cache-control': 'no-store' } });
	});

/**
 * Edits an assignment (`Authorization: Bearer <teacherToken>`): any of `title`, `dueAt`,
 * `acceptLate`, `attempts`, `reveal`, `maxStudents`, `classList` and, while nobody has
 * submitted, `questionIds`. Answers with the settings as they now are; errors name the field.
 */
export const PATCH: RequestHandler = (event) =>
	api(async () => {
		const token = bearer(event.request);
		const a = await teacherAssignment(event, token, teacherCode(event.params.code));
		const updated = await updateAssignment(a, await readJson(event.request));
		return json(editableOf(updated), { headers: { 'cache-control': 'no-store' } });
	});
