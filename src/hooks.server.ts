import type { Handle } from '@sveltejs/kit';

/**
 * Pages that hold a teacher's token or a student's answers must not be cached by the browser
 * or anything in between; the JSON API sets its own headers.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const path = event.url.pathname;
	if (path.startsWith('/teach/') || path.startsWith('/a/'))
		response.headers.set('cache-control', 'no-store');
	return response;
};
