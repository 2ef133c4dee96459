import type { RequestHandler } from './$types';

export const prerender = false;

/** Liveness: the process is up and answering (it asks nothing of the database). */
export const GET: RequestHandler = () =>
	new Response('ok\n', {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
