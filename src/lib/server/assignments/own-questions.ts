import type { Question } from '$lib/content';
import type { OwnQuestionInput } from '$lib/assignment/schema';

/** Teacher-written questions get ids of their own, which no bank id can take (bank ids have no prefix). */
export const ownPrefix = 'own-';

/** A teacher's question as a full `Question`, so the same `grade()` marks it. */
export function toQuestion(input: OwnQuestionInput, index: number): Question {
	const base = {
		id: `${ownPrefix}${index + 1}`,
		lesson: '',
		bloom: 'remember' as const,
		difficulty: 1 as const,
		sentences: [],
		quote: '',
		commitments: []
	};
	switch (input.type) {
		case 'single':
		case 'multiple':
			return {
				...base,
				type: input.type,
				prompt: input.prompt,
				options: input.options.map((o, i) => ({
					id: String.fromCharCode(97 + i),
					text: o.text,
					correct: o.correct,
					feedback: o.feedback
				}))
			};
		case 'truefalse':
			return {
				...base,
				type: 'truefalse',
				prompt: input.prompt || 'True or false?',
				statement: input.statement,
				answer: input.answer,
				feedback: input.feedback,
				why: ''
			};
		case 'cloze':
			return {
				...base,
				type: 'cloze',
				prompt: input.prompt || 'Fill in the missing words.',
				text: input.text,
				answers: input.answers,
				feedback: input.feedback
			};
	}
}
