/**
 * Item-writing rules for the question bank (Haladyna, Downing & Rodriguez 2002, "A review of
 * multiple-choice item-writing guidelines"): cues that let a student who has not read the text
 * pick the key anyway. Pure functions of the questions, tested with tables.
 */
import type { ChoiceOption, Question } from './types';

type Choice = Extract<Question, { type: 'single' | 'multiple' }>;
type TrueFalse = Extract<Question, { type: 'truefalse' }>;

export const isChoice = (q: Question): q is Choice => q.type === 'single' || q.type === 'multiple';
export const isTrueFalse = (q: Question): q is TrueFalse => q.type === 'truefalse';

/** At most this share of choice questions may have the key as their longest option. */
export const maxKeyLongestShare = 1 / 3;
/** The share of true/false statements that are true must lie in this range. */
export const trueShareRange = [0.4, 0.6] as const;

/**
 * Whether the longest option is a key. Length is counted in characters of the option's text; when
 * two or more options share the greatest length, length says nothing and this is false.
 */
export function keyIsLongest(options: Pick<ChoiceOption, 'text' | 'correct'>[]): boolean {
	const lengths = options.map((o) => o.text.trim().length);
	const max = Math.max(...lengths);
	const longest = options.filter((_, i) => lengths[i] === max);
	return longest.length === 1 && longest[0].correct;
}

export interface Share {
	count: number;
	total: number;
	/** count ÷ total, or 0 when there is nothing to count. */
	share: number;
}

const share = (count: number, total: number): Share => ({
	count,
	total,
	share: total ? count / total : 0
});

/** Among single and multiple choice questions, how many have the key as the longest option. */
export function keyLongestShare(questions: Question[]): Share {
	const choice = questions.filter(isChoice);
	return share(choice.filter((q) => keyIsLongest(q.options)).length, choice.length);
}

/** Among true/false questions, how many statements are true. */
export function trueShare(questions: Question[]): Share {
	const tf = questions.filter(isTrueFalse);
	return share(tf.filter((q) => q.answer).length, tf.length);
}

/** "12 of 61 (20%)", or "none" when there is nothing to count. */
export function formatShare(s: Share): string {
	return s.total ? `${s.count} of ${s.total} (${Math.round(s.share * 100)}%)` : 'none';
}

/**
 * Absolute words: a wrong option that says "only", "always", "never", "every" or "none" is
 * easy to reject without knowing the text, unless the key is worded as strongly. ("All" is left
 * out on purpose: the communique itself says "all Coalition lines of effort", "at all times".)
 */
const absoluteWord = /\b(only|always|never|every|everyone|everything|everywhere|none)\b/i;

export function absoluteWordIn(text: string): string | null {
	return absoluteWord.exec(text)?.[1].toLowerCase() ?? null;
}

/** The absolute word a wrong option uses while no key uses one, or null. */
export function absoluteWordCue(options: Pick<ChoiceOption, 'text' | 'correct'>[]): string | null {
	if (options.some((o) => o.correct && absoluteWordIn(o.text))) return null;
	for (const o of options) if (!o.correct && absoluteWordIn(o.text)) return absoluteWordIn(o.text);
	return null;
}

/** Words that carry no content: they say nothing about which option matches the stem. */
const stopWords = new Set(
	(
		'a an the and or but nor of to in on at by for from with without as into onto about over under ' +
		'is are was were be been being am do does did has have had having will would shall should can ' +
		'could may might must this that these those it its they them their there here he she his her we ' +
		'our us you your i me my who whom whose which what when where why how not no yes so than then ' +
		'also too very more most less least much many some any each other another such one two same ' +
		'own just only even still both either neither all if because while after before between ' +
		'through during up down out off again further once says say said saying text communique ' +
		'paragraph paragraphs sentence sentences word words lesson statement true false following'
	).split(' ')
);

/**
 * A light stem, so that "vigilant" meets "vigilance" and "forces" meets "force": lower case,
 * letters only, and the commonest English endings cut off.
 */
export function stem(word: string): string {
	let w = word
		.toLowerCase()
		.replace(/['’]s$/, '')
		.replace(/[^a-z]/g, '');
	for (const end of ['ations', 'ation', 'ments', 'ment', 'ances', 'ance', 'ences', 'ence', 'ing']) {
		if (w.length > end.length + 3 && w.endsWith(end)) return w.slice(0, -end.length);
	}
	for (const end of ['ies', 'es', 'ed', 'ly', 'ant', 'ent', 's', 'e', 'y']) {
		if (w.length > end.length + 3 && w.endsWith(end)) {
			w = w.slice(0, -end.length);
			break;
		}
	}
	return w;
}

/** The content words of a text (no stop words, no numbers, at least three letters), by stem. */
export function contentWords(text: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const word of text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) {
		for (const part of word.split('-')) {
			const lower = part.toLowerCase().replace(/['’]s$/, '');
			if (lower.length < 3 || stopWords.has(lower)) continue;
			if (!out.has(stem(lower))) out.set(stem(lower), lower);
		}
	}
	return out;
}

/**
 * The words a key repeats from the stem while no wrong option repeats any: a student can match
 * words instead of meaning. Empty when there is no such cue.
 */
export function stemEchoCue(
	prompt: string,
	options: Pick<ChoiceOption, 'text' | 'correct'>[]
): string[] {
	const stemWords = contentWords(prompt);
	const shared = (text: string) =>
		[...contentWords(text)].filter(([s]) => stemWords.has(s)).map(([, word]) => word);
	if (options.some((o) => !o.correct && shared(o.text).length)) return [];
	return [...new Set(options.filter((o) => o.correct).flatMap((o) => shared(o.text)))];
}
