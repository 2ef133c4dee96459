import * as v from 'valibot';
import { ContentError } from '../errors';
import { loadYaml, readRecord } from './read';
import { describe, idPattern, isRecord, optionalText, record, text } from './schema';

export const retiredPath = '/lessons/retired.yaml';
const sections = ['commitments', 'questions'] as const;

/** An id that was published and then withdrawn, and the id that now carries its meaning. */
export const retiredIdSchema = record({
	id: text({ pattern: idPattern }),
	/** The live id that took it over, or null when nothing did (old saved data is then ignored). */
	successor: v.pipe(
		optionalText({ pattern: idPattern }),
		v.transform((id) => id || null)
	),
	note: text()
});

export type RetiredId = v.InferOutput<typeof retiredIdSchema>;
/** Withdrawn ids (lessons/retired.yaml): saved progress may still hold them. */
export type Retired = Record<(typeof sections)[number], RetiredId[]>;

/**
 * lessons/retired.yaml (absent means nothing was retired): a mapping of lists, each entry
 * checked. Whether the ids are live is checked by checkRetired (../retired.ts).
 */
export function readRetired(raw: string | undefined, errors: ContentError[]): Retired {
	const retired: Retired = { commitments: [], questions: [] };
	if (raw === undefined) return retired;
	const before = errors.length;
	const file = loadYaml(raw, retiredPath, errors) ?? {};
	if (errors.length > before) return retired;
	if (!isRecord(file)) {
		errors.push(
			new ContentError(retiredPath, null, 'file', `must be a mapping, got ${describe(file)}`)
		);
		return retired;
	}
	for (const key of Object.keys(file))
		if (!(sections as readonly string[]).includes(key))
			errors.push(
				new ContentError(retiredPath, null, key, `is not a known list (${sections.join(', ')})`)
			);
	for (const section of sections) {
		const list = file[section] ?? [];
		if (!Array.isArray(list)) {
			errors.push(
				new ContentError(retiredPath, null, section, `must be a list, got ${describe(list)}`)
			);
			continue;
		}
		list.forEach((item, i) => {
			const where = `${section}[${i}]`;
			if (!isRecord(item)) {
				errors.push(
					new ContentError(retiredPath, null, where, `must be a mapping, got ${describe(item)}`)
				);
				return;
			}
			const id = typeof item.id === 'string' ? item.id : where;
			retired[section].push(readRecord(retiredIdSchema, item, retiredPath, id, errors));
		});
	}
	return retired;
}
