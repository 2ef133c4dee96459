import { qrPath } from '$lib/server/qr';
import { receiptOf, receiptPage } from '$lib/server/assignments/receipt-page';
import type { PageServerLoad } from './$types';

export const prerender = false;

/**
 * A student's receipt on any device: the score, and the marked answers when the teacher allows.
 * The link is the key: never cached (the hook sets no-store under /a/), never indexed, and
 * never sent on as a referrer.
 */
export const load: PageServerLoad = async (event) => {
	const { a, s } = await receiptOf(event);
	event.setHeaders({ 'x-robots-tag': 'noindex, nofollow', 'referrer-policy': 'no-referrer' });
	return {
		...(await receiptPage(a, s)),
		code: a.code,
		url: event.url.href,
		qr: qrPath(event.url.href)
	};
};
