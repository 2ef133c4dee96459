import { coverage, coverageGaps } from './coverage';
import { commitmentKinds, type Course } from './types';

/** A plain-text summary of the course content, printed by `npm run content:check`. */
export function report(course: Course): string {
	const lines: string[] = [];
	lines.push(`Content OK: ${course.source.title} (${course.source.date})`);
	lines.push(
		`  ${course.source.paragraphs.length} paragraphs, ${course.sentences.size} sentences, ` +
			`${course.lessons.length} lessons, ${course.glossary.length} glossary terms, ` +
			`${course.commitments.length} commitment items, ${course.events.length} events, ` +
			`${course.facts.length} facts, ${course.places.length} places`
	);

	lines.push('', 'Lessons:');
	for (const l of course.lessons) {
		lines.push(
			`  ${String(l.order).padStart(2)}. ${l.title} (${l.slug}, ${l.minutes} min): ${l.sentences.join(' ') || '—'}`
		);
	}

	lines.push('', 'Commitment items by kind:');
	for (const kind of commitmentKinds) {
		const n = course.commitments.filter((c) => c.kind === kind).length;
		lines.push(`  ${kind.padEnd(12)} ${n}`);
	}

	lines.push(
		'',
		'Coverage, sentence by sentence (lessons that quote it in full | commitment items):'
	);
	let paragraph = '';
	for (const row of coverage(course)) {
		const p = row.id.split('.')[0];
		if (p !== paragraph) lines.push(`  ${p}`);
		paragraph = p;
		const lessons = row.lessons.join(', ') || 'NO LESSON';
		const items = row.commitments.join(', ') || 'NO ITEM';
		lines.push(`    ${row.id.padEnd(6)} ${lessons} | ${items}`);
	}

	const gaps = coverageGaps(course);
	const total = course.sentences.size;
	lines.push(
		'',
		`  ${total - gaps.noLesson.length} of ${total} sentences quoted in full by a lesson` +
			(gaps.noLesson.length ? ` (missing: ${gaps.noLesson.join(', ')})` : ''),
		`  ${total - gaps.noCommitment.length} of ${total} sentences with at least one commitment item` +
			(gaps.noCommitment.length ? ` (missing: ${gaps.noCommitment.join(', ')})` : '')
	);
	return lines.join('\n');
}
