import type { Course } from './types';

/** A plain-text summary of the course content, printed by `npm run content:check`. */
export function report(course: Course): string {
	const lines: string[] = [];
	const quoted = new Map<string, string[]>();
	for (const l of course.lessons)
		for (const s of l.sentences) quoted.set(s, [...(quoted.get(s) ?? []), l.slug]);

	lines.push(`Content OK: ${course.source.title} (${course.source.date})`);
	lines.push(
		`  ${course.source.paragraphs.length} paragraphs, ${course.sentences.size} sentences, ` +
			`${course.lessons.length} lessons, ${course.glossary.length} glossary terms, ` +
			`${course.events.length} events, ${course.facts.length} facts, ${course.places.length} places`
	);
	lines.push('', 'Sentences quoted in full by lessons:');
	for (const p of course.source.paragraphs) {
		for (const s of p.sentences) {
			const by = quoted.get(s.id);
			lines.push(`  ${s.id.padEnd(6)} ${by ? by.join(', ') : '— not yet quoted by any lesson'}`);
		}
	}
	const covered = [...course.sentences.keys()].filter((id) => quoted.has(id)).length;
	lines.push('', `  ${covered} of ${course.sentences.size} sentences quoted in full by a lesson.`);
	return lines.join('\n');
}
