// Two ceilings of scripts/bench-server.js: a bare node:http server on PORT that reads each body
// and answers a fixed 201 (the server's own receipt, byte for byte, from BODY_FILE).
//
// With SERVER_DB and BARE_DB (the "bare node:http + SQLite insert" ceiling), it also
// parses each body as JSON and stores one of the server's submissions with the store's own
// `submit` (scripts/bench/server-rows.js) before answering: HTTP, parsing and the insert, and
// nothing else of the server (no routing, rate limit, grading, disguised ids or receipt).
import http from 'node:http';
import { readFileSync } from 'node:fs';

const body = readFileSync(String(process.env.BODY_FILE));
const storing = Boolean(process.env.SERVER_DB);
const rows = storing ? await rowSource() : null;

http
	.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			if (rows && req.method === 'POST') {
				JSON.parse(Buffer.concat(chunks).toString('utf8'));
				const outcome = await rows.store.submit(await rows.next());
				if (outcome.kind !== 'stored') {
					res.writeHead(500).end(`The store answered "${outcome.kind}"`);
					return;
				}
			}
			res.writeHead(201, {
				'content-type': 'application/json',
				'content-length': body.length,
				'cache-control': 'no-store'
			});
			res.end(body);
		});
	})
	.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', async () => {
	await rows?.store.close();
	process.exit(0);
});

/** The server's rows, round after round, each round into fresh copies of its assignments. */
async function rowSource() {
	const { storeWithServerRows } = await import('./server-rows.js');
	const { store, submissions, round } = await storeWithServerRows(
		String(process.env.SERVER_DB),
		String(process.env.BARE_DB)
	);
	let r = 0;
	/** @type {{ size: number, next: (i: number) => (typeof submissions)[number] }} */
	let batch = { size: submissions.length, next: (i) => submissions[i] };
	let i = 0;
	/** @type {Promise<void> | null} One refill at a time, however many requests wait on it. */
	let refill = null;
	return {
		store,
		async next() {
			while (i >= batch.size) {
				refill ??= round(++r).then((b) => {
					batch = b;
					i = 0;
					refill = null;
				});
				await refill;
			}
			return batch.next(i++);
		}
	};
}
