// Validates everything in lessons/ the way the app does (through Vite, so import.meta.glob and
// $lib resolve exactly as in the build), audits how the questions are written, and prints a short
// report (--quiet: one line). Exits 1 on any problem, so `npm run build` stops before it starts.
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
	const { auditCourse } = await server.ssrLoadModule('/src/lib/content/audit.ts');
	// The item-writing audit (key length, true/false balance, cues, feedback, Bloom, sensitivity
	// marks) fails the check too, though the app itself runs with a bank that breaks it.
	const { problems } = auditCourse(course);
	if (!process.argv.includes('--quiet')) console.log(report(course));
	if (problems.length) {
		failed = true;
		console.error(
			`The question bank and glossary have ${problems.length} item-writing problem${problems.length === 1 ? '' : 's'}:\n` +
				problems.map((p) => `  - ${p.message}`).join('\n')
		);
	} else if (process.argv.includes('--quiet')) console.log('Content OK: lessons/ is valid.');
} catch (error) {
	failed = true;
	console.error(error instanceof Error ? error.message : error);
} finally {
	await server.close();
}
process.exit(failed ? 1 : 0);
