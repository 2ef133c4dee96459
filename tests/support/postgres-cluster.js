// A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, `postgres` on a
// free 127.0.0.1 port, removed when stopped (and when the process exits or is interrupted).
// initdb refuses to run as root: as root, the server runs as the `postgres` user that Debian's
// package creates (or `nobody`), in a folder it owns. `npm test` starts one unless
// TEST_DATABASE_URL names a server; the unit and API test configs do the same when run alone.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { freePort } from '../../scripts/lib/server-process.js';

/** Where Debian (and most Linux packages) keep the server's programs, newest version first. */
export function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	if (existsSync(base)) {
		const versions = readdirSync(base)
			.filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length) return join(base, versions[0], 'bin');
	}
	const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
	if (found.status === 0 && found.stdout.trim()) return join(found.stdout.trim(), '..');
	return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The user the server runs as when we are root, with its uid and gid. */
function serverUser() {
	for (const name of ['postgres', 'nobody']) {
		const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (id.status === 0) return { name, uid: Number(id.stdout), gid: Number(gid.stdout) };
	}
	throw new Error('No postgres or nobody user to run the test database server as');
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @typedef {object} TestPostgres
 * @property {string} url `postgres://postgres@127.0.0.1:<port>/postgres`
 * @property {() => Promise<void>} stop Stops the server and removes its folder.
 */

/** @returns {Promise<TestPostgres>} */
export async function startPostgres() {
	const bin = postgresBinDir();
	if (!bin)
		throw new Error(
			'PostgreSQL is not installed (no initdb): apt-get install postgresql, or set TEST_DATABASE_URL'
		);
	const dir = mkdtempSync(join(tmpdir(), 'course-pg-'));
	const data = join(dir, 'data');
	const user = isRoot() ? serverUser() : { name: userInfo().username, uid: -1, gid: -1 };
	if (isRoot()) {
		chownSync(dir, user.uid, user.gid);
		chmodSync(dir, 0o700);
	}
	// As root, each program runs as that user (Node sets the process's uid and gid).
	const owner = isRoot() ? { uid: user.uid, gid: user.gid } : {};
	/** @param {string} program @param {string[]} args @returns {[string, string[]]} */
	const as = (program, args) => [join(bin, program), args];

	const removeDir = () => rmSync(dir, { recursive: true, force: true });
	const [initCmd, initArgs] = as('initdb', [
		'-D',
		data,
		'-U',
		'postgres',
		'-A',
		'trust',
		'-E',
		'UTF8',
		'--locale=C',
		'--no-sync',
		'--no-instructions'
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', cwd: dir, ...owner });
	if (init.status !== 0) {
		removeDir();
		throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
	}

	const port = await freePort();
	const [cmd, args] = as('postgres', [
		'-D',
		data,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		// A test server: speed over durability (an app process killed mid-write still loses
		// nothing it acknowledged; only the test server's own crash could).
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200'
	]);
	const server = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], ...owner });
	let log = '';
	server.stderr?.on('data', (d) => (log = (log + d).slice(-20_000)));

	let stopped = false;
	const kill = () => {
		if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
		removeDir();
	};
	process.once('exit', kill);
	const onSignal = () => {
		kill();
		process.exit(130);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	const stop = async () => {
		if (stopped) return;
		stopped = true;
		process.off('exit', kill);
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		if (server.exitCode === null && server.signalCode === null) {
			const done = new Promise((r) => server.once('exit', r));
			server.kill('SIGINT'); // fast shutdown
			const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
			await done;
			clearTimeout(timer);
		}
		removeDir();
	};

	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (server.exitCode !== null) {
			await stop();
			throw new Error(`The test PostgreSQL server exited (${server.exitCode}):\n${log}`);
		}
		const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
		try {
			await sql`SELECT 1`;
			await sql.end();
			break;
		} catch {
			await sql.end({ timeout: 0 }).catch(() => {});
			if (Date.now() > deadline) {
				await stop();
				throw new Error(`The test PostgreSQL server did not answer within 30 s:\n${log}`);
			}
			await sleep(100);
		}
	}
	return { url, stop };
}

/**
 * A new, empty database on the server `url` names, and its address; `drop()` removes it.
 * @param {string} url
 * @param {string} [prefix]
 */
export async function createDatabase(url, prefix = 'test') {
	const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	await admin.end();
	const u = new URL(url);
	u.pathname = `/${name}`;
	return {
		url: u.toString(),
		name,
		drop: async () => {
			const a = postgres(url, { max: 1, onnotice: () => {} });
			await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await a.end();
		}
	};
}
