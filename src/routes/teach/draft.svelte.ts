import { BankSelection } from './bank-selection.svelte';

/** A question the teacher is writing, as the form holds it (the API checks it again). */
export interface OwnDraft {
	key: number;
	type: 'single' | 'multiple' | 'truefalse' | 'cloze';
	prompt: string;
	options: { text: string; correct: boolean; feedback: string }[];
	statement: string;
	answer: 'true' | 'false';
	text: string;
	/** Accepted answers, one per line. */
	answers: string;
	feedbackCorrect: string;
	feedbackIncorrect: string;
}

let nextKey = 1;
export function newOwnQuestion(): OwnDraft {
	return {
		key: nextKey++,
		type: 'single',
		prompt: '',
		options: [
			{ text: '', correct: true, feedback: '' },
			{ text: '', correct: false, feedback: '' },
			{ text: '', correct: false, feedback: '' }
		],
		statement: '',
		answer: 'true',
		text: '',
		answers: '',
		feedbackCorrect: '',
		feedbackIncorrect: ''
	};
}

/** The API body for one draft question. */
export function ownQuestionBody(d: OwnDraft): Record<string, unknown> {
	const feedback = { correct: d.feedbackCorrect, incorrect: d.feedbackIncorrect };
	switch (d.type) {
		case 'single':
		case 'multiple':
			return { type: d.type, prompt: d.prompt, options: d.options.filter((o) => o.text.trim()) };
		case 'truefalse':
			return {
				type: 'truefalse',
				prompt: d.prompt,
				statement: d.statement,
				answer: d.answer === 'true',
				feedback
			};
		case 'cloze':
			return {
				type: 'cloze',
				prompt: d.prompt,
				text: d.text,
				answers: d.answers
					.split('\n')
					.map((a) => a.trim())
					.filter(Boolean),
				feedback
			};
	}
}

export type Reveal = 'immediately' | 'after-due' | 'never';

/** Everything the create form holds. */
export class AssignmentDraft extends BankSelection {
	title = $state('');
	own: OwnDraft[] = $state([]);
	/** Everyone gets every chosen question, or a random `count` each. */
	mode: 'all' | 'random' = $state('all');
	count = $state(10);
	shuffle = $state(true);
	attempts = $state(1);
	/** A `datetime-local` value in the teacher's own time zone, or ''. */
	due = $state('');
	reveal: Reveal = $state('immediately');

	get total(): number {
		return this.picked.length + this.own.length;
	}

	/** The body of `POST /api/assignments`. */
	body(): Record<string, unknown> {
		return {
			title: this.title,
			questionIds: this.picked,
			questions: this.own.map(ownQuestionBody),
			count: this.mode === 'random' ? this.count : null,
			shuffle: this.shuffle,
			attempts: this.attempts,
			// A datetime-local value has no zone: the browser reads it as the teacher's local time.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off conversion, not state
			dueAt: this.due ? new Date(this.due).toISOString() : null,
			reveal: this.reveal
		};
	}
}
