import { course, practiceIndex } from '$lib/content/course.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	...practiceIndex(),
	/** Retired question ids and their successors, so an old saved schedule is mapped, not refused. */
	retired: course.retired.questions.map(({ id, successor }): [string, string | null] => [
		id,
		successor
	])
});
