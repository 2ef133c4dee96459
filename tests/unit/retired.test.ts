import { describe, expect, it } from 'vitest';
import { ContentErrors } from '$lib/content/errors';
import { validateCourse } from '$lib/content/validate';
import {
	makeReviewFile,
	migrateEntries,
	parseReviewFile,
	type ReviewEntry
} from '$lib/review/backup-file';
import { review } from '$lib/review/schedule';
import { fixture, readLessonFiles } from './load-files';

const real = readLessonFiles();

function problemsWith(changes: Record<string, string>): string[] {
	try {
		validateCourse({ ...real, ...changes });
	} catch (e) {
		expect(e).toBeInstanceOf(ContentErrors);
		return (e as ContentErrors).errors.map((x) => x.message);
	}
	return [];
}

describe('lessons/retired.yaml', () => {
	it('lists the retired commitment with its successor', () => {
		const course = validateCourse(real);
		expect(course.retired.commitments).toContainEqual(
			expect.objectContaining({
				id: 'safeguard-collective-security-interests',
				successor: 'allocate-adequate-resources'
			})
		);
		expect(course.commitments.map((c) => c.id)).not.toContain(
			'safeguard-collective-security-interests'
		);
	});

	it('refuses a broken list, naming file, id and field', () => {
		const problems = problemsWith({ '/lessons/retired.yaml': fixture('retired-bad.yaml') });
		for (const line of [
			'/lessons/retired.yaml [safeguard-collective-security-interests] successor: "no-such-item" is not a live item of lessons/commitments.yaml',
			'/lessons/retired.yaml [threat-remains] id: is retired but still used by a live item of lessons/commitments.yaml',
			'/lessons/retired.yaml [safeguard-collective-security-interests] id: is listed twice',
			'/lessons/retired.yaml [Bad Id] id: "Bad Id" does not match',
			'/lessons/retired.yaml [Bad Id] colour: is not a known field'
		])
			expect(
				problems.some((p) => p.startsWith(line)),
				`${line}\n${problems.join('\n')}`
			).toBe(true);
	});

	it('refuses a question that still cites a retired item, and names its successor', () => {
		const file = '/lessons/questions/threat-remains.yaml';
		const changed = real[file].replace(
			/commitments: \[allocate-adequate-resources/,
			'commitments: [safeguard-collective-security-interests, allocate-adequate-resources'
		);
		expect(changed).not.toBe(real[file]);
		expect(problemsWith({ [file]: changed })).toContainEqual(
			expect.stringMatching(
				/\[tr-[a-z-]+\] commitments: "safeguard-collective-security-interests" is retired \(lessons\/retired.yaml\): use "allocate-adequate-resources"$/
			)
		);
	});
});

describe('saved progress under retired question ids', () => {
	const now = new Date('2026-03-01T10:00:00Z');
	const later = new Date('2026-03-05T10:00:00Z');
	const entry = (at: Date) => ({
		card: review(undefined, at, { correct: true }),
		lastScore: 1,
		lastAnswered: at.toISOString()
	});
	const known = new Set(['q-new', 'q-other']);
	const retired = new Map<string, string | null>([
		['q-old', 'q-new'],
		['q-gone', null]
	]);

	it.each<{ name: string; entries: Record<string, ReviewEntry>; expected: Record<string, Date> }>([
		{
			name: 'moves an entry to its successor',
			entries: { 'q-old': entry(now) },
			expected: { 'q-new': now }
		},
		{ name: 'drops an entry retired without one', entries: { 'q-gone': entry(now) }, expected: {} },
		{
			name: 'keeps the more recent entry when both exist',
			entries: { 'q-old': entry(now), 'q-new': entry(later) },
			expected: { 'q-new': later }
		},
		{
			name: 'takes the retired entry when it is more recent',
			entries: { 'q-old': entry(later), 'q-new': entry(now) },
			expected: { 'q-new': later }
		},
		{
			name: 'leaves live entries alone',
			entries: { 'q-other': entry(now) },
			expected: { 'q-other': now }
		}
	])('$name', ({ entries, expected }) => {
		const got = migrateEntries(entries, known, retired);
		expect(Object.fromEntries(Object.entries(got).map(([id, e]) => [id, e.lastAnswered]))).toEqual(
			Object.fromEntries(Object.entries(expected).map(([id, d]) => [id, d.toISOString()]))
		);
	});

	it('imports an old file that names a retired question, instead of refusing it', () => {
		const text = JSON.stringify(makeReviewFile({ 'q-old': entry(now), 'q-gone': entry(now) }, now));
		expect(parseReviewFile(text, known).ok).toBe(false);
		const parsed = parseReviewFile(text, known, retired);
		expect(parsed.ok && Object.keys(parsed.file.entries)).toEqual(['q-new']);
	});
});
