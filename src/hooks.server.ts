import { building } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { backfill } from '$lib/server/assignments/service';
import { closeDb, db } from '$lib/server/db';

/**
 * Opens the database and runs its migrations when the server starts, so a database it cannot
 * use (unwritable folder, a newer schema, a PostgreSQL server out of reach) stops it at once
 * with the reason, not at the first student's submission. Not while building: prerendering
 * must not create a database.
 *
 * scripts/serve.js calls `globalThis[Symbol.for('course.shutdown')]` once the server has
 * stopped accepting and the requests in flight are answered: the pool closes then.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await db().ready();
	await backfill();
	(globalThis as Record<symbol, unknown>)[Symbol.for('course.shutdown')] = closeDb;
};

/**
 * One line per unexpected error, without the path's secrets (scripts/lib/redact.js blanks them
 * in every log line): a 404 under /teach/<token> must not write the token to a log.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404 || status === 405 || status === 415) {
		console.warn(`${status} ${event.request.method} ${event.url.pathname}: ${message}`);
		return { message };
	}
	console.error(`${status} ${event.request.method} ${event.url.pathname}:`, error);
	return { message: 'Something went wrong on the server' };
};

/**
 * Pages that hold a teacher's token or a student's answers must not be cached by the browser
 * or anything in between; the JSON API sets its own headers.
 *
 * A refused POST may leave part of its body unread (too large, wrong type, rate limited): the
 * connection then cannot carry another request, so it is closed after the answer.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const path = event.url.pathname;
	if (path.startsWith('/teach/') || path.startsWith('/a/'))
		response.headers.set('cache-control', 'no-store');
	if (event.request.method === 'POST' && response.status >= 400)
		response.headers.set('connection', 'close');
	return response;
};
