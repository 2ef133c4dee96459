import { startServer } from './scripts/lib/server-process.js';
import { Classes, Pool } from './scripts/bench/students.js';
import { cpuSeconds } from './scripts/bench/processes.js';
import { rmSync, mkdirSync } from 'node:fs';
const n = Number(process.argv[2] ?? 1500);
const env = { RATE_LIMIT_SCALE: '100000', ...(process.env.DB ? { DATABASE_URL: process.env.DB } : {}) };
const a = await startServer({ env });
const classes = new Classes(a.baseUrl, 'reading-a-communique');
const students = await classes.students(n);
classes.close();
await a.stop();
rmSync('/tmp/prof2', { recursive: true, force: true }); mkdirSync('/tmp/prof2');
const b = await startServer({ env, dataDir: a.dataDir, nodeArgs: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof2'] : [] });
const pool = new Pool(students);
const warm = Math.floor(n / 5);
let sent = 0;
async function worker(limit) {
  while (sent < limit) { sent++; const s = pool.next(); const r = await fetch(b.baseUrl + s.path, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': s.key }, body: s.body.toString() }); await r.text(); if (r.status !== 201) throw new Error(r.status); }
}
await Promise.all(Array.from({ length: 20 }, () => worker(warm)));
const c0 = cpuSeconds(b.process.pid); const t0 = performance.now();
await Promise.all(Array.from({ length: 20 }, () => worker(n)));
const c1 = cpuSeconds(b.process.pid); const t1 = performance.now();
console.log(`${n - warm} submissions: server CPU ${((c1 - c0) * 1000 / (n - warm)).toFixed(3)} ms each; wall ${((t1 - t0)).toFixed(0)} ms`);
await b.stop();
