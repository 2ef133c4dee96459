import { createContext } from 'svelte';
import type { FactCard, VizData } from '$lib/content';

/** The slice of the course a page needs to draw quotes, terms and fact callouts. */
export interface TextContext {
	sentences: Record<string, string>;
	/** `sensitive`: the term's pop-up shows a content note first. */
	terms: Record<string, { term: string; short: string; sensitive?: boolean }>;
	facts: Record<string, FactCard>;
	/** Timeline and map data, only on lessons that show them. */
	viz?: VizData | null;
}

export const [getTextContext, setTextContext] = createContext<TextContext>();

/**
 * Gives the components below a page its text context, kept current as the page's data changes
 * (a learner moving to the next lesson): `read` is called again on every use.
 */
export function shareTextContext(read: () => TextContext): void {
	setTextContext({
		get sentences() {
			return read().sentences;
		},
		get terms() {
			return read().terms;
		},
		get facts() {
			return read().facts;
		},
		get viz() {
			return read().viz;
		}
	});
}
