/**
 * Reads records of lessons/ through their valibot schema and turns each issue into a ContentError
 * naming the file, the record's id and the field. Every problem is reported, not the first: a
 * field that fails gets an empty value ('' / NaN / [] / false) and a bad list item is left out,
 * so that the cross-reference checks still run on the rest of the record.
 */
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { ContentError } from '../errors';
import { describe, isRecord } from './schema';

/** An object schema, maybe piped (`v.pipe(record({...}), v.transform(...))`). */
type RecordSchema = v.GenericSchema & { readonly entries: v.ObjectEntries };
type Issue = v.BaseIssue<unknown>;
type Walkable = { entries?: v.ObjectEntries; item?: Walkable; wrapped?: Walkable; type: string };

export function loadYaml(raw: string, file: string, errors: ContentError[]): unknown {
	try {
		return parseYaml(raw);
	} catch (e) {
		errors.push(new ContentError(file, null, 'YAML', (e as Error).message.split('\n')[0]));
		return undefined;
	}
}

/** The field an issue is about, as the author writes it: `options[1].place`, `feedback.correct`. */
export function fieldOf(issue: Issue): string {
	return (issue.path ?? [])
		.map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : i ? `.${p.key}` : `${p.key}`))
		.join('');
}

/** The schema of a record's field (or of a list's item), through optional wrappers. */
function inner(schema: Walkable | undefined, key: unknown): Walkable | undefined {
	while (schema?.wrapped) schema = schema.wrapped;
	const next = typeof key === 'number' ? schema?.item : schema?.entries?.[String(key)];
	return next as Walkable | undefined;
}

/**
 * What an issue says to an author. A field left out is described the way its own schema
 * describes nothing there ("is missing", "must be true or false"), not as a missing key.
 */
export function describeIssue(
	issue: Issue,
	root: Walkable | null,
	file: string,
	id: string | null
): ContentError {
	let problem = issue.message;
	if (root && issue.kind === 'schema' && issue.input === undefined && issue.path?.length) {
		const field = issue.path.reduce<Walkable | undefined>((s, p) => inner(s, p.key), root);
		const own = field && v.safeParse(field as v.GenericSchema, undefined).issues?.[0]?.message;
		if (own) problem = own;
	}
	return new ContentError(file, id, fieldOf(issue), problem);
}

/** Fields the schema does not know are almost always typos: name them. */
export function unknownFields(
	value: Record<string, unknown>,
	known: readonly string[],
	file: string,
	id: string | null
): ContentError[] {
	return Object.keys(value)
		.filter((key) => !known.includes(key))
		.map(
			(key) =>
				new ContentError(
					file,
					id,
					key,
					`is not a known field (expected one of: ${known.join(', ')})`
				)
		);
}

function emptyOf(schema: Walkable | undefined): unknown {
	while (schema?.wrapped) schema = schema.wrapped;
	if (!schema) return undefined;
	if (schema.entries)
		return Object.fromEntries(
			Object.entries(schema.entries).map(([key, s]) => [key, emptyOf(s as Walkable)])
		);
	return { string: '', number: NaN, array: [], boolean: false }[schema.type];
}

/** Empties each field whose value is of the wrong kind; leaves out each list item that failed. */
function repair(output: unknown, issues: Issue[], root: Walkable): void {
	const dropped = new Map<unknown[], Set<number>>();
	for (const issue of issues) {
		const path = issue.path ?? [];
		let value = output;
		let schema: Walkable | undefined = root;
		for (const [i, { key }] of path.entries()) {
			const field = inner(schema, key);
			if (i === path.length - 1) {
				if (Array.isArray(value)) dropped.set(value, (dropped.get(value) ?? new Set()).add(+key!));
				else if (isRecord(value) && issue.kind === 'schema') value[String(key)] = emptyOf(field);
			}
			value = (value as Record<string, unknown> | undefined)?.[key as string];
			schema = field;
		}
	}
	for (const [list, items] of dropped)
		for (const i of [...items].sort((a, b) => b - a)) list.splice(i, 1);
}

interface RecordRules {
	/** Fields whose problems come before those of unknown fields (an item's id). */
	leading?: string[];
	/** The fields the record may have (the schema's by default; false: not checked here). */
	known?: readonly string[] | false;
}

/**
 * One record (a YAML item, a lesson's frontmatter): its problems, unknown fields first (after
 * those of the `leading` fields), and its value, repaired where it failed.
 */
export function readRecord<S extends RecordSchema>(
	schema: S,
	value: Record<string, unknown>,
	file: string,
	id: string | null,
	errors: ContentError[],
	{ leading = [], known = Object.keys(schema.entries) }: RecordRules = {}
): v.InferOutput<S> {
	const result = v.safeParse(schema, value);
	const issues = result.issues ?? [];
	const first = (issue: Issue) => leading.includes(String(issue.path?.[0]?.key));
	const described = (issue: Issue) => describeIssue(issue, schema as Walkable, file, id);
	errors.push(
		...issues.filter(first).map(described),
		...(known ? unknownFields(value, known, file, id) : []),
		...issues.filter((issue) => !first(issue)).map(described)
	);
	if (!result.success) repair(result.output, issues, schema as Walkable);
	return result.output as v.InferOutput<S>;
}

/**
 * Each record of a YAML list, read with `schema` (and `more`, for what a record holds beyond its
 * own fields). A record's errors name its id, or its place in the list (`terms[3]`) when it has
 * none; its `id` is that name too, so that later checks name it the same way.
 */
export function readItems<S extends RecordSchema, M extends object = object>(
	schema: S,
	value: unknown,
	file: string,
	field: string,
	errors: ContentError[],
	rules: RecordRules & {
		more?: (item: Record<string, unknown>, id: string, read: v.InferOutput<S>) => M;
	} = {}
): (v.InferOutput<S> & M)[] {
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
		const read = readRecord(schema, item, file, id, errors, { leading: ['id'], ...rules });
		return [
			{ ...(read as object), id, ...(rules.more?.(item, id, read) as M) }
		] as (v.InferOutput<S> & M)[];
	});
}
