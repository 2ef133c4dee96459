import { ContentError } from './errors';

/**
 * Reads the fields of one record (a YAML item or a lesson's frontmatter) and records every
 * problem with the file, the record's id and the field, instead of stopping at the first.
 */
export class FieldReader {
	constructor(
		private readonly record: Record<string, unknown>,
		readonly file: string,
		readonly id: string | null,
		private readonly errors: ContentError[]
	) {}

	fail(field: string, problem: string): void {
		this.errors.push(new ContentError(this.file, this.id, field, problem));
	}

	/** A nested value, read by the caller's own schema. */
	raw(field: string): unknown {
		return this.record[field];
	}

	has(field: string): boolean {
		return this.record[field] !== undefined && this.record[field] !== null;
	}

	string(field: string, opts: { optional?: boolean; pattern?: RegExp; max?: number } = {}): string {
		const value = this.record[field];
		if (value === undefined || value === null) {
			if (!opts.optional) this.fail(field, 'is missing');
			return '';
		}
		if (typeof value !== 'string') {
			this.fail(field, `must be text, got ${describe(value)}`);
			return '';
		}
		const text = value.trim();
		if (!text && !opts.optional) this.fail(field, 'is empty');
		if (text && opts.pattern && !opts.pattern.test(text))
			this.fail(field, `"${text}" does not match ${opts.pattern}`);
		if (opts.max && text.length > opts.max)
			this.fail(field, `is ${text.length} characters long; at most ${opts.max}`);
		return text;
	}

	number(field: string, opts: { integer?: boolean; min?: number; max?: number } = {}): number {
		const value = this.record[field];
		if (typeof value !== 'number' || Number.isNaN(value)) {
			this.fail(
				field,
				value === undefined ? 'is missing' : `must be a number, got ${describe(value)}`
			);
			return NaN;
		}
		if (opts.integer && !Number.isInteger(value))
			this.fail(field, `must be a whole number, got ${value}`);
		if (opts.min !== undefined && value < opts.min)
			this.fail(field, `must be at least ${opts.min}, got ${value}`);
		if (opts.max !== undefined && value > opts.max)
			this.fail(field, `must be at most ${opts.max}, got ${value}`);
		return value;
	}

	/** An ISO date. YAML reads an unquoted 2014-06-10 as a Date: take it back to its ISO day. */
	isoDate(field: string, precision: 'day' | 'month'): string {
		const value = this.record[field];
		const date = value instanceof Date ? value.toISOString().slice(0, 10) : this.string(field);
		const pattern =
			precision === 'month'
				? /^\d{4}-(0[1-9]|1[0-2])$/
				: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
		if (date && !pattern.test(date))
			this.fail(field, `"${date}" does not fit precision "${precision}"`);
		return date;
	}

	boolean(field: string): boolean {
		const value = this.record[field];
		if (value === undefined) return false;
		if (typeof value !== 'boolean')
			this.fail(field, `must be true or false, got ${describe(value)}`);
		return value === true;
	}

	oneOf<T extends string>(field: string, allowed: readonly T[]): T {
		const value = this.string(field);
		if (value && !allowed.includes(value as T))
			this.fail(field, `"${value}" is not one of: ${allowed.join(', ')}`);
		return value as T;
	}

	strings(
		field: string,
		opts: { optional?: boolean; nonEmpty?: boolean; pattern?: RegExp } = {}
	): string[] {
		const value = this.record[field];
		if (value === undefined || value === null) {
			if (!opts.optional) this.fail(field, 'is missing');
			return [];
		}
		if (!Array.isArray(value)) {
			this.fail(field, `must be a list, got ${describe(value)}`);
			return [];
		}
		if (opts.nonEmpty && value.length === 0) this.fail(field, 'must list at least one item');
		const out: string[] = [];
		value.forEach((item, i) => {
			if (typeof item !== 'string' || !item.trim()) {
				this.fail(`${field}[${i}]`, `must be non-empty text, got ${describe(item)}`);
			} else if (opts.pattern && !opts.pattern.test(item.trim())) {
				this.fail(`${field}[${i}]`, `"${item}" does not match ${opts.pattern}`);
			} else out.push(item.trim());
		});
		return out;
	}

	/** Fields the schema does not know are almost always typos: name them. */
	onlyKnown(known: readonly string[]): void {
		for (const key of Object.keys(this.record)) {
			if (!known.includes(key))
				this.fail(key, `is not a known field (expected one of: ${known.join(', ')})`);
		}
	}
}

export function describe(value: unknown): string {
	if (value === null) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	return `${typeof value} ${JSON.stringify(value)}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
