import type { QuestionType } from '$lib/content';

/** Question types in a teacher's words. */
export const questionTypeLabel: Record<QuestionType, string> = {
	single: 'Single choice',
	multiple: 'Multiple response',
	truefalse: 'True or false',
	ordering: 'Put in order',
	matching: 'Matching',
	cloze: 'Fill the gap',
	locate: 'On the map'
};
