/**
 * The cross-reference checks of the teachers' guides: every lesson has one (with a worksheet and
 * its key), every quote is verbatim, every id it cites exists, it states no date or figure the
 * sources lack, its plans add up, and a lesson with a content note has one in its guide too.
 */
import { ContentError } from '../errors';
import { topicsOf } from '../sensitivity';
import { guideProse, guideRefs, type GuideText } from './guide-text';
import {
	guidePath,
	guidePathPattern,
	planMinutes,
	planStages,
	requiredKinds,
	type LessonGuide,
	type PlanStep
} from './guide';
import type { LessonMeta } from './lesson';
import type { Checks } from './refs';

const isText = (t: unknown): t is GuideText => Array.isArray(t);

/**
 * The tags of one text of a guide or of the unit plan: every <Quote> cites a sentence and its
 * phrase is verbatim, every <Term> and <Fact> exists. `at` names the file and record in messages;
 * a phrase that is not verbatim goes to `at.fail`.
 */
export function checkTextTags(
	text: GuideText,
	field: string,
	at: { file: string; id: string; fail: (field: string, problem: string) => void },
	{ known, refs }: Checks
): void {
	const { quotes, terms, facts } = guideRefs(text);
	refs.sentences(
		at.file,
		at.id,
		`${field} <Quote id>`,
		quotes.map((q) => q.id)
	);
	for (const q of quotes) {
		const s = known.sentences.get(q.id);
		if (s && q.phrase !== undefined && !s.text.includes(q.phrase))
			at.fail(`${field} <Quote id="${q.id}" phrase>`, `"${q.phrase}" is not verbatim in ${q.id}`);
	}
	refs.ids(at.file, at.id, `${field} <Term id>`, terms, known.termIds, 'glossary term');
	refs.ids(
		at.file,
		at.id,
		`${field} <Fact id>`,
		facts,
		known.factIds,
		'event or fact in lessons/facts.yaml'
	);
}

/** Every text of a guide, each with the field it is in (for messages). */
export function guideTexts(g: LessonGuide): { field: string; text: GuideText }[] {
	const out: { field: string; text: GuideText | undefined }[] = [
		{ field: 'summary', text: g.summary },
		{ field: 'contentNote', text: g.contentNote },
		...(['full', 'short'] as const).flatMap((p) =>
			(g.plan?.[p] ?? []).map((s, i) => ({ field: `plan.${p}[${i}].do`, text: s.do }))
		),
		...(g.prompts ?? []).flatMap((p, i) => [
			{ field: `prompts[${i}].ask`, text: p.ask },
			{ field: `prompts[${i}].strong`, text: p.strong }
		]),
		...(g.misconceptions ?? []).flatMap((m, i) => [
			{ field: `misconceptions[${i}].wrong`, text: m.wrong },
			{ field: `misconceptions[${i}].right`, text: m.right }
		]),
		...(g.support ?? []).map((t, i) => ({ field: `support[${i}]`, text: t })),
		...(g.extension ?? []).map((t, i) => ({ field: `extension[${i}]`, text: t })),
		{ field: 'worksheet.purpose', text: g.worksheet?.purpose },
		{ field: 'worksheet.contentNote', text: g.worksheet?.contentNote },
		...g.worksheet.questions.flatMap((q, i) => [
			{ field: `worksheet.questions[${i}].ask`, text: q.ask },
			{
				field: `worksheet.questions[${i}].statement`,
				text: 'statement' in q ? q.statement : undefined
			},
			{ field: `worksheet.questions[${i}].answer`, text: 'answer' in q ? q.answer : undefined }
		])
	];
	return out.filter((t): t is { field: string; text: GuideText } => isText(t.text));
}

/** The guide's words that are not tagged texts: the options and meanings of worksheet questions. */
function plainTexts(g: LessonGuide): { field: string; text: string }[] {
	return [
		...g.worksheet.questions.flatMap((q, i) => {
			const at = `worksheet.questions[${i}]`;
			const own: { field: string; text: string }[] = [];
			if (q.kind === 'choice')
				q.options.forEach((o, j) => own.push({ field: `${at}.options[${j}]`, text: o.text }));
			if (q.kind === 'vocabulary')
				q.pairs.forEach((p, j) =>
					own.push({ field: `${at}.pairs[${j}].meaning`, text: p.meaning })
				);
			return own;
		})
	];
}

function planProblem(steps: PlanStep[], minutes: number, allStages: boolean): string | null {
	const total = steps.reduce((n, s) => n + s.minutes, 0);
	if (total !== minutes)
		return `its steps add up to ${total} minutes; they must add up to ${minutes}`;
	const order = steps.map((s) => planStages.indexOf(s.stage));
	if (order.some((o, i) => i > 0 && o < order[i - 1]))
		return `its stages must come in the order ${planStages.join(', ')}`;
	const missing = planStages.filter((s) => !steps.some((x) => x.stage === s));
	if (allStages && missing.length) return `it has no ${missing.join(', ')} step`;
	return null;
}

/**
 * Every lesson has a guide, and every guide is of a lesson; each guide's texts and ids hold up.
 * `withContentNote`: the lessons that open with a <ContentNote>.
 */
export function checkGuides(
	guides: LessonGuide[],
	lessons: LessonMeta[],
	files: Record<string, string>,
	withContentNote: Set<string>,
	checks: Checks
): void {
	const { known, refs, claims, errors } = checks;
	for (const l of lessons)
		if (files[guidePath(l.slug)] === undefined)
			errors.push(
				new ContentError(
					guidePath(l.slug),
					l.slug,
					'file',
					`is missing: lesson "${l.slug}" (${l.file}) needs a teacher's guide with its worksheet and answer key`
				)
			);
	const sentences = [...known.sentences.values()];
	for (const g of guides) {
		const slug = guidePathPattern.exec(g.file)?.[1] ?? g.file;
		const fail = (field: string, problem: string) =>
			errors.push(new ContentError(g.file, slug, field, problem));
		const lesson = lessons.find((l) => l.slug === slug);
		if (!lesson) fail('file', `there is no lesson "${slug}" (lessons/${slug}.md) for this guide`);
		if (g.lesson && g.lesson !== slug)
			fail('lesson', `"${g.lesson}" must match the file name "${slug}.yaml"`);
		refs.ids(g.file, slug, 'terms', g.terms ?? [], known.termIds, 'glossary term');

		for (const { field, text } of guideTexts(g)) {
			checkTextTags(text, field, { file: g.file, id: slug, fail }, checks);
		}
		const prose = [
			...guideTexts(g).map((t) => ({ field: t.field, text: guideProse(t.text) })),
			...plainTexts(g)
		];
		for (const { field, text } of prose) {
			claims(g.file, slug, field, text);
			// Words of the text in plain quotation marks would escape the verbatim check.
			for (const [, words] of text.matchAll(/["“]([^"“”\n]{3,}?)["”]/g))
				if (words.includes(' ') && sentences.some((s) => s.text.includes(words)))
					fail(field, `"${words}" quotes the communique without <Quote id phrase>`);
		}

		(g.prompts ?? []).forEach((p, i) =>
			refs.sentences(g.file, slug, `prompts[${i}].sentences`, p.sentences)
		);
		for (const [name, minutes] of Object.entries(planMinutes) as ['full' | 'short', number][]) {
			const problem = g.plan?.[name]?.length
				? planProblem(g.plan[name], minutes, name === 'full')
				: null;
			if (problem) fail(`plan.${name}`, problem);
		}

		const ws = g.worksheet;
		refs.sentences(g.file, slug, 'worksheet.sentences', ws.sentences ?? []);
		if (lesson)
			for (const s of ws.sentences ?? [])
				if (known.sentences.has(s) && !lesson.sentences.includes(s))
					fail('worksheet.sentences', `${s} is not a sentence lesson "${slug}" quotes in full`);
		for (const kind of requiredKinds)
			if (!ws.questions.some((q) => q.kind === kind))
				fail(
					'worksheet.questions',
					`needs at least one question of kind "${kind}" (short, evidence and vocabulary)`
				);
		ws.questions.forEach((q, i) => {
			const at = `worksheet.questions[${i}]`;
			if (q.kind === 'evidence') refs.sentences(g.file, slug, `${at}.sentences`, q.sentences);
			if (q.kind === 'vocabulary') {
				const ids = q.pairs.map((p) => p.term);
				refs.ids(g.file, slug, `${at}.pairs`, ids, known.termIds, 'glossary term');
				if (new Set(ids).size !== ids.length) fail(`${at}.pairs`, 'each term may be matched once');
			}
			if (q.kind === 'choice' && q.options.filter((o) => o.correct).length !== 1)
				fail(`${at}.options`, 'exactly one option must be marked correct: true');
		});

		const topics = topicsOf(prose.map((p) => p.text).join('\n'));
		const needsNote = withContentNote.has(slug) || topics.length > 0;
		if (needsNote && !isText(g.contentNote))
			fail(
				'contentNote',
				withContentNote.has(slug)
					? `is missing: lesson "${slug}" opens with a content note, so its guide, worksheet and key need one too`
					: `is missing: the guide is about ${topics.join(' and ')}, so it needs a content note first`
			);
		if (needsNote && !isText(ws.contentNote))
			fail(
				'worksheet.contentNote',
				"is missing: the students' worksheet needs its own content note, in words for them"
			);
	}
}
