// `npm run db:copy -- --from data/course.db --to postgres://user:password@host/database`:
// copies a SQLite database (a teacher's laptop) into an empty PostgreSQL database (the school's
// server). The copy itself is src/lib/server/db/copy.ts, loaded through Vite (it is TypeScript).
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const usage =
	'Usage: npm run db:copy -- --from data/course.db --to postgres://user:password@host:5432/database';

let values;
try {
	({ values } = parseArgs({
		options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } }
	}));
} catch (e) {
	console.error(`${/** @type {Error} */ (e).message}\n${usage}`);
	process.exit(2);
}
if (values.help) {
	console.log(usage);
	process.exit(0);
}
if (!values.from || !values.to) {
	console.error(`Name both databases.\n${usage}`);
	process.exit(2);
}

const vite = await createServer({
	configFile: false,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, watch: null },
	resolve: { alias: { $lib: fileURLToPath(new URL('../src/lib', import.meta.url)) } },
	optimizeDeps: { noDiscovery: true, include: [] }
});
let code = 0;
try {
	const { copySqliteToPostgres, CopyRefused } = await vite.ssrLoadModule(
		'/src/lib/server/db/copy.ts'
	);
	try {
		const report = await copySqliteToPostgres(values.from, values.to);
		console.log(
			`Copied ${report.assignments} assignments, ${report.submissions} submissions and ` +
				`${report.secrets} secret(s) from ${values.from} into PostgreSQL.`
		);
	} catch (e) {
		if (!(e instanceof CopyRefused)) throw e;
		console.error(`Nothing was copied. ${e.message}`);
		code = 1;
	}
} catch (e) {
	console.error('The copy failed; nothing was written (it runs in one transaction):', e);
	code = 1;
} finally {
	await vite.close();
}
process.exit(code);
