import { resultsOf } from '$lib/server/assignments/results';
import { teacherPageAssignment } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const prerender = false;

export const load: PageServerLoad = async (event) => ({
	// Every submission on paper: the cap (1,000 students × 10 attempts) bounds it.
	results: await resultsOf(await teacherPageAssignment(event), { limit: 10_000 }),
	printedAt: new Date().toISOString()
});
