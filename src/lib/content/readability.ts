/**
 * Reading grade of a lesson's prose (Flesch–Kincaid grade level), so the content report can show
 * whether each lesson still suits a clear reader of 15 (about grade 9–10). Pure and approximate:
 * syllables are counted by a rule of thumb, as every readability tool does.
 */
import { lessonProse } from './accuracy';

/** Abbreviations whose full stop does not end a sentence. */
const abbreviations = /\b(U\.S|U\.N|e\.g|i\.e|arts?|Mr|Mrs|Ms|Dr|vs)\.(?=\s+\S)/g;

/** Syllables of one word, by vowel groups with the usual English corrections. */
export function countSyllables(word: string): number {
	if (/\d/.test(word)) return word.replace(/\D/g, '').length; // "2014" is read as four syllables
	let w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (!w) return 0;
	if (w.length <= 3) return 1;
	w = w
		.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (end) => end[0]) // silent -e, -es, -ed
		.replace(/^y/, '');
	const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
	return Math.max(1, groups);
}

/** The words of a text: runs of letters, digits, apostrophes and hyphens ("Daesh/ISIS" is two). */
export function words(text: string): string[] {
	return text.match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? [];
}

/**
 * The sentences of a prose text. Sentences end at . ! ? (not at the dot of "U.S." or "e.g."), and
 * a list item or paragraph where its block ends. Headings are left out: they are not prose, and
 * their few words would make the text look easier than it reads.
 */
export function sentences(text: string): string[] {
	const blocks: string[] = [];
	let block: string[] = [];
	const end = () => {
		if (block.length) blocks.push(block.join(' '));
		block = [];
	};
	for (const line of text.replace(abbreviations, (m) => m.replace(/\./g, '')).split('\n')) {
		if (/^\s*#/.test(line)) {
			end();
			continue;
		}
		if (!line.trim() || /^\s*([-*>]|\d+\.)\s/.test(line)) end();
		block.push(line.replace(/^\s*([-*>]|\d+\.)\s+/, ''));
	}
	end();
	return blocks.flatMap((b) =>
		b
			.replace(/\s+/g, ' ')
			.split(/(?<=[.!?]["”’)]*)\s+/)
			.map((s) => s.trim())
			.filter((s) => words(s).length > 0)
	);
}

/** Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function fleschKincaidGrade(text: string): number {
	const list = sentences(text);
	const all = list.flatMap(words);
	if (!all.length) return 0;
	const syllables = all.reduce((n, w) => n + countSyllables(w), 0);
	return 0.39 * (all.length / list.length) + 11.8 * (syllables / all.length) - 15.59;
}

/**
 * A lesson's prose as the reading grade measures it: without frontmatter, script, component tags,
 * the communique's own words (<Quote> tags, block quotes) and Markdown marks.
 */
export function readingProse(markdown: string): string {
	return lessonProse(markdown)
		.replace(/^\s*>.*$/gm, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_]{1,3}([^*_\n]+)[*_]{1,3}/g, '$1')
		.replace(/^\s*\|.*\|\s*$/gm, '');
}

/** The reading grade of a lesson file, rounded to one decimal. */
export function lessonReadingGrade(markdown: string): number {
	return Math.round(fleschKincaidGrade(readingProse(markdown)) * 10) / 10;
}
