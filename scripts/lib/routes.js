// Every page of the course a benchmark measures, in one list: the pages of the text, each lesson
// (from lessons/*.md), the timeline, each map (from lessons/regions.yaml), practice, the teacher's
// pages and the student's. `/a/:code` and `/teach/:token` stand for an assignment made for the
// run. `guides: true` adds the teacher's guide pages (an index, one lesson's guide and its sheet).
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** @param {{ guides?: boolean }} [options] @returns {string[]} */
export function courseRoutes({ guides = false } = {}) {
	const lessons = readdirSync('lessons')
		.filter((f) => f.endsWith('.md'))
		.sort()
		.map((f) => `/lessons/${f.replace(/\.md$/, '')}`);
	/** @type {{ regions: { id: string }[] }} */
	const { regions } = parse(readFileSync('lessons/regions.yaml', 'utf8'));
	return [
		'/',
		'/read',
		'/glossary',
		'/commitments',
		...lessons,
		'/timeline',
		...regions.map((r) => `/maps/${r.id}`),
		'/quiz',
		'/review',
		'/teach',
		...(guides
			? [
					'/teach/guide',
					'/teach/guide/west-africa-sahel',
					'/teach/guide/west-africa-sahel/worksheet'
				]
			: []),
		'/join',
		'/a/:code',
		'/teach/:token'
	];
}
