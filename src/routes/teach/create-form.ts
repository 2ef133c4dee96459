/**
 * The create form without JavaScript: its fields as the body of `POST /api/assignments`, and the
 * API's messages in the form's words with the field to focus. (With JavaScript the page sends
 * the same body, built from its draft, in one field called `body`.)
 */

/** The API body from the form's own fields (names as in +page.svelte). */
export function bodyFromForm(form: FormData): Record<string, unknown> {
	const text = (key: string) => {
		const value = form.get(key);
		return typeof value === 'string' ? value : '';
	};
	const number = (key: string) => (text(key).trim() === '' ? NaN : Number(text(key)));
	const due = text('due').trim();
	return {
		title: text('title'),
		questionIds: form.getAll('questionIds').filter((v) => typeof v === 'string'),
		count: text('mode') === 'random' ? number('count') : null,
		shuffle: form.get('shuffle') === 'on',
		attempts: number('attempts'),
		// A datetime-local value has no zone; without JavaScript to ask the browser, it is read as UTC
		// (the form says so, and the dashboard shows the zone).
		dueAt: due ? (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(due) ? `${due}:00Z` : due) : null,
		reveal: text('reveal') || 'immediately'
	};
}

/** The body the page built (JSON in the field `body`), or the form's fields. */
export function createBody(form: FormData): unknown {
	const body = form.get('body');
	if (typeof body !== 'string') return bodyFromForm(form);
	try {
		return JSON.parse(body);
	} catch {
		return bodyFromForm(form);
	}
}

/** An API message in the form's words: `questions[1].prompt: …` → `Your question 2, prompt: …`. */
export function friendlyError(message: string): string {
	return message
		.replace(/^questions\[(\d+)\]\.?/, (_, i) => `Your question ${Number(i) + 1}, `)
		.replace(/, :/, ':')
		.replace(/^questionIds: /, 'Questions: ')
		.replace(/^dueAt: /, 'Due date: ')
		.replace(/^count: /, 'Questions per student: ')
		.replace(/^title: /, 'Title: ')
		.replace(/^attempts: /, 'Attempts: ')
		.replace(/^reveal: /, 'Answers shown: ');
}

/** The id of the field a friendly message names, to focus it (the error box when none). */
export function fieldFor(message: string): string {
	const own = /^Your question (\d+)/.exec(message);
	if (own) return `own-${own[1]}`;
	const fields: [string, string][] = [
		['Title:', 'title'],
		['Questions per student:', 'count'],
		['Questions:', 'questions-h'],
		['Attempts:', 'attempts'],
		['Due date:', 'due'],
		['Answers shown:', 'reveal-immediately']
	];
	return fields.find(([prefix]) => message.startsWith(prefix))?.[1] ?? 'form-error';
}
