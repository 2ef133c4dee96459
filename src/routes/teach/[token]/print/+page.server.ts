import { resultsOf } from '$lib/server/assignments/results';
import { teacherPageAssignment } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = (event) => ({
	results: resultsOf(teacherPageAssignment(event)),
	printedAt: new Date().toISOString()
});
