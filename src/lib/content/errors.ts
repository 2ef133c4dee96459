/** A content problem, always naming the file, the id (where there is one) and the field. */
export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly id: string | null,
		readonly field: string,
		readonly problem: string
	) {
		super(`${file}${id ? ` [${id}]` : ''} ${field}: ${problem}`);
		this.name = 'ContentError';
	}
}

/** Many problems at once, so an author fixes them in one pass. */
export class ContentErrors extends Error {
	constructor(readonly errors: ContentError[]) {
		super(
			`The course content in lessons/ has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n` +
				errors.map((e) => `  - ${e.message}`).join('\n')
		);
		this.name = 'ContentErrors';
	}
}
