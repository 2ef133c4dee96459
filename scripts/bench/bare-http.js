// The second ceiling of scripts/bench-server.js: a bare node:http server that reads each body and
// answers a fixed 201 (the server's own receipt, byte for byte, from BODY_FILE) on PORT.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const body = readFileSync(String(process.env.BODY_FILE));
http
	.createServer((req, res) => {
		req.on('data', () => {});
		req.on('end', () => {
			res.writeHead(201, {
				'content-type': 'application/json',
				'content-length': body.length,
				'cache-control': 'no-store'
			});
			res.end(body);
		});
	})
	.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
