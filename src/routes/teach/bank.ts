import type { Question } from '$lib/content';

/** One bank question as the picker shows it: its prompt, and a preview that gives the answer away. */
export interface BankQuestion {
	id: string;
	lesson: string;
	type: Question['type'];
	prompt: string;
	commitments: string[];
	preview: { text: string; correct: boolean }[];
}

/** What the question picker offers (bank.server.ts builds it): by lesson, by commitment or principle, one by one. */
export interface BankChoices {
	lessons: { slug: string; title: string; order: number }[];
	items: { id: string; kind: string; restatement: string }[];
	principles: { id: string; term: string; items: string[] }[];
	questions: BankQuestion[];
}

/** What the picker changes: the bank questions chosen, in the order they were chosen. */
export interface Picking {
	picked: string[];
	add(ids: string[]): void;
	remove(ids: string[]): void;
}
