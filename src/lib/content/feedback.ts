/**
 * How feedback is put together from its parts after an answer, and the check that every line a
 * learner can see reads as sentences. The quiz grader composes with these functions and the
 * content check runs the same ones over every question, so a badly glued line ("…under way.. To
 * reaffirm", "…on the map. the last…") fails the check before a learner sees it.
 */
import type { Question } from './types';

/** The right option's own feedback, shown after a wrong answer: without its leading "Right." */
export function withoutVerdict(feedback: string): string {
	return capitalise(feedback.trim().replace(/^(Right|Correct)\s*[.!:]\s*/i, ''));
}

/** The first letter in upper case (after any opening quote or bracket). */
export function capitalise(text: string): string {
	return text.replace(
		/^([\s"“‘'(]*)(\p{Ll})/u,
		(_, lead: string, first: string) => `${lead}${first.toUpperCase()}`
	);
}

/** Ends a label with one full stop, unless it already ends a sentence. */
export function endSentence(text: string): string {
	const t = text.trim();
	return /[.!?]["”’')\]]*$/.test(t) ? t : `${t}.`;
}

/** The line shown after a wrong choice: which option was right, and why. */
export function rightAnswerLine(label: string, feedback: string): string {
	return `The right answer: ${endSentence(label)} ${withoutVerdict(feedback)}`.trim();
}

/** The line shown after a wrong place on a map question. */
export function rightPlaceLine(feedback: string): string {
	return `The right place is highlighted on the map. ${withoutVerdict(feedback)}`.trim();
}

/**
 * Every line of feedback the quiz can show for a question, whatever the learner answers (each
 * line is shown as its own paragraph).
 */
export function feedbackLines(q: Question): string[] {
	switch (q.type) {
		case 'single': {
			const right = q.options.find((o) => o.correct);
			return q.options.flatMap((o) =>
				o.correct || !right
					? [o.feedback]
					: [o.feedback, rightAnswerLine(right.text, right.feedback)]
			);
		}
		case 'multiple':
			return q.options.map((o) => o.feedback);
		case 'truefalse':
			return [q.feedback.correct, q.feedback.incorrect, q.why];
		case 'ordering':
		case 'cloze':
			return [q.feedback.correct, q.feedback.incorrect];
		case 'matching':
			return q.pairs.map((p) => p.feedback);
		case 'locate': {
			const right = q.options.find((o) => o.place === q.answer);
			return q.options.flatMap((o) =>
				o.place === q.answer || !right ? [o.feedback] : [o.feedback, rightPlaceLine(right.feedback)]
			);
		}
	}
}

/** Dots of abbreviations, which neither end a sentence nor count as a doubled mark. */
const abbreviation = /\b(U\.S|U\.N|e\.g|i\.e|arts?|Mr|Mrs|Ms|Dr|vs)\.(?=\s+\S)/g;

/**
 * Why a line of feedback does not read as sentences, or null: it must start with a capital (or a
 * quote, digit…, never a lower-case letter), have no doubled full stop, no lower-case word after
 * the end of a sentence, and end with exactly one terminal mark (. ! ?), closing quotes allowed.
 */
export function sentenceProblem(line: string): string | null {
	const text = line.trim();
	if (!text) return 'is empty';
	if (/^\p{Ll}/u.test(text)) return `begins with a lower-case letter: "${excerpt(text, 0)}"`;
	const plain = text.replace(abbreviation, (m) => m.replace(/\./g, ''));
	const doubled = /(?<!\.)\.\s*\.(?!\.)/.exec(plain);
	if (doubled) return `has a doubled full stop: "${excerpt(plain, doubled.index)}"`;
	const lower = /[.!?]["”’')\]]*\s+["“‘'(]*(\p{Ll})/u.exec(plain);
	if (lower) return `starts a sentence in lower case: "${excerpt(plain, lower.index)}"`;
	const ending = /[.!?…"”’')\]]*$/.exec(plain)?.[0] ?? '';
	const marks = ending.replace(/[^.!?…]/g, '');
	if (marks.length !== 1 || marks === '…')
		return `must end with exactly one full stop, question mark or exclamation mark: "${excerpt(plain, plain.length - 30)}"`;
	return null;
}

function excerpt(text: string, at: number): string {
	const start = Math.max(0, at - 20);
	return `${start > 0 ? '…' : ''}${text.slice(start, at + 30)}${at + 30 < text.length ? '…' : ''}`;
}
