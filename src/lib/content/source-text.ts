import type { SourceText } from './types';

export { parseSourceText } from './files/source';
export { paragraphIdPattern, sentenceIdPattern } from './files/schema';

/** The body as published: sentences joined by a space, paragraphs by a blank line. */
export function joinBody(source: SourceText): string {
	return source.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' ')).join('\n\n');
}

/** The text between "Begin text:" and "End text" of a published communique file. */
export function extractBody(published: string): string {
	const text = published.replace(/\r\n?/g, '\n');
	const start = text.indexOf('Begin text:');
	const end = text.indexOf('End text');
	if (start < 0 || end < 0)
		throw new Error('The published text has no "Begin text:" … "End text" markers');
	return text.slice(start + 'Begin text:'.length, end).trim();
}
