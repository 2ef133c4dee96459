import { longCsvDownload } from '$lib/server/assignments/downloads';
import { teacherPageAssignment } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Every answer, one row per student × question (long form). */
export const GET: RequestHandler = async (event) =>
	longCsvDownload(await teacherPageAssignment(event));
