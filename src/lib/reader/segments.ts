import type { GlossaryTerm, Sentence } from '$lib/content';

/** `trail`: punctuation right after a term, drawn with it so a line never starts with it. */
export type Segment = { text: string; term?: string; trail?: string };

/**
 * Splits each sentence into plain text and glossary-term segments. Each term is marked once,
 * at the first place in the text where one of its phrases occurs (marking every "Daesh/ISIS"
 * would bury the text). Where two phrases overlap, the one found first in the text wins, and
 * at the same spot the longer one. Joining a sentence's segments gives back the sentence.
 */
export function markTerms(sentences: Sentence[], terms: GlossaryTerm[]): Map<string, Segment[]> {
	const marks = new Map<string, { start: number; end: number; term: string }[]>();
	const pending = new Set(terms.map((t) => t.id));

	for (const s of sentences) {
		const found = terms
			.filter((t) => pending.has(t.id))
			.flatMap((t) =>
				t.matches.flatMap((m) =>
					occurrences(s.text, m).map((start) => ({ start, end: start + m.length, term: t.id }))
				)
			)
			.sort((a, b) => a.start - b.start || b.end - a.end);
		const chosen: { start: number; end: number; term: string }[] = [];
		for (const m of found) {
			if (!pending.has(m.term)) continue;
			if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue;
			chosen.push(m);
			pending.delete(m.term);
		}
		marks.set(
			s.id,
			chosen.sort((a, b) => a.start - b.start)
		);
	}

	const out = new Map<string, Segment[]>();
	for (const s of sentences) {
		const segments: Segment[] = [];
		let at = 0;
		for (const m of marks.get(s.id) ?? []) {
			if (m.start > at) segments.push({ text: s.text.slice(at, m.start) });
			segments.push({ text: s.text.slice(m.start, m.end), term: m.term });
			at = m.end;
		}
		if (at < s.text.length) segments.push({ text: s.text.slice(at) });
		out.set(s.id, attachTrailingPunctuation(segments));
	}
	return out;
}

function attachTrailingPunctuation(segments: Segment[]): Segment[] {
	const out: Segment[] = [];
	for (const seg of segments) {
		const previous = out[out.length - 1];
		const trail = /^[.,;:!?'’)\]]+/.exec(seg.text)?.[0];
		if (previous?.term && !seg.term && trail) {
			previous.trail = trail;
			if (seg.text.length > trail.length) out.push({ text: seg.text.slice(trail.length) });
		} else out.push({ ...seg });
	}
	return out;
}

function occurrences(text: string, phrase: string): number[] {
	const found: number[] = [];
	for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) found.push(at);
	return found;
}
