import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const prerender = false;

const plain = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

/**
 * Readiness: the database answers a query within 2 seconds (200), or not (503). A load
 * balancer sends students only to nodes that are ready.
 */
export const GET: RequestHandler = async () => {
	const store = db();
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			store.ping(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000);
			})
		]);
		return new Response(`ready (${store.kind})\n`, { headers: plain });
	} catch (e) {
		return new Response(
			`not ready: the ${store.kind} database does not answer (${(e as Error).message})\n`,
			{
				status: 503,
				headers: { ...plain, 'retry-after': '5' }
			}
		);
	} finally {
		clearTimeout(timer);
	}
};
