// The production server: SvelteKit's adapter-node handler behind the security headers every
// response needs, prerendered pages included (those are served as files, before any hook runs).
// `npm start` and the tests run this; PORT (3000), HOST (0.0.0.0), DATA_DIR and adapter-node's
// own variables (ORIGIN, ADDRESS_HEADER, BODY_SIZE_LIMIT…) as usual.
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { redactConsole } from './lib/redact.js';

// Before anything logs: no teacher token or receipt reaches a log line.
redactConsole();

// Without ORIGIN (or a proxy's PROTOCOL_HEADER), adapter-node assumes https. Served directly over
// http, as `npm start` does, the origin is http on whatever host the browser used (localhost for
// the teacher, the machine's address for a class on the same network). Behind a TLS proxy, set
// ORIGIN, or PROTOCOL_HEADER=x-forwarded-proto.
const direct = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (direct) process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
// BUILD_DIR serves another copy of the build (a benchmark or test may pin one); default build/.
// A copy outside this folder needs node_modules beside it (better-sqlite3 is not bundled).
const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
const { handler } = await import(pathToFileURL(resolve(buildDir, 'handler.js')).href);

export const securityHeaders = {
	'x-content-type-options': 'nosniff',
	// Teacher links hold a secret token: never send it to another site as a Referer. Not
	// `no-referrer`: with it, a browser sends `Origin: null` with a form posted without
	// JavaScript, and the form is refused as cross-site.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'content-security-policy': "frame-ancestors 'none'",
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};
// Served over https (ORIGIN says so): browsers keep to https for this host from then on.
if (/^https:/i.test(process.env.ORIGIN ?? ''))
	securityHeaders['strict-transport-security'] = 'max-age=31536000';

const server = http.createServer((req, res) => {
	if (direct) req.headers['x-forwarded-proto'] = 'http';
	for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

function shutdown() {
	server.closeIdleConnections();
	server.close(() => process.exit(0));
	setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
