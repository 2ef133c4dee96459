/**
 * lessons/source/communique.txt: "key: value" header lines, then "[pN]" paragraph markers each
 * followed by one sentence per line. Comment lines start with "#". Sentence boundaries are
 * authored, never guessed ("U.S." and "Michael R." defeat splitters).
 */
import * as v from 'valibot';
import { ContentError } from '../errors';
import { describeIssue } from './read';

export type SentenceId = `p${number}.s${number}`;

export interface Sentence {
	id: SentenceId;
	paragraph: number;
	index: number;
	text: string;
}

export interface Paragraph {
	id: `p${number}`;
	number: number;
	sentences: Sentence[];
}

const headerField = v.pipe(
	v.string(),
	v.trim(),
	v.check((t) => t !== '', 'is missing from the header')
);

const hosts = (list: string) =>
	list
		.split(';')
		.map((h) => h.trim())
		.filter(Boolean);

/** The header: what the text is, when it was issued, by whom, and who published it. */
const headerSchema = v.pipe(
	v.object(
		{
			title: headerField,
			date: headerField,
			hosts: v.pipe(headerField, v.transform(hosts)),
			publisher: headerField
		},
		'is missing from the header'
	),
	v.forward(
		v.partialCheck(
			[['date']],
			(header) => /^\d{4}-\d{2}-\d{2}$/.test(header.date),
			(issue) => `"${issue.input.date}" is not an ISO date (YYYY-MM-DD)`
		),
		['date']
	)
);

export type SourceText = v.InferOutput<typeof headerSchema> & { paragraphs: Paragraph[] };

/** Reads the source text, recording every problem with its line or field. */
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
			const id = `p${p.number}.s${p.sentences.length + 1}` as SentenceId;
			if (line !== line.trim())
				errors.push(new ContentError(file, id, where, 'has leading or trailing spaces'));
			p.sentences.push({
				id,
				paragraph: p.number,
				index: p.sentences.length + 1,
				text: line.trim()
			});
		});

	const result = v.safeParse(headerSchema, header);
	for (const issue of result.issues ?? []) errors.push(describeIssue(issue, null, file, null));
	if (paragraphs.length === 0)
		errors.push(new ContentError(file, null, 'paragraphs', 'none found'));
	for (const p of paragraphs) {
		if (p.sentences.length === 0)
			errors.push(new ContentError(file, p.id, 'sentences', 'paragraph has no sentences'));
	}

	const { title = '', date = '', publisher = '' } = header;
	const read = result.success
		? result.output
		: { title, date, hosts: hosts(header.hosts ?? ''), publisher };
	return { ...read, paragraphs };
}
