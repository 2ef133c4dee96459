/**
 * Retired ids (lessons/retired.yaml). Ids never change once published, because saved progress and
 * results refer to them; when an item or a question is withdrawn, its id is listed here with the
 * id that now carries its meaning (or none), so old saved data is mapped or ignored, never refused.
 */
import { parse as parseYaml } from 'yaml';
import { ContentError } from './errors';
import { FieldReader, describe, isRecord } from './fields';
import type { Retired, RetiredId } from './types';

export const retiredPath = '/lessons/retired.yaml';
const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const sections = ['commitments', 'questions'] as const;

/** Reads the file (absent means nothing was retired), checking each entry's fields. */
export function readRetired(raw: string | undefined, errors: ContentError[]): Retired {
	const retired: Retired = { commitments: [], questions: [] };
	if (raw === undefined) return retired;
	let doc: unknown;
	try {
		doc = parseYaml(raw) ?? {};
	} catch (e) {
		errors.push(new ContentError(retiredPath, null, 'YAML', (e as Error).message.split('\n')[0]));
		return retired;
	}
	if (!isRecord(doc)) {
		errors.push(
			new ContentError(retiredPath, null, 'file', `must be a mapping, got ${describe(doc)}`)
		);
		return retired;
	}
	for (const key of Object.keys(doc))
		if (!(sections as readonly string[]).includes(key))
			errors.push(
				new ContentError(retiredPath, null, key, `is not a known list (${sections.join(', ')})`)
			);
	for (const section of sections) {
		const list = doc[section] ?? [];
		if (!Array.isArray(list)) {
			errors.push(
				new ContentError(retiredPath, null, section, `must be a list, got ${describe(list)}`)
			);
			continue;
		}
		list.forEach((item, i) => {
			if (!isRecord(item)) {
				errors.push(
					new ContentError(
						retiredPath,
						null,
						`${section}[${i}]`,
						`must be a mapping, got ${describe(item)}`
					)
				);
				return;
			}
			const r = new FieldReader(
				item,
				retiredPath,
				typeof item.id === 'string' ? item.id : `${section}[${i}]`,
				errors
			);
			r.onlyKnown(['id', 'successor', 'note']);
			retired[section].push({
				id: r.string('id', { pattern: idPattern }),
				successor: r.string('successor', { optional: true, pattern: idPattern }) || null,
				note: r.string('note')
			});
		});
	}
	return retired;
}

/**
 * Cross-checks one list against the live ids: a retired id must not be live again or listed twice,
 * and its successor must be live. Returns the retired ids, so references to them can be refused.
 */
export function checkRetired(
	list: RetiredId[],
	live: Set<string>,
	what: string,
	errors: ContentError[]
): Set<string> {
	const seen = new Set<string>();
	for (const r of list) {
		if (seen.has(r.id)) errors.push(new ContentError(retiredPath, r.id, 'id', 'is listed twice'));
		seen.add(r.id);
		if (live.has(r.id))
			errors.push(
				new ContentError(retiredPath, r.id, 'id', `is retired but still used by a live ${what}`)
			);
		if (r.successor && !live.has(r.successor))
			errors.push(
				new ContentError(retiredPath, r.id, 'successor', `"${r.successor}" is not a live ${what}`)
			);
	}
	return seen;
}
