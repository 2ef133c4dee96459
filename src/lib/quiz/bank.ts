import { asset } from '$app/paths';
import type { QuizData } from '$lib/content';

let loading: Promise<QuizData> | null = null;

/**
 * The whole question bank, fetched once per page load from the static `/bank.json` (the service
 * worker keeps it for offline use), instead of inlined in every page that practises.
 */
export function loadBank(): Promise<QuizData> {
	loading ??= fetch(asset('/bank.json')).then((response) => {
		if (!response.ok) throw new Error(`The questions could not be loaded (${response.status}).`);
		return response.json() as Promise<QuizData>;
	});
	loading.catch(() => (loading = null));
	return loading;
}

/** The bank's questions with these ids, in the order given. */
export function questionsById(bank: QuizData, ids: string[]): QuizData['questions'] {
	const byId = new Map(bank.questions.map((q) => [q.id, q]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}
