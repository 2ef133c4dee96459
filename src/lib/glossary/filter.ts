// The glossary's "Find a term" box, as one function on the page's markup: /glossary is served as
// plain HTML (csr = false) and this runs from the page's one small script; reached by a link
// inside the app, the page runs it after Svelte has drawn it. The markup it works on:
//   input#glossary-filter, .count (role=status), nav.letters, .entry (an h2, .short, .definition)
//   and .no-match (with a .no-match-query inside).

/** What the status line under the box says. */
export function countLabel(shown: number, total: number): string {
	return shown === total ? `Showing all ${shown} terms` : `${shown} of ${total} terms match`;
}

/** Whether an entry's words (headword, short and long definition) contain the query. */
export function matchesQuery(words: string, query: string): boolean {
	const q = query.trim().toLowerCase();
	return !q || words.toLowerCase().includes(q);
}

/** Wires the box under `root` to the entries; does nothing where there is no box. */
export function attachGlossaryFilter(root: ParentNode): void {
	const input = root.querySelector<HTMLInputElement>('#glossary-filter');
	if (!input || input.dataset.wired) return;
	input.dataset.wired = 'true';
	const entries = [...root.querySelectorAll<HTMLElement>('.entry')].map((el) => ({
		el,
		words: ['h2', '.short', '.definition']
			.map((s) => el.querySelector(s)?.textContent ?? '')
			.join(' ')
	}));
	const count = root.querySelector('.count');
	const letters = root.querySelector<HTMLElement>('nav.letters');
	const noMatch = root.querySelector<HTMLElement>('.no-match');
	const apply = () => {
		let shown = 0;
		for (const { el, words } of entries) {
			const match = matchesQuery(words, input.value);
			el.hidden = !match;
			if (match) shown++;
		}
		if (count) count.textContent = countLabel(shown, entries.length);
		if (letters) letters.hidden = input.value !== '';
		if (noMatch) {
			noMatch.hidden = shown > 0;
			const query = noMatch.querySelector('.no-match-query');
			if (query) query.textContent = input.value;
		}
	};
	input.addEventListener('input', apply);
	// A learner may have typed before the script arrived.
	if (input.value) apply();
}
