import * as v from 'valibot';
import { lessonProse } from '../accuracy';
import { ContentError } from '../errors';
import { lessonReadingGrade } from '../readability';
import { lessonMarkup, quoteTags, tagsNamed, type LessonMarkup } from './lesson-markup';
import { loadYaml, readRecord } from './read';
import type { Checks } from './refs';
import {
	count,
	describe,
	idPattern,
	isRecord,
	list,
	paragraphIdPattern,
	record,
	text
} from './schema';
import type { SentenceId } from './source';

export const lessonPathPattern = /^\/lessons\/([a-z0-9-]+)\.md$/;
const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** A lesson file's Markdown after its frontmatter. */
export const lessonBody = (raw: string) => raw.replace(frontmatterPattern, '');

/** A lesson's frontmatter. Its slug must be the file's name (`slug` is given to check it). */
function frontmatterSchema(slug: string) {
	return record({
		slug: v.pipe(
			text({ pattern: idPattern }),
			v.check(
				(s) => !s || s === slug,
				(issue) => `"${issue.input}" must match the file name "${slug}.md"`
			)
		),
		title: text(),
		order: count({ integer: true, min: 1 }),
		paragraphs: v.pipe(
			list({ nonEmpty: true, pattern: paragraphIdPattern }),
			v.transform((ids) => ids as `p${number}`[])
		),
		objectives: list({ nonEmpty: true }),
		minutes: count({ integer: true, min: 1, max: 90 }),
		summary: text()
	});
}

/** What the lesson's tags show, read from its Markdown body (lesson-markup.ts). */
interface Shown {
	/** Sentences the lesson quotes in full with <Quote id>, in order of first appearance. */
	sentences: SentenceId[];
	/** Sentences the lesson quotes part of with <Quote id phrase>. */
	cited: SentenceId[];
	terms: string[];
	facts: string[];
	/** Whether the lesson shows the timeline (<LessonTimeline />). */
	timeline: boolean;
	/** Flesch–Kincaid grade of the lesson's own prose (see readability.ts). */
	readingGrade: number;
	/** The maps it shows (<LessonMap region="…" places="a,b" />). */
	maps: { region: string; places: string[] }[];
	file: string;
}

export type LessonMeta = v.InferOutput<ReturnType<typeof frontmatterSchema>> & Shown;

const unique = <T>(list: T[]): T[] => [...new Set(list)];

/** The id="…" of every <Name …> tag, in order. */
const idsOf = (markup: LessonMarkup, name: string) =>
	tagsNamed(markup, name).map((t) => t.attributes.id ?? '');

/** The lesson at `file`: its frontmatter, checked, and what its tags show. */
export function readLesson(
	file: string,
	slug: string,
	raw: string,
	errors: ContentError[]
): { lesson: LessonMeta; markup: LessonMarkup } | null {
	const fm = frontmatterPattern.exec(raw);
	if (!fm) {
		errors.push(
			new ContentError(
				file,
				slug,
				'frontmatter',
				'is missing (the file must start with a --- block)'
			)
		);
		return null;
	}
	const doc = loadYaml(fm[1], file, errors);
	if (!isRecord(doc)) {
		errors.push(
			new ContentError(file, slug, 'frontmatter', `must be a mapping, got ${describe(doc)}`)
		);
		return null;
	}
	const meta = readRecord(frontmatterSchema(slug), doc, file, slug, errors);
	const markup = lessonMarkup(lessonBody(raw));
	if (markup.error) {
		const { message, line } = markup.error;
		const at = line ? ` (line ${line + fm[0].split('\n').length - 1})` : '';
		errors.push(new ContentError(file, slug, 'markup', `${message}${at}`));
	}
	const quotes = quoteTags(markup);
	const lesson: LessonMeta = {
		...meta,
		slug,
		sentences: unique(
			quotes.filter((q) => q.phrase === undefined).map((q) => q.id)
		) as SentenceId[],
		cited: unique(quotes.filter((q) => q.phrase !== undefined).map((q) => q.id)) as SentenceId[],
		terms: unique(idsOf(markup, 'Term')),
		facts: unique(idsOf(markup, 'Fact')),
		timeline: tagsNamed(markup, 'LessonTimeline').length > 0,
		readingGrade: lessonReadingGrade(raw),
		maps: tagsNamed(markup, 'LessonMap').map(({ attributes: { region = '', places = '' } }) => ({
			region,
			places: places
				.split(',')
				.map((p) => p.trim())
				.filter(Boolean)
		})),
		file
	};
	return { lesson, markup };
}

/**
 * What a lesson cites exists; each phrase it quotes is verbatim in its sentence; its maps show
 * places of their region; its prose states no unchecked claim and quotes the communique only
 * through <Quote id phrase>.
 */
export function checkLesson(
	{ lesson, markup, raw }: { lesson: LessonMeta; markup: LessonMarkup; raw: string },
	{ known, refs, claims, errors }: Checks
): void {
	const { file, slug } = lesson;
	const fail = (field: string, problem: string) =>
		errors.push(new ContentError(file, slug, field, problem));
	refs.paragraphs(file, slug, 'paragraphs', lesson.paragraphs, known.paragraphs);
	refs.sentences(file, slug, '<Quote id>', [...lesson.sentences, ...lesson.cited]);
	refs.ids(file, slug, '<Term id>', lesson.terms, known.termIds, 'glossary term');
	refs.ids(
		file,
		slug,
		'<Fact id>',
		lesson.facts,
		known.factIds,
		'event or fact in lessons/facts.yaml'
	);
	for (const q of quoteTags(markup)) {
		const s = known.sentences.get(q.id);
		if (s && q.phrase !== undefined && !s.text.includes(q.phrase))
			fail(`<Quote id="${q.id}" phrase>`, `"${q.phrase}" is not verbatim in ${q.id}`);
	}
	for (const map of lesson.maps) {
		if (!known.regions.some((r) => r.id === map.region))
			fail('<LessonMap region>', `"${map.region}" is not a region in lessons/regions.yaml`);
		for (const id of map.places) {
			const place = known.places.find((p) => p.id === id);
			if (!place || place.region !== map.region)
				fail(
					'<LessonMap places>',
					`"${id}" is not a place of ${map.region} in lessons/places.yaml`
				);
		}
	}
	const prose = lessonProse(raw);
	claims(file, slug, 'text', prose);
	// Words of the text in plain quotation marks would escape the verbatim check and the link
	// to the sentence: they must go through <Quote id phrase>.
	const sentences = [...known.sentences.values()];
	for (const [, words] of prose.matchAll(/["“]([^"“”\n]{3,}?)["”]/g)) {
		if (words.includes(' ') && sentences.some((s) => s.text.includes(words)))
			fail('text', `"${words}" quotes the communique without <Quote id phrase>`);
	}
}

/** Two lessons may not share a place in the course (`lessons` sorted by order). */
export function checkLessonOrder(lessons: LessonMeta[], errors: ContentError[]): void {
	lessons.forEach((l, i) => {
		const before = lessons[i - 1];
		if (before?.order === l.order)
			errors.push(
				new ContentError(l.file, l.slug, 'order', `${l.order} is also the order of ${before.slug}`)
			);
	});
}
