/**
 * The guide to the whole text, lessons/unit-plan.yaml: which lessons to teach together, a short
 * and a long order, how assignments, review and the guides fit together, and the sourcing box
 * every worksheet opens with (its answers are the same for every lesson but the last, "why").
 */
import * as v from 'valibot';
import { ContentError } from '../errors';
import { checkTextTags } from './guide-checks';
import { guideProse } from './guide-text';
import { guideText } from './guide';
import { loadYaml, readRecord } from './read';
import type { Checks } from './refs';
import { count, describe, idPattern, isRecord, list, record, text } from './schema';

export const unitPlanPath = '/lessons/unit-plan.yaml';

const lessonList = () => list({ nonEmpty: true, pattern: idPattern });
const order = record({
	/** Class periods of about 45 minutes. */
	periods: count({ integer: true, min: 1, max: 30 }),
	lessons: lessonList(),
	note: guideText()
});

const unitPlanSchema = record({
	summary: guideText(),
	groups: v.array(record({ title: text(), lessons: lessonList(), why: guideText() })),
	short: order,
	long: order,
	fit: v.array(record({ title: text(), text: guideText() })),
	sourcing: record({
		questions: v.array(record({ ask: text({ max: 120 }), answer: guideText() })),
		/** The last question, "why", whose answer each lesson's key gives (worksheet.purpose). */
		purpose: text({ max: 120 })
	})
});

export type UnitPlan = v.InferOutput<typeof unitPlanSchema>;

export function readUnitPlan(raw: string | undefined, errors: ContentError[]): UnitPlan | null {
	if (raw === undefined) {
		errors.push(
			new ContentError(
				unitPlanPath,
				null,
				'file',
				'is missing: the guide to the whole text (the unit plan) lives here'
			)
		);
		return null;
	}
	const doc = loadYaml(raw, unitPlanPath, errors);
	if (!isRecord(doc)) {
		errors.push(
			new ContentError(unitPlanPath, null, 'plan', `must be a mapping, got ${describe(doc)}`)
		);
		return null;
	}
	return readRecord(unitPlanSchema, doc, unitPlanPath, null, errors);
}

/**
 * The groups hold every lesson once; the long order lists every lesson once; the short order
 * only lessons that exist, each once; texts cite what exists and state no unchecked claim.
 */
export function checkUnitPlan(plan: UnitPlan, lessonSlugs: string[], checks: Checks): void {
	const { claims, errors } = checks;
	const fail = (field: string, problem: string) =>
		errors.push(new ContentError(unitPlanPath, null, field, problem));
	const unknown = (field: string, ids: string[]) =>
		ids
			.filter((id) => !lessonSlugs.includes(id))
			.forEach((id) => fail(field, `"${id}" is not a lesson`));
	const once = (field: string, ids: string[], all: boolean) => {
		unknown(field, ids);
		const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
		if (twice.length) fail(field, `lists ${[...new Set(twice)].join(', ')} more than once`);
		const missing = lessonSlugs.filter((s) => !ids.includes(s));
		if (all && missing.length) fail(field, `leaves out ${missing.join(', ')}`);
	};
	once(
		'groups',
		(plan.groups ?? []).flatMap((g) => g.lessons ?? []),
		true
	);
	once('long.lessons', plan.long?.lessons ?? [], true);
	once('short.lessons', plan.short?.lessons ?? [], false);
	if ((plan.groups ?? []).length < 2) fail('groups', 'must have at least 2 groups');
	if ((plan.fit ?? []).length < 2) fail('fit', 'must have at least 2 items');
	if ((plan.sourcing?.questions ?? []).length < 2)
		fail('sourcing.questions', 'must have at least 2 questions');

	const texts = [
		{ field: 'summary', text: plan.summary },
		...(plan.groups ?? []).map((g, i) => ({ field: `groups[${i}].why`, text: g.why })),
		{ field: 'short.note', text: plan.short?.note },
		{ field: 'long.note', text: plan.long?.note },
		...(plan.fit ?? []).map((f, i) => ({ field: `fit[${i}].text`, text: f.text })),
		...(plan.sourcing?.questions ?? []).map((q, i) => ({
			field: `sourcing.questions[${i}].answer`,
			text: q.answer
		}))
	];
	for (const { field, text } of texts) {
		if (!Array.isArray(text)) continue;
		checkTextTags(text, field, { file: unitPlanPath, id: 'unit-plan', fail }, checks);
		claims(unitPlanPath, 'unit-plan', field, guideProse(text));
	}
}
