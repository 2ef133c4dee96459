import { giftDownload } from '$lib/server/assignments/downloads';
import { teacherPageAssignment } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const prerender = false;

export const GET: RequestHandler = async (event) =>
	giftDownload(await teacherPageAssignment(event));
