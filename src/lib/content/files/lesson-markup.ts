/**
 * The markup of a lesson's Markdown body, read with the Svelte compiler's own parser, so that a
 * tag is found where Svelte finds it: a `>` or a line break inside `phrase="…"` does not end it,
 * and a tag shown as `code` is not one. Markdown is not Svelte: code spans are blanked and a `<`
 * that opens no tag is read as text before parsing, as mdsvex does; positions stay the same.
 */
import { parse } from 'svelte/compiler';
import type { AST } from 'svelte/compiler';

export interface LessonTag {
	/** Component or element name: `Quote`, `Term`, `em`. */
	name: string;
	/** Attributes written as text (`id="p4.s2"`); attributes given as `{expressions}` are left out. */
	attributes: Record<string, string>;
	/** Where the tag starts and ends in the body; where its opening tag ends and closing tag starts. */
	start: number;
	end: number;
	openEnd: number;
	closeStart: number;
}

export interface LessonMarkup {
	/** Every element and component, in document order (nested ones after their parent). */
	tags: LessonTag[];
	/** Where the body's <script> blocks are. */
	scripts: { start: number; end: number }[];
	/** The parser's message when the markup is broken, and its line (then nothing else is read). */
	error?: { message: string; line?: number };
}

// Scripts are kept as they are; code spans and a "<" that opens no tag become spaces.
const masked = (body: string) =>
	body.replace(/(<script[\s\S]*?<\/script>)|`[^`]*`|<(?![A-Za-z/!])/g, (found, script) =>
		script ? found : found.replace(/[^\n]/g, ' ')
	);

type Node = AST.Fragment['nodes'][number];
const childKeys = ['fragment', 'consequent', 'alternate', 'body', 'fallback', 'pending', 'then'];

function attributesOf(node: AST.Component | AST.RegularElement): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const a of node.attributes) {
		if (a.type !== 'Attribute' || !Array.isArray(a.value)) continue;
		if (a.value.every((part) => part.type === 'Text'))
			attributes[a.name] = a.value.map((part) => part.data).join('');
	}
	return attributes;
}

function tagOf(node: AST.Component | AST.RegularElement, source: string): LessonTag {
	const last = node.attributes.at(-1);
	const openEnd = source.indexOf('>', last ? last.end : node.start + node.name.length) + 1;
	const closed = openEnd < node.end;
	return {
		name: node.name,
		attributes: attributesOf(node),
		start: node.start,
		end: node.end,
		openEnd,
		closeStart: closed ? source.lastIndexOf('</', node.end) : node.end
	};
}

function collect(nodes: Node[], source: string, tags: LessonTag[]): void {
	for (const node of nodes) {
		if (node.type === 'Component' || node.type === 'RegularElement') tags.push(tagOf(node, source));
		for (const key of childKeys) {
			const child = (node as unknown as Record<string, AST.Fragment | null | undefined>)[key];
			if (child?.nodes) collect(child.nodes, source, tags);
		}
	}
}

// The validator, the claims check and the reading grade each read every lesson: parse it once.
const recent = new Map<string, LessonMarkup>();

/** The tags and script blocks of a lesson body (the Markdown after its frontmatter). */
export function lessonMarkup(body: string): LessonMarkup {
	const known = recent.get(body);
	if (known) return known;
	let markup: LessonMarkup;
	try {
		const source = masked(body);
		const ast = parse(source, { modern: true });
		const tags: LessonTag[] = [];
		collect(ast.fragment.nodes, source, tags);
		const scripts = [ast.module, ast.instance].flatMap((s) =>
			s ? [{ start: s.start, end: s.end }] : []
		);
		markup = { tags, scripts };
	} catch (e) {
		const message = (e as Error).message.split('\n')[0];
		const line = (e as { start?: { line: number } }).start?.line;
		markup = { tags: [], scripts: [], error: { message, line } };
	}
	if (recent.size > 50) recent.clear();
	recent.set(body, markup);
	return markup;
}

/** The tags of one component, in order. */
export function tagsNamed(markup: LessonMarkup, name: string): LessonTag[] {
	return markup.tags.filter((t) => t.name === name);
}

/** Every <Quote id="…">, with its phrase="…" when it quotes only part of the sentence. */
export function quoteTags(markup: LessonMarkup): { id: string; phrase?: string }[] {
	return tagsNamed(markup, 'Quote').map(({ attributes: { id = '', phrase } }) => ({ id, phrase }));
}

/** Tags whose place the prose keeps a space for: what they show is checked elsewhere. */
const shownElsewhere = new Set(['Quote', 'Fact', 'LessonTimeline', 'LessonMap']);

/**
 * The body as prose: without script blocks and tags. A self-closing <Quote>, <Fact>, <LessonTimeline>
 * or <LessonMap> leaves a space (its words are checked against the source or facts.yaml); any
 * other tag goes and leaves the words inside it (`<Term id="t">the Sahel</Term>`: "the Sahel").
 */
export function withoutMarkup(body: string, markup: LessonMarkup): string {
	const cuts: { start: number; end: number; by: string }[] = markup.scripts.map((s) => ({
		...s,
		by: ''
	}));
	for (const tag of markup.tags) {
		const selfClosing = body.slice(tag.openEnd - 2, tag.openEnd) === '/>';
		if (selfClosing && shownElsewhere.has(tag.name)) cuts.push({ ...tag, by: ' ' });
		else {
			cuts.push({ start: tag.start, end: tag.openEnd, by: '' });
			if (tag.closeStart < tag.end) cuts.push({ start: tag.closeStart, end: tag.end, by: '' });
		}
	}
	let prose = body;
	for (const c of cuts.sort((a, b) => b.start - a.start))
		prose = prose.slice(0, c.start) + c.by + prose.slice(c.end);
	return prose;
}
