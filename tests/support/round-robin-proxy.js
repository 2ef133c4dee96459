// A reverse proxy for the tests: each request goes to the next of several app processes in
// turn, as a load balancer in front of N app nodes would send it, with the client's address in
// X-Forwarded-For (the app reads it with ADDRESS_HEADER). Listens on a free 127.0.0.1 port.
import http from 'node:http';

/**
 * @param {string[]} upstreams base URLs (`http://127.0.0.1:<port>`)
 * @param {number} [port] a port to listen on (default: any free one)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startProxy(upstreams, port = 0) {
	const targets = upstreams.map((u) => new URL(u));
	// A connection per request: the app closes a connection after a refused POST, and a pooled
	// socket closed under the proxy would fail the next request sent on it.
	const agent = new http.Agent({ keepAlive: false, maxSockets: 512 });
	let next = 0;
	const server = http.createServer((req, res) => {
		const target = targets[next++ % targets.length];
		const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
		const up = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers,
				agent
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			}
		);
		up.on('error', () => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end('upstream failed');
		});
		// A client that goes away mid-request: so does the request upstream.
		req.on('aborted', () => up.destroy());
		req.pipe(up);
	});
	await new Promise((r) => server.listen(port, '127.0.0.1', () => r(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () =>
			new Promise((r) => {
				server.closeAllConnections();
				agent.destroy();
				server.close(() => r());
			})
	};
}
