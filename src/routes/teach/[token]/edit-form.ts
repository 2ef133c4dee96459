/**
 * The dashboard's edit forms without JavaScript (and with it: the same fields): their fields as
 * the body of `PATCH /api/assignments/<code>`, and the API's messages in the form's words with
 * the id of the field to focus.
 */

/** Which form sent the fields: the settings, or the class list. */
export type EditSection = 'settings' | 'class-list';

/** The edit body from the form's fields: only what that form holds. */
export function editBody(form: FormData): Record<string, unknown> {
	const text = (key: string) => {
		const value = form.get(key);
		return typeof value === 'string' ? value : '';
	};
	const number = (key: string) => (text(key).trim() === '' ? NaN : Number(text(key)));
	// Not `classList`: a form field of that name would hide the form element's own classList.
	if (text('section') === 'class-list') return { classList: text('names') };
	const due = text('due').trim();
	return {
		title: text('title'),
		// A datetime-local value has no zone: with JavaScript the page sends it as an instant;
		// without, it is read as UTC (the form says so).
		dueAt: due ? (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(due) ? `${due}:00Z` : due) : null,
		acceptLate: form.get('acceptLate') === 'on',
		attempts: number('attempts'),
		reveal: text('reveal') || 'immediately',
		maxStudents: number('maxStudents')
	};
}

const fields: [string, string, string][] = [
	['title', 'edit-title', 'Title'],
	['dueAt', 'edit-due', 'Due date'],
	['acceptLate', 'edit-late', 'Late work'],
	['attempts', 'edit-attempts', 'Attempts'],
	['reveal', 'edit-reveal-immediately', 'Answers shown'],
	['maxStudents', 'edit-max', 'Most students'],
	['classList', 'class-list', 'Class list'],
	['questionIds', 'edit-error', 'Questions']
];

/** An API message in the form's words, and the id of the field it names (the error box when none). */
export function editRefusal(
	message: string,
	section: EditSection
): { message: string; field: string } {
	const hit = fields.find(([key]) => message.startsWith(`${key}: `));
	if (!hit) return { message, field: section === 'class-list' ? 'class-list' : 'edit-error' };
	const [key, field, words] = hit;
	return { message: `${words}: ${message.slice(key.length + 2)}`, field };
}
