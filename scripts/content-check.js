// Validates everything in lessons/ the way the app does (through Vite, so import.meta.glob and
// $lib resolve exactly as in the build) and prints a short report (--quiet: one line).
// Exits 1 on any problem, so `npm run build` stops before it starts.
import { createServer } from 'vite';

const server = await createServer({
	logLevel: 'silent',
	server: { middlewareMode: true, hmr: false },
	appType: 'custom'
});
let failed = false;
try {
	const { course } = await server.ssrLoadModule('/src/lib/content/course.server.ts');
	const { report } = await server.ssrLoadModule('/src/lib/content/report.ts');
	if (process.argv.includes('--quiet')) console.log('Content OK: lessons/ is valid.');
	else console.log(report(course));
} catch (error) {
	failed = true;
	console.error(error instanceof Error ? error.message : error);
} finally {
	await server.close();
}
process.exit(failed ? 1 : 0);
