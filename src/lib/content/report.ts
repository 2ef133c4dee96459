import { auditCourse } from './audit';
import { coverage, coverageGaps } from './coverage';
import { formatShare, maxKeyLongestShare, trueShareRange } from './item-writing';
import { bloomLevels, commitmentKinds, questionTypes, type Course } from './types';

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

	const bank = course.questions;
	const count = (pred: (q: (typeof bank)[number]) => boolean) => bank.filter(pred).length;
	lines.push('', `Question bank: ${bank.length} questions`);
	lines.push(
		`  by type:  ${questionTypes.map((t) => `${t} ${count((q) => q.type === t)}`).join(', ')}`
	);
	lines.push(
		`  by Bloom: ${bloomLevels.map((b) => `${b} ${count((q) => q.bloom === b)}`).join(', ')}`
	);
	lines.push(
		`  by difficulty: ${[1, 2, 3].map((d) => `${d}: ${count((q) => q.difficulty === d)}`).join(', ')}`
	);
	lines.push(
		`  by lesson: ${course.lessons.map((l) => `${l.slug} ${count((q) => q.lesson === l.slug)}`).join(', ')}`
	);
	const perItem = course.commitments.map(
		(c) => `${c.id} ${count((q) => q.commitments.includes(c.id))}`
	);
	lines.push(`  by commitment item: ${perItem.join(', ')}`);
	const positions = bank.flatMap((q) =>
		q.type === 'single' ? [q.options.findIndex((o) => o.correct)] : []
	);
	const letters = ['a', 'b', 'c', 'd', 'e'].map(
		(l, i) => `${l} ${positions.filter((p) => p === i).length}`
	);
	lines.push(`  correct option of single-choice questions: ${letters.join(', ')}`);

	const audit = auditCourse(course);
	const [low, high] = trueShareRange;
	lines.push(
		'',
		'Item writing (the check fails when a bank figure is out of range or any problem is found):',
		`  choice questions whose key is the longest option: ${formatShare(audit.keyLongest)} (at most ${Math.round(maxKeyLongestShare * 100)}%)`,
		`  true/false statements that are true: ${formatShare(audit.trueShare)} (${low * 100}–${high * 100}%)`,
		`  sensitive (content note first): ${count((q) => q.sensitive === true)} questions, ` +
			`${course.glossary.filter((t) => t.sensitive).length} glossary entries, ` +
			`${course.commitments.filter((c) => c.sensitive).length} commitment items`,
		'  by lesson: key longest | true statements | reading grade (Flesch–Kincaid)'
	);
	for (const l of audit.lessons) {
		lines.push(
			`    ${l.slug.padEnd(32)} ${formatShare(l.keyLongest).padEnd(14)} | ${formatShare(l.trueShare).padEnd(14)} | ${l.readingGrade.toFixed(1)}`
		);
	}
	lines.push(
		audit.problems.length
			? `  ${audit.problems.length} item-writing problem${audit.problems.length === 1 ? '' : 's'} (listed at the end)`
			: '  no item-writing problems'
	);

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
