import { receiptOf } from '$lib/server/assignments/receipt-page';
import { qrPath } from '$lib/server/qr';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The receipt link as a QR code (SVG), for the page a student sees right after submitting. */
export const GET: RequestHandler = async (event) => {
	await receiptOf(event);
	const link = new URL(event.url.pathname.replace(/\/qr\.svg$/, ''), event.url.origin).href;
	const { size, path } = qrPath(link);
	const box = size + 8;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 ${box} ${box}" shape-rendering="crispEdges">` +
		`<rect x="-4" y="-4" width="${box}" height="${box}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml',
			'cache-control': 'no-store',
			'x-robots-tag': 'noindex, nofollow',
			'referrer-policy': 'no-referrer'
		}
	});
};
