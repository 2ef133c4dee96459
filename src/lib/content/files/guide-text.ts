/**
 * The text of a teacher's guide: plain prose with the lessons' own tags, read with the same
 * Svelte parser (lesson-markup.ts). Paragraphs are separated by a blank line. Inside a paragraph:
 * `<Quote id="p5.s2" phrase="…" />` (part of a sentence, checked verbatim), `<Term id="…">words</Term>`
 * and `*emphasis*`. On a line of its own: `<Quote id="p5.s2" />` (the whole sentence) and
 * `<Fact id="…" />` (a context box with its source). Nothing else: no other tag, no nesting.
 */
import { lessonMarkup } from './lesson-markup';

export type GuideInline =
	| { kind: 'text'; text: string; em?: true }
	| { kind: 'quote'; id: string; phrase: string }
	| { kind: 'term'; id: string; words: string };

export type GuideBlock =
	| { kind: 'p'; parts: GuideInline[] }
	| { kind: 'quote'; id: string }
	| { kind: 'fact'; id: string };

/** A text of a guide, as its page draws it. */
export type GuideText = GuideBlock[];

const allowed = ['Quote', 'Term', 'Fact'];

/** Plain text with `*emphasis*` marked. */
function textParts(text: string): GuideInline[] {
	const parts: GuideInline[] = [];
	let at = 0;
	for (const m of text.matchAll(/\*([^*\n]+)\*/g)) {
		if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
		parts.push({ kind: 'text', text: m[1], em: true });
		at = m.index + m[0].length;
	}
	if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
	return parts;
}

function paragraph(raw: string, problems: string[]): GuideBlock | null {
	const source = raw.replace(/\s+/g, ' ').trim();
	if (!source) return null;
	const markup = lessonMarkup(source);
	if (markup.error) {
		problems.push(`cannot be read: ${markup.error.message}`);
		return null;
	}
	const tags = markup.tags;
	for (const t of tags) {
		if (!allowed.includes(t.name))
			problems.push(`<${t.name}> is not allowed here (only <Quote>, <Term> and <Fact>)`);
		else if (!t.attributes.id) problems.push(`<${t.name}> needs an id="…"`);
	}
	if (tags.some((t, i) => i > 0 && t.start < tags[i - 1].end))
		problems.push('a tag inside another tag is not allowed');
	if (problems.length) return null;

	// A whole sentence or a fact box stands alone, as a block of its own.
	const [only] = tags;
	const alone = tags.length === 1 && only.start === 0 && only.end === source.length;
	if (alone && only.name === 'Fact') return { kind: 'fact', id: only.attributes.id };
	if (alone && only.name === 'Quote' && only.attributes.phrase === undefined)
		return { kind: 'quote', id: only.attributes.id };

	const parts: GuideInline[] = [];
	let at = 0;
	for (const t of tags) {
		if (t.name === 'Fact' || (t.name === 'Quote' && t.attributes.phrase === undefined)) {
			problems.push(
				`<${t.name} id="${t.attributes.id}" /> must be on a line of its own, with a blank line before and after`
			);
			continue;
		}
		parts.push(...textParts(source.slice(at, t.start)));
		if (t.name === 'Quote')
			parts.push({ kind: 'quote', id: t.attributes.id, phrase: t.attributes.phrase! });
		else
			parts.push({
				kind: 'term',
				id: t.attributes.id,
				words: source.slice(t.openEnd, t.closeStart).trim()
			});
		at = t.end;
	}
	parts.push(...textParts(source.slice(at)));
	return { kind: 'p', parts };
}

/** A guide's text as blocks, or the problems that stop it being read (each a sentence for the author). */
export function parseGuideText(raw: string): { blocks: GuideText; problems: string[] } {
	const problems: string[] = [];
	const blocks = raw
		.split(/\n\s*\n/)
		.map((p) => paragraph(p, problems))
		.filter((b): b is GuideBlock => b !== null);
	return { blocks, problems: [...new Set(problems)] };
}

/** What a guide text says in its own words: quotes and fact boxes left out (they are checked apart). */
export function guideProse(blocks: GuideText): string {
	return blocks
		.map((b) =>
			b.kind === 'p'
				? b.parts
						.map((p) => (p.kind === 'text' ? p.text : p.kind === 'term' ? p.words : ' '))
						.join('')
				: ' '
		)
		.join('\n\n');
}

/** Every tag a guide text uses: its quotes (with phrase, or whole), terms and facts. */
export function guideRefs(blocks: GuideText) {
	const quotes: { id: string; phrase?: string }[] = [];
	const terms: string[] = [];
	const facts: string[] = [];
	for (const b of blocks) {
		if (b.kind === 'quote') quotes.push({ id: b.id });
		else if (b.kind === 'fact') facts.push(b.id);
		else
			for (const p of b.parts) {
				if (p.kind === 'quote') quotes.push({ id: p.id, phrase: p.phrase });
				if (p.kind === 'term') terms.push(p.id);
			}
	}
	return { quotes, terms, facts };
}
