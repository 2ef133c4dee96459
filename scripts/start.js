// `npm start`: serve the production build with adapter-node on http://localhost:3000 (PORT
// overrides), building first when there is no build or the sources are newer than it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'build/handler.js';
const sources = [
	'src',
	'lessons',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newestMtime))) {
	console.log('Building the course (the build is missing or older than its sources)…');
	const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const env = { ...process.env, PORT: process.env.PORT ?? '3000' };
console.log(`Serving the course on http://localhost:${env.PORT}`);
// A larger young generation: fewer garbage-collection pauses under a burst of submissions.
const server = spawn(process.execPath, ['--max-semi-space-size=32', 'scripts/serve.js'], {
	stdio: 'inherit',
	env
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
