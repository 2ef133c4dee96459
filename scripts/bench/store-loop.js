// The first ceiling of scripts/bench-server.js, in a process of its own: the rows the server
// stored, stored again into a fresh file by the store's own code (scripts/bench/server-rows.js
// says how), one submission after the other, with nothing else in the way (no HTTP, no parsing,
// no grading). Reports in JSON on its last line of output.
//
// SERVER_DB: the server's file (read only). BARE_DB: the file to create. CAP_SECONDS: stop after
// this long even if rows are left.
import { source, storeWithServerRows } from './server-rows.js';

const capSeconds = Number(process.env.CAP_SECONDS ?? 5);
const { store, submissions } = await storeWithServerRows(
	String(process.env.SERVER_DB),
	String(process.env.BARE_DB)
);

let rows = 0;
const start = process.hrtime.bigint();
const cap = start + BigInt(Math.round(capSeconds * 1e9));
for (const s of submissions) {
	const outcome = await store.submit(s);
	if (outcome.kind !== 'stored')
		throw new Error(`The store answered "${outcome.kind}" for ${s.name}: the copy is not faithful`);
	rows++;
	if ((rows & 255) === 0 && process.hrtime.bigint() > cap) break;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const counts = await store.counts();
await store.close();
console.log(JSON.stringify({ rows, seconds, rowsPerSecond: rows / seconds, counts, source }));
