import type { ChoiceOption, Question } from '$lib/content';
import type { ExportLabels } from './labels';
import { exportControls } from './csv';
import { choicePrompt } from './locate';

export interface GiftExport {
	text: string;
	/** Questions GIFT cannot express, and why. */
	skipped: { id: string; reason: string }[];
}

/**
 * Escapes text for GIFT as Moodle's own exporter does: a backslash before `\ ~ = # { } :`, and
 * line breaks as `\n` (a blank line would end the question).
 */
export function giftEscape(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, '\\n');
}

/**
 * Moodle's allowed answer weights (question_bank::fraction_options), as percentages. An import
 * rejects any other weight, so 1/3 must be written 33.33333.
 */
const MOODLE_WEIGHTS = [
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
	12.5, 11.11111, 10, 5
];

/** The allowed weight nearest 100 ÷ n (exact for n up to 10, and 20). */
export function giftWeight(n: number): number {
	const ideal = 100 / n;
	return MOODLE_WEIGHTS.reduce((best, w) =>
		Math.abs(w - ideal) < Math.abs(best - ideal) ? w : best
	);
}

/**
 * Every text here is plain text, never HTML: each question is marked `[plain]`, so Moodle shows a
 * teacher's `<b>` as the characters typed. Its answers and feedback take the question's format,
 * but Moodle reads a leading `[html]` (or `[moodle]`, `[markdown]`) in any of them as a format of
 * its own: a text starting with `[` gets an explicit `[plain]` in front, which Moodle removes.
 */
const plain = (escaped: string) => (escaped.startsWith('[') ? `[plain]${escaped}` : escaped);

/** A text of an answer or a feedback: GIFT-escaped, and kept plain. */
const giftText = (text: string) => plain(giftEscape(text));

/** `#feedback`, or nothing for none. */
const fb = (feedback: string) => (feedback ? `#${giftText(feedback)}` : '');

/**
 * A wrong choice or a short answer: Moodle reads a leading `%50%` as a weight and has no escape
 * for `%`, so such text gets an explicit weight in front of it.
 */
const answerText = (text: string, weight: string) =>
	/^\s*%/.test(text) ? `%${weight}%${giftText(text)}` : giftText(text);

const block = (lines: string[]) => `{\n${lines.map((l) => `\t${l}\n`).join('')}}`;

/** Single choice: one `=` right answer, `~` for the rest, each with its own feedback. */
const singleChoice = (options: { text: string; correct: boolean; feedback: string }[]) =>
	block(
		options.map((o) =>
			// Moodle reads no weight after a multichoice "=", so only "~" answers need the guard.
			o.correct
				? `=${giftText(o.text)}${fb(o.feedback)}`
				: `~${answerText(o.text, '0')}${fb(o.feedback)}`
		)
	);

/**
 * Multiple response: +100/right count for each right option and −100/right count for each wrong
 * one, with Moodle flooring the total at 0: the same rule as the course's `grade()`,
 * (right chosen − wrong chosen) ÷ right options, never below 0.
 */
function multipleChoice(options: ChoiceOption[]): string {
	const right = options.filter((o) => o.correct).length;
	return block(
		options.map((o) => {
			const weight = o.correct ? giftWeight(right) : -giftWeight(right);
			return `~%${weight}%${giftText(o.text)}${fb(o.feedback)}`;
		})
	);
}

/** Writes one question, or says why it cannot. */
function question(q: Question, labels: ExportLabels): { gift: string } | { reason: string } {
	const name = `::${giftEscape(q.id)}::`;
	// The format marker goes first in the question text, before anything that could look like one.
	const prompt = `[plain]${giftEscape(q.type === 'locate' ? choicePrompt(q.prompt) : q.prompt)}`;
	switch (q.type) {
		case 'single':
			return { gift: `${name}${prompt}${singleChoice(q.options)}` };
		case 'multiple':
			return { gift: `${name}${prompt}${multipleChoice(q.options)}` };
		case 'locate':
			return {
				gift: `${name}${prompt}${singleChoice(
					q.options.map((o) => ({
						text: labels.placeName(o.place),
						correct: o.place === q.answer,
						feedback: o.feedback
					}))
				)}`
			};
		case 'truefalse': {
			// {TRUE#feedback when wrong#feedback when right####general feedback}
			const general = q.why ? `####${giftText(q.why)}` : '';
			const key = q.answer ? 'TRUE' : 'FALSE';
			const feedback = `#${giftText(q.feedback.incorrect)}#${giftText(q.feedback.correct)}`;
			return {
				gift: `${name}${prompt}\\n${giftEscape(q.statement)}{${key}${feedback}${general}}`
			};
		}
		case 'cloze': {
			const at = q.text.indexOf('___');
			const [before, after] = at < 0 ? [q.text, ''] : [q.text.slice(0, at), q.text.slice(at + 3)];
			const answers = q.answers.map((a) => `=${answerText(a, '100')}${fb(q.feedback.correct)}`);
			// Moodle's catch-all answer: any other text scores 0 and gets the "incorrect" feedback.
			if (q.feedback.incorrect) answers.push(`=%0%*${fb(q.feedback.incorrect)}`);
			const answerBlock = block(answers);
			// An answer block holding both = and -> is read as a matching question.
			if (answerBlock.includes('->'))
				return { reason: 'an answer or feedback contains "->", which GIFT reads as matching' };
			const tail = after ? ` ${giftEscape(after.trim())}` : '';
			return {
				gift: `${name}${prompt}\\n${giftEscape(before.trimEnd())} ${answerBlock}${tail}`
			};
		}
		case 'matching': {
			// Moodle splits each pair at its first "->" and cannot escape it.
			if (q.pairs.some((p) => p.left.includes('->')))
				return { reason: 'a left item contains "->", which GIFT cannot escape' };
			const pairs = q.pairs.map((p) => `=${giftText(p.left)} -> ${giftText(p.right)}`);
			// GIFT matching has no feedback per pair: they become the general feedback.
			const general = q.pairs
				.map((p) => p.feedback)
				.filter(Boolean)
				.join(' ');
			if (general) pairs.push(`####${giftText(general)}`);
			const note =
				q.pairs.length < 3
					? `// Note: Moodle asks for at least 3 pairs in a matching question; this has ${q.pairs.length}.\n`
					: '';
			return { gift: `${note}${name}${prompt}${block(pairs)}` };
		}
		case 'ordering':
			return { reason: 'GIFT has no ordering question type' };
	}
}

/**
 * The questions as a Moodle GIFT file, each marked `[plain]` (see `plain`), in a category named
 * after the assignment. A locate question is a choice among its places (`choicePrompt`). Ordering questions have no GIFT form: they are listed in `skipped`.
 */
export function toGift(title: string, questions: Question[], labels: ExportLabels): GiftExport {
	// Moodle does not unescape the category line, but reads "/" as a subcategory ("//" is one "/").
	const category = title
		.replace(/[\r\n]+/g, ' ')
		.replace(/\//g, '//')
		.trim();
	const parts = [`$CATEGORY: ${category}`];
	const skipped: GiftExport['skipped'] = [];
	for (const q of questions) {
		const out = question(q, labels);
		if ('reason' in out) skipped.push({ id: q.id, reason: out.reason });
		else parts.push(`// ${q.id.replace(/[\r\n]+/g, ' ')}\n${out.gift}`);
	}
	// No NUL, ESC or other control character reaches the file, whatever text was stored.
	return { text: (parts.join('\n\n') + '\n').replace(exportControls, ''), skipped };
}
