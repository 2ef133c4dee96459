import { ContentError } from './errors';
import type { Paragraph, Sentence, SentenceId, SourceText } from './types';

export const sentenceIdPattern = /^p[1-9]\d*\.s[1-9]\d*$/;
export const paragraphIdPattern = /^p[1-9]\d*$/;

/**
 * Parses lessons/source/communique.txt: "key: value" header lines, then "[pN]" paragraph
 * markers each followed by one sentence per line. Comment lines start with "#".
 * Sentence boundaries are authored, never guessed ("U.S." and "Michael R." defeat splitters).
 */
export function parseSourceText(raw: string, file: string, errors: ContentError[]): SourceText {
	const header: Record<string, string> = {};
	const paragraphs: Paragraph[] = [];
	let current: Paragraph | null = null;

	raw
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.forEach((line, i) => {
			const where = `line ${i + 1}`;
			if (line.startsWith('#') || !line.trim()) return;
			const marker = /^\[p(\d+)\]\s*$/.exec(line);
			if (marker) {
				const number = Number(marker[1]);
				if (number !== paragraphs.length + 1) {
					errors.push(
						new ContentError(
							file,
							`p${number}`,
							where,
							`expected paragraph p${paragraphs.length + 1} next`
						)
					);
				}
				current = { id: `p${number}`, number, sentences: [] };
				paragraphs.push(current);
				return;
			}
			if (!current) {
				const kv = /^([a-z]+):\s*(.+)$/.exec(line);
				if (kv) header[kv[1]] = kv[2].trim();
				else
					errors.push(
						new ContentError(file, null, where, `expected "key: value" or "[p1]", got "${line}"`)
					);
				return;
			}
			const p: Paragraph = current;
			if (line !== line.trim()) {
				errors.push(
					new ContentError(
						file,
						`p${p.number}.s${p.sentences.length + 1}`,
						where,
						'has leading or trailing spaces'
					)
				);
			}
			const sentence: Sentence = {
				id: `p${p.number}.s${p.sentences.length + 1}` as SentenceId,
				paragraph: p.number,
				index: p.sentences.length + 1,
				text: line.trim()
			};
			p.sentences.push(sentence);
		});

	for (const key of ['title', 'date', 'hosts', 'publisher']) {
		if (!header[key]) errors.push(new ContentError(file, null, key, 'is missing from the header'));
	}
	if (header.date && !/^\d{4}-\d{2}-\d{2}$/.test(header.date)) {
		errors.push(
			new ContentError(file, null, 'date', `"${header.date}" is not an ISO date (YYYY-MM-DD)`)
		);
	}
	if (paragraphs.length === 0)
		errors.push(new ContentError(file, null, 'paragraphs', 'none found'));
	for (const p of paragraphs) {
		if (p.sentences.length === 0)
			errors.push(new ContentError(file, p.id, 'sentences', 'paragraph has no sentences'));
	}

	return {
		title: header.title ?? '',
		date: header.date ?? '',
		hosts: (header.hosts ?? '')
			.split(';')
			.map((h) => h.trim())
			.filter(Boolean),
		publisher: header.publisher ?? '',
		paragraphs
	};
}

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
