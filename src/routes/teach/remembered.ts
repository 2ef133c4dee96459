/**
 * The assignments this browser created, so a teacher can find their dashboards again. Kept in
 * localStorage only: the server has no accounts and does not know who the teacher is.
 */
export interface Remembered {
	code: string;
	title: string;
	/** The secret in the private dashboard link, `/teach/<token>`. */
	token: string;
	createdAt: string;
}

const key = 'course.teach.assignments.v1';

export function loadRemembered(): Remembered[] {
	try {
		const list = JSON.parse(localStorage.getItem(key) ?? '[]');
		return Array.isArray(list)
			? list.filter((r) => typeof r?.code === 'string' && typeof r?.token === 'string')
			: [];
	} catch {
		return [];
	}
}

export function remember(r: Remembered): void {
	const list = loadRemembered().filter((x) => x.code !== r.code);
	localStorage.setItem(key, JSON.stringify([r, ...list]));
}

export function forget(code: string): void {
	localStorage.setItem(key, JSON.stringify(loadRemembered().filter((x) => x.code !== code)));
}
