import { parse as parseYaml } from 'yaml';
import { AllowedClaims, findClaims, lessonProse } from './accuracy';
import { ContentError, ContentErrors } from './errors';
import { partlyCheckedDays } from './fact-days';
import { FieldReader, describe, isRecord } from './fields';
import { readQuestions } from './questions';
import { lessonReadingGrade } from './readability';
import { checkRetired, readRetired, retiredPath } from './retired';
import { paragraphIdPattern, parseSourceText, sentenceIdPattern } from './source-text';
import {
	commitmentKinds,
	lanes,
	placeKinds,
	regions,
	speakers,
	type Commitment,
	type ContextFact,
	type Lane,
	type Course,
	type GlossaryTerm,
	type LessonMeta,
	type Place,
	type MapRegion,
	type RegionArea,
	type Sentence,
	type SentenceId,
	type TimelineEvent
} from './types';

/** Where each kind of content lives, relative to the project root (as import.meta.glob names it). */
export const contentPaths = {
	source: '/lessons/source/communique.txt',
	glossary: '/lessons/glossary.yaml',
	facts: '/lessons/facts.yaml',
	places: '/lessons/places.yaml',
	commitments: '/lessons/commitments.yaml',
	regions: '/lessons/regions.yaml',
	lessonPattern: /^\/lessons\/([a-z0-9-]+)\.md$/
} as const;

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const confidences = ['V', 'P', 'U'] as const;

/**
 * Validates every file of the course at once and returns the typed course, or throws
 * ContentErrors listing every problem with its file, id and field. Pure: it takes the
 * files' text keyed by path, so tests can hand it fixtures.
 */
export function validateCourse(files: Record<string, string>): Course {
	const errors: ContentError[] = [];
	const need = (path: string): string => {
		if (files[path] === undefined) errors.push(new ContentError(path, null, 'file', 'is missing'));
		return files[path] ?? '';
	};

	const source = parseSourceText(need(contentPaths.source), contentPaths.source, errors);
	const sentences = new Map<string, Sentence>();
	for (const p of source.paragraphs) for (const s of p.sentences) sentences.set(s.id, s);

	const refs = new RefChecker(sentences, errors);
	const places = readPlaces(need(contentPaths.places), errors);
	const { events, facts } = readFacts(need(contentPaths.facts), errors);
	const glossary = readGlossary(need(contentPaths.glossary), errors);

	const placeIds = uniqueIds(places, contentPaths.places, errors);
	const factIds = uniqueIds([...events, ...facts], contentPaths.facts, errors);
	const termIds = uniqueIds(glossary, contentPaths.glossary, errors);

	for (const e of events) {
		refs.sentences(contentPaths.facts, e.id, 'sentences', e.sentences);
		refs.ids(
			contentPaths.facts,
			e.id,
			'places',
			e.places,
			placeIds,
			'place in lessons/places.yaml'
		);
	}
	for (const f of facts) refs.sentences(contentPaths.facts, f.id, 'sentences', f.sentences);
	for (const p of partlyCheckedDays(events, facts))
		errors.push(new ContentError(contentPaths.facts, p.id, p.field, p.problem));

	const commitments = readCommitments(need(contentPaths.commitments), errors);
	const commitmentIds = uniqueIds(commitments, contentPaths.commitments, errors);
	const retired = readRetired(files[retiredPath], errors);
	checkRetired(retired.commitments, commitmentIds, 'item of lessons/commitments.yaml', errors);
	for (const c of commitments) {
		refs.sentences(contentPaths.commitments, c.id, 'sentences', c.sentences);
		refs.ids(contentPaths.commitments, c.id, 'principles', c.principles, termIds, 'glossary term');
		const first = sentences.get(c.sentences[0]);
		if (first && c.phrase && !first.text.includes(c.phrase)) {
			errors.push(
				new ContentError(
					contentPaths.commitments,
					c.id,
					'phrase',
					`"${c.phrase}" is not verbatim in ${first.id}`
				)
			);
		}
	}

	const regions = readRegions(need(contentPaths.regions), errors);
	uniqueIds(regions, contentPaths.regions, errors);
	for (const region of regions) {
		const file = contentPaths.regions;
		const areaIds = new Set<string>();
		for (const g of region.groups) {
			refs.ids(
				file,
				`${region.id}/${g.id}`,
				'fact',
				[g.fact],
				factIds,
				'fact in lessons/facts.yaml'
			);
			for (const c of g.countries) {
				if (!region.focus.includes(c))
					errors.push(
						new ContentError(
							file,
							`${region.id}/${g.id}`,
							'countries',
							`"${c}" is not one of the region's focus countries`
						)
					);
			}
		}
		for (const a of region.areas) {
			if (areaIds.has(a.id)) errors.push(new ContentError(file, a.id, 'id', 'is used twice'));
			areaIds.add(a.id);
			refs.sentences(file, a.id, 'sentences', a.sentences);
			if (a.shape === 'circle')
				refs.ids(file, a.id, 'place', [a.place], placeIds, 'place in lessons/places.yaml');
			if (a.shape === 'quadrant' && !region.focus.includes(a.country)) {
				errors.push(
					new ContentError(
						file,
						a.id,
						'country',
						`"${a.country}" is not one of the region's focus countries`
					)
				);
			}
		}
	}

	const allowed = allowedClaims(
		source.date,
		[...sentences.values()].map((s) => s.text),
		events,
		facts
	);
	const checkClaims = (file: string, id: string, field: string, text: string) => {
		for (const claim of findClaims(text)) {
			const problem = allowed.problem(claim);
			if (problem) errors.push(new ContentError(file, id, field, problem));
		}
	};

	const matchOwner = new Map<string, string>();
	for (const t of glossary) {
		refs.ids(
			contentPaths.glossary,
			t.id,
			'facts',
			t.facts,
			factIds,
			'event or fact in lessons/facts.yaml'
		);
		refs.ids(contentPaths.glossary, t.id, 'see', t.see, termIds, 'glossary term');
		checkClaims(contentPaths.glossary, t.id, 'short', t.short);
		checkClaims(contentPaths.glossary, t.id, 'definition', t.definition);
		t.matches.forEach((m, i) => {
			if (![...sentences.values()].some((s) => s.text.includes(m))) {
				errors.push(
					new ContentError(
						contentPaths.glossary,
						t.id,
						`matches[${i}]`,
						`"${m}" is not verbatim in the communique`
					)
				);
			}
			const owner = matchOwner.get(m);
			if (owner)
				errors.push(
					new ContentError(
						contentPaths.glossary,
						t.id,
						`matches[${i}]`,
						`"${m}" is already matched by ${owner}`
					)
				);
			matchOwner.set(m, t.id);
		});
	}

	const lessons: LessonMeta[] = [];
	for (const [path, raw] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const m = contentPaths.lessonPattern.exec(path);
		if (!m) continue;
		const lesson = readLesson(path, m[1], raw, errors);
		if (!lesson) continue;
		refs.paragraphs(path, lesson.slug, 'paragraphs', lesson.paragraphs, source.paragraphs.length);
		refs.sentences(path, lesson.slug, '<Quote id>', [...lesson.sentences, ...lesson.cited]);
		refs.ids(path, lesson.slug, '<Term id>', lesson.terms, termIds, 'glossary term');
		refs.ids(
			path,
			lesson.slug,
			'<Fact id>',
			lesson.facts,
			factIds,
			'event or fact in lessons/facts.yaml'
		);
		for (const q of quoteTags(raw)) {
			const s = sentences.get(q.id);
			if (s && q.phrase !== undefined && !s.text.includes(q.phrase)) {
				errors.push(
					new ContentError(
						path,
						lesson.slug,
						`<Quote id="${q.id}" phrase>`,
						`"${q.phrase}" is not verbatim in ${q.id}`
					)
				);
			}
		}
		for (const map of lesson.maps) {
			if (!regions.some((r) => r.id === map.region)) {
				errors.push(
					new ContentError(
						path,
						lesson.slug,
						'<RegionMap region>',
						`"${map.region}" is not a region in lessons/regions.yaml`
					)
				);
			}
			for (const id of map.places) {
				const place = places.find((p) => p.id === id);
				if (!place || place.region !== map.region) {
					errors.push(
						new ContentError(
							path,
							lesson.slug,
							'<RegionMap places>',
							`"${id}" is not a place of ${map.region} in lessons/places.yaml`
						)
					);
				}
			}
		}
		checkClaims(path, lesson.slug, 'text', lessonProse(raw));
		// Words of the text in plain quotation marks would escape the verbatim check and the link
		// to the sentence: they must go through <Quote id phrase>.
		for (const [, words] of lessonProse(raw).matchAll(/["“]([^"“”\n]{3,}?)["”]/g)) {
			if (words.includes(' ') && [...sentences.values()].some((s) => s.text.includes(words))) {
				errors.push(
					new ContentError(
						path,
						lesson.slug,
						'text',
						`"${words}" quotes the communique without <Quote id phrase>`
					)
				);
			}
		}
		lessons.push(lesson);
	}
	lessons.sort((a, b) => a.order - b.order);
	const questions = readQuestions(
		files,
		{ sentences, commitments, events, places, regions, lessons, retired },
		errors
	);
	checkRetired(
		retired.questions,
		new Set(questions.map((q) => q.id)),
		'question of lessons/questions/',
		errors
	);
	// Restatements and map notes are prose too: they may state no date or figure the source lacks.
	for (const c of commitments)
		checkClaims(contentPaths.commitments, c.id, 'restatement', c.restatement);
	for (const r of regions) {
		checkClaims(contentPaths.regions, r.id, 'description', r.description);
		for (const a of r.areas) checkClaims(contentPaths.regions, a.id, 'note', a.note);
	}
	for (const q of questions) {
		// What the question says in its own words; its quote and cloze text are verbatim already.
		const own = {
			...q,
			id: '',
			quote: '',
			sentences: [],
			text: '',
			difficulty: undefined,
			commitments: []
		};
		checkClaims(
			`/lessons/questions/${q.lesson}.yaml`,
			q.id,
			'text',
			JSON.stringify(own).replace(/[{}[\]"]/g, ' ')
		);
	}
	lessons.forEach((l, i) => {
		if (i > 0 && lessons[i - 1].order === l.order) {
			errors.push(
				new ContentError(
					l.file,
					l.slug,
					'order',
					`${l.order} is also the order of ${lessons[i - 1].slug}`
				)
			);
		}
	});

	if (errors.length) throw new ContentErrors(errors);
	return {
		source,
		sentences,
		glossary,
		events,
		facts,
		places,
		commitments,
		regions,
		questions,
		lessons,
		retired
	};
}

/**
 * The dates and figures prose may state: those of the communique, and those of facts.yaml.
 * A partly checked (P) fact lends only its month and year (sources differ on the day); an
 * unchecked (U) fact lends nothing, so it can never be stated as certain.
 */
function allowedClaims(
	sourceDate: string,
	sentences: string[],
	events: TimelineEvent[],
	facts: ContextFact[]
): AllowedClaims {
	const allowed = new AllowedClaims();
	allowed.addDate(sourceDate, true);
	for (const text of sentences) allowed.addText(text);
	for (const e of events) {
		if (e.confidence === 'U') continue;
		allowed.addDate(e.date, e.confidence === 'V' && e.precision === 'day');
		allowed.addText(`${e.title}. ${e.description}`, e.confidence === 'V');
	}
	for (const f of facts) if (f.confidence !== 'U') allowed.addText(f.text, f.confidence === 'V');
	return allowed;
}

class RefChecker {
	constructor(
		private readonly sentenceMap: Map<string, Sentence>,
		private readonly errors: ContentError[]
	) {}

	sentences(file: string, id: string, field: string, ids: string[]): void {
		for (const s of ids) {
			if (!this.sentenceMap.has(s))
				this.errors.push(
					new ContentError(file, id, field, `${s} is not a sentence of the communique`)
				);
		}
	}

	paragraphs(file: string, id: string, field: string, ids: string[], count: number): void {
		for (const p of ids) {
			const n = Number(p.slice(1));
			if (!(n >= 1 && n <= count))
				this.errors.push(
					new ContentError(file, id, field, `${p} is not a paragraph (p1…p${count})`)
				);
		}
	}

	ids(
		file: string,
		id: string,
		field: string,
		ids: string[],
		known: Set<string>,
		what: string
	): void {
		for (const ref of ids) {
			if (!known.has(ref))
				this.errors.push(new ContentError(file, id, field, `"${ref}" is not a known ${what}`));
		}
	}
}

function uniqueIds(items: { id: string }[], file: string, errors: ContentError[]): Set<string> {
	const seen = new Set<string>();
	for (const item of items) {
		if (seen.has(item.id)) errors.push(new ContentError(file, item.id, 'id', 'is used twice'));
		seen.add(item.id);
	}
	return seen;
}

function loadYaml(raw: string, file: string, errors: ContentError[]): unknown {
	try {
		return parseYaml(raw);
	} catch (e) {
		errors.push(new ContentError(file, null, 'YAML', (e as Error).message.split('\n')[0]));
		return undefined;
	}
}

/** Each item of a YAML list, with a reader that names the item's id in its errors. */
function items(value: unknown, file: string, field: string, errors: ContentError[]): FieldReader[] {
	if (!Array.isArray(value)) {
		errors.push(new ContentError(file, null, field, `must be a list, got ${describe(value)}`));
		return [];
	}
	return value.flatMap((item, i) => {
		if (!isRecord(item)) {
			errors.push(
				new ContentError(file, null, `${field}[${i}]`, `must be a mapping, got ${describe(item)}`)
			);
			return [];
		}
		const id = typeof item.id === 'string' ? item.id : `${field}[${i}]`;
		const reader = new FieldReader(item, file, id, errors);
		reader.string('id', { pattern: idPattern });
		return [reader];
	});
}

function readPlaces(raw: string, errors: ContentError[]): Place[] {
	const file = contentPaths.places;
	const doc = loadYaml(raw, file, errors);
	return items(isRecord(doc) ? doc.places : doc, file, 'places', errors).map((r) => {
		r.onlyKnown(['id', 'name', 'lat', 'lon', 'kind', 'region', 'note', 'source']);
		return {
			id: r.id ?? '',
			name: r.string('name'),
			lat: r.number('lat', { min: -90, max: 90 }),
			lon: r.number('lon', { min: -180, max: 180 }),
			kind: r.oneOf('kind', placeKinds),
			region: r.string('region', { pattern: idPattern }),
			note: r.string('note'),
			source: r.string('source')
		};
	});
}

function readFacts(
	raw: string,
	errors: ContentError[]
): { events: TimelineEvent[]; facts: ContextFact[] } {
	const file = contentPaths.facts;
	const doc = loadYaml(raw, file, errors);
	if (!isRecord(doc)) {
		errors.push(
			new ContentError(file, null, 'file', 'must be a mapping with "events" and "facts" lists')
		);
		return { events: [], facts: [] };
	}
	const events = items(doc.events, file, 'events', errors).map((r): TimelineEvent => {
		r.onlyKnown([
			'id',
			'date',
			'precision',
			'title',
			'label',
			'description',
			'lane',
			'source',
			'confidence',
			'inText',
			'meeting',
			'sentences',
			'places'
		]);
		const precision = r.oneOf('precision', ['day', 'month'] as const);
		const date = r.isoDate('date', precision);
		return {
			id: r.id ?? '',
			date,
			precision,
			title: r.string('title'),
			label: r.string('label', { max: 24 }),
			description: r.string('description'),
			lane: r.oneOf('lane', lanes),
			source: r.string('source'),
			confidence: r.oneOf('confidence', confidences),
			inText: r.boolean('inText'),
			meeting: r.boolean('meeting'),
			sentences: r.strings('sentences', {
				optional: true,
				pattern: sentenceIdPattern
			}) as SentenceId[],
			places: r.strings('places', { optional: true })
		};
	});
	const facts = items(doc.facts, file, 'facts', errors).map((r): ContextFact => {
		r.onlyKnown(['id', 'text', 'source', 'confidence', 'sentences']);
		return {
			id: r.id ?? '',
			text: r.string('text'),
			source: r.string('source'),
			confidence: r.oneOf('confidence', confidences),
			sentences: r.strings('sentences', {
				optional: true,
				pattern: sentenceIdPattern
			}) as SentenceId[]
		};
	});
	return { events, facts };
}

function readGlossary(raw: string, errors: ContentError[]): GlossaryTerm[] {
	const file = contentPaths.glossary;
	return items(loadYaml(raw, file, errors), file, 'terms', errors).map((r) => {
		r.onlyKnown(['id', 'term', 'matches', 'short', 'definition', 'facts', 'see', 'sensitive']);
		return {
			id: r.id ?? '',
			term: r.string('term'),
			matches: r.strings('matches', { nonEmpty: true }),
			short: r.string('short', { max: 220 }),
			definition: r.string('definition'),
			facts: r.strings('facts', { optional: true }),
			see: r.strings('see', { optional: true }),
			...(r.boolean('sensitive') ? { sensitive: true } : {})
		};
	});
}

function readCommitments(raw: string, errors: ContentError[]): Commitment[] {
	const file = contentPaths.commitments;
	return items(loadYaml(raw, file, errors), file, 'items', errors).map((r) => {
		r.onlyKnown([
			'id',
			'kind',
			'by',
			'region',
			'sentences',
			'phrase',
			'restatement',
			'principles',
			'sensitive'
		]);
		return {
			id: r.id ?? '',
			kind: r.oneOf('kind', commitmentKinds),
			by: r.oneOf('by', speakers),
			region: r.oneOf('region', regions),
			sentences: r.strings('sentences', {
				nonEmpty: true,
				pattern: sentenceIdPattern
			}) as SentenceId[],
			phrase: r.string('phrase'),
			restatement: r.string('restatement', { max: 240 }),
			principles: r.strings('principles', { optional: true }),
			...(r.boolean('sensitive') ? { sensitive: true } : {})
		};
	});
}

function readRegions(raw: string, errors: ContentError[]): MapRegion[] {
	const file = contentPaths.regions;
	const doc = loadYaml(raw, file, errors);
	return items(isRecord(doc) ? doc.regions : doc, file, 'regions', errors).map((r) => {
		r.onlyKnown(['id', 'title', 'description', 'focus', 'neighbours', 'lanes', 'groups', 'areas']);
		const region = r.id ?? '';
		return {
			id: region,
			title: r.string('title'),
			description: r.string('description'),
			focus: r.strings('focus', { nonEmpty: true }),
			neighbours: r.strings('neighbours', { optional: true }),
			lanes: r.strings('lanes', { optional: true }).filter((lane, i): lane is Lane => {
				if (!lanes.includes(lane as Lane))
					r.fail(`lanes[${i}]`, `"${lane}" is not one of: ${lanes.join(', ')}`);
				return lanes.includes(lane as Lane);
			}),
			groups: items(r.raw('groups') ?? [], file, `${region}.groups`, errors).map((g) => {
				g.onlyKnown(['id', 'label', 'countries', 'fact']);
				return {
					id: g.id ?? '',
					label: g.string('label'),
					countries: g.strings('countries', { nonEmpty: true }),
					fact: g.string('fact')
				};
			}),
			areas: items(r.raw('areas') ?? [], file, `${region}.areas`, errors).map((a): RegionArea => {
				a.onlyKnown([
					'id',
					'name',
					'shape',
					'note',
					'sentences',
					'country',
					'corner',
					'place',
					'radiusKm'
				]);
				const base = {
					id: a.id ?? '',
					name: a.string('name'),
					note: a.string('note'),
					sentences: a.strings('sentences', {
						optional: true,
						pattern: sentenceIdPattern
					}) as SentenceId[]
				};
				const shape = a.oneOf('shape', ['quadrant', 'circle'] as const);
				if (shape === 'circle') {
					return {
						...base,
						shape,
						place: a.string('place'),
						radiusKm: a.number('radiusKm', { min: 1, max: 2000 })
					};
				}
				return {
					...base,
					shape: 'quadrant',
					country: a.string('country'),
					corner: a.oneOf('corner', ['northeast', 'northwest', 'southeast', 'southwest'] as const)
				};
			})
		};
	});
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function readLesson(
	file: string,
	slugFromName: string,
	raw: string,
	errors: ContentError[]
): LessonMeta | null {
	const fm = frontmatterPattern.exec(raw);
	if (!fm) {
		errors.push(
			new ContentError(
				file,
				slugFromName,
				'frontmatter',
				'is missing (the file must start with a --- block)'
			)
		);
		return null;
	}
	const doc = loadYaml(fm[1], file, errors);
	if (!isRecord(doc)) {
		errors.push(
			new ContentError(file, slugFromName, 'frontmatter', `must be a mapping, got ${describe(doc)}`)
		);
		return null;
	}
	const r = new FieldReader(doc, file, slugFromName, errors);
	r.onlyKnown(['slug', 'title', 'order', 'paragraphs', 'objectives', 'minutes', 'summary']);
	const slug = r.string('slug', { pattern: idPattern });
	if (slug && slug !== slugFromName)
		r.fail('slug', `"${slug}" must match the file name "${slugFromName}.md"`);
	const body = raw.slice(fm[0].length);
	return {
		slug: slugFromName,
		title: r.string('title'),
		order: r.number('order', { integer: true, min: 1 }),
		paragraphs: r.strings('paragraphs', {
			nonEmpty: true,
			pattern: paragraphIdPattern
		}) as `p${number}`[],
		objectives: r.strings('objectives', { nonEmpty: true }),
		minutes: r.number('minutes', { integer: true, min: 1, max: 90 }),
		summary: r.string('summary'),
		sentences: unique(
			quoteTags(body)
				.filter((q) => q.phrase === undefined)
				.map((q) => q.id)
		) as SentenceId[],
		cited: unique(
			quoteTags(body)
				.filter((q) => q.phrase !== undefined)
				.map((q) => q.id)
		) as SentenceId[],
		terms: unique(componentIds(body, 'Term')),
		facts: unique(componentIds(body, 'Fact')),
		timeline: /<Timeline\b/.test(body),
		readingGrade: lessonReadingGrade(raw),
		maps: [...body.matchAll(/<RegionMap\b([^>]*)>/g)].map((m) => ({
			region: /\bregion="([^"]*)"/.exec(m[1])?.[1] ?? '',
			places: (/\bplaces="([^"]*)"/.exec(m[1])?.[1] ?? '')
				.split(',')
				.map((p) => p.trim())
				.filter(Boolean)
		})),
		file
	};
}

/** The id="…" of every <Name …> tag in a lesson body, in order. */
export function componentIds(body: string, name: string): string[] {
	const tag = new RegExp(`<${name}\\b([^>]*)>`, 'g');
	return [...body.matchAll(tag)].map((m) => /\bid="([^"]*)"/.exec(m[1])?.[1] ?? '');
}

/** Every <Quote id="…"> of a lesson, with its phrase="…" when it quotes only part of the sentence. */
export function quoteTags(body: string): { id: string; phrase?: string }[] {
	return [...body.matchAll(/<Quote\b([^>]*)>/g)].map((m) => ({
		id: /\bid="([^"]*)"/.exec(m[1])?.[1] ?? '',
		phrase: /\bphrase="([^"]*)"/.exec(m[1])?.[1]
	}));
}

function unique<T>(list: T[]): T[] {
	return [...new Set(list)];
}
