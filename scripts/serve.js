// The production server: SvelteKit's adapter-node handler behind the security headers every
// response needs, prerendered pages included (those are served as files, before any hook runs).
// `npm start` and the tests run this; PORT (3000), HOST (0.0.0.0), DATA_DIR or DATABASE_URL,
// WORKERS (1) and adapter-node's own variables (ORIGIN, ADDRESS_HEADER, BODY_SIZE_LIMIT…).
//
// WORKERS=N runs N processes (node:cluster) on the one port; each opens the database itself.
// On SIGTERM or SIGINT a process stops accepting connections, answers the requests in flight,
// closes the database (the pool) and exits; the primary waits for every worker.
import cluster from 'node:cluster';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { redactConsole } from './lib/redact.js';

// Before anything logs: no teacher token or receipt reaches a log line.
redactConsole();

const workers = Number(process.env.WORKERS ?? 1);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
	console.error(`WORKERS must be a whole number from 1 to 64, got "${process.env.WORKERS}".`);
	process.exit(1);
}
/** How long a stopping process waits for requests in flight before it exits anyway. */
const drainMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

if (workers > 1 && cluster.isPrimary) {
	const { runPrimary } = await import('./lib/cluster-primary.js');
	runPrimary(workers, drainMs);
} else {
	await serve();
}

async function serve() {
	// Without ORIGIN (or a proxy's PROTOCOL_HEADER), adapter-node assumes https. Served directly
	// over http, as `npm start` does, the origin is http on whatever host the browser used
	// (localhost for the teacher, the machine's address for a class on the same network). Behind
	// a TLS proxy, set ORIGIN, or PROTOCOL_HEADER=x-forwarded-proto.
	const direct = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (direct) process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
	// BUILD_DIR serves another copy of the build (a benchmark or test may pin one); default
	// build/. A copy outside this folder needs node_modules beside it (the drivers are not bundled).
	const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
	// The handler's import starts the app: it opens the database and runs its migrations.
	const { handler } = await import(pathToFileURL(resolve(buildDir, 'handler.js')).href);
	await warmRoutes(buildDir);

	const securityHeaders = headersFor(process.env.ORIGIN);
	let stopping = false;
	const server = http.createServer((req, res) => {
		if (direct) req.headers['x-forwarded-proto'] = 'http';
		for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
		// While draining, each answer closes its connection: keep-alive clients reconnect elsewhere.
		if (stopping) res.setHeader('connection', 'close');
		handler(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.end('Not found');
		});
	});

	const port = Number(process.env.PORT ?? 3000);
	const host = process.env.HOST ?? '0.0.0.0';
	server.listen(port, host, () => {
		const who = cluster.isWorker ? ` (worker ${cluster.worker?.id}, pid ${process.pid})` : '';
		console.log(`Listening on http://${host}:${port}${who}`);
	});

	async function shutdown() {
		if (stopping) return;
		stopping = true;
		// Stop accepting; idle keep-alive connections go now, busy ones after their answer.
		const closed = new Promise((r) => server.close(r));
		server.closeIdleConnections();
		const idle = setInterval(() => server.closeIdleConnections(), 100);
		const late = setTimeout(() => {
			console.error(`Requests still in flight after ${drainMs} ms: closing them.`);
			server.closeAllConnections();
		}, drainMs);
		await closed;
		clearInterval(idle);
		clearTimeout(late);
		try {
			await /** @type {any} */ (globalThis)[Symbol.for('course.shutdown')]?.();
		} catch (e) {
			console.error('Closing the database failed:', e);
		}
		process.exit(0);
	}
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	// A worker is told by its primary (cluster's disconnect) as well as by signal.
	if (cluster.isWorker) process.on('message', (m) => m === 'shutdown' && shutdown());
}

/**
 * Loads every route module of the build before the first request: SvelteKit imports a route's
 * code when it is first asked for, so without this the first requests of a burst wait for the
 * module graph to load and compile. The manifest's loaders are the same imports the server
 * makes, so the modules are then cached.
 * @param {string} buildDir
 */
async function warmRoutes(buildDir) {
	// adapter-node bundles the manifest as a hashed chunk that exports it as `m`.
	const chunks = resolve(buildDir, 'server/chunks');
	const file = readdirSync(chunks).find((f) => /^manifest\.js-[\w-]+\.js$/.test(f));
	if (!file) throw new Error(`No server manifest in ${chunks}: rebuild with npm run build`);
	const { m: manifest } = await import(pathToFileURL(resolve(chunks, file)).href);
	/** @type {(() => Promise<unknown>)[]} */
	const loaders = [
		...manifest._.nodes,
		...manifest._.routes.flatMap((/** @type {any} */ r) => (r.endpoint ? [r.endpoint] : []))
	];
	await Promise.all(loaders.map((load) => load()));
}

/** @param {string | undefined} origin */
function headersFor(origin) {
	/** @type {Record<string, string>} */
	const headers = {
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
	if (/^https:/i.test(origin ?? '')) headers['strict-transport-security'] = 'max-age=31536000';
	return headers;
}
