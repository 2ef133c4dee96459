// The primary of `WORKERS=N` (scripts/serve.js): forks N server processes that share the port
// (node:cluster hands each new connection to the next worker), keeps them up, and on SIGTERM or
// SIGINT asks each to drain and waits for all of them before it exits.
import cluster from 'node:cluster';

/**
 * @param {number} count
 * @param {number} drainMs
 */
export function runPrimary(count, drainMs) {
	let stopping = false;
	/** Workers that have listened once: a worker that dies before that cannot start at all. */
	const started = new Set();

	const fork = () => {
		const worker = cluster.fork();
		worker.once('listening', () => started.add(worker.id));
		return worker;
	};
	for (let i = 0; i < count; i++) fork();
	console.log(`Started ${count} server processes (primary pid ${process.pid})`);

	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		if (!started.has(worker.id)) {
			// The database could not be opened, the port is taken…: the worker said why. Stop all.
			console.error(`A server process exited (${code ?? signal}) before it could start: stopping.`);
			stopping = true;
			for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
			setTimeout(() => process.exit(1), drainMs + 2000).unref();
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
			return;
		}
		console.error(
			`Server process ${worker.process.pid} exited (${code ?? signal}): starting another.`
		);
		fork();
	});

	const shutdown = () => {
		if (stopping) return;
		stopping = true;
		for (const w of Object.values(cluster.workers ?? {})) w?.send('shutdown');
		// A worker that does not finish in time is killed; the primary then exits.
		setTimeout(() => {
			for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGKILL');
			process.exit(1);
		}, drainMs + 5000).unref();
		if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}
