import type { Question, QuestionType } from '$lib/content';
import { questionTypes } from '$lib/content/files/vocabulary';
import { questionTypeLabel } from './labels';
import { seededShuffle } from './shuffle';

/** Any type; every type at least once ("mixed"); or one type only. */
export type TypeChoice = 'any' | 'mixed' | QuestionType;
/** The bank's difficulty (1 to 3), as the set-up's radios give it. */
export type DifficultyChoice = 'any' | '1' | '2' | '3';

/** What choosing needs of a question (the pages have this index before the bank arrives). */
export type PracticeEntry = Pick<Question, 'id' | 'lesson' | 'type' | 'difficulty' | 'commitments'>;

/** What a learner chose on the practice set-up. */
export interface PracticeChoice {
	scope: 'all' | 'lessons' | 'items';
	lessons: string[];
	items: string[];
	type: TypeChoice;
	difficulty: DifficultyChoice;
	/** How many questions were asked for. */
	length: number | 'all';
}

export const difficultyLabel: Record<Exclude<DifficultyChoice, 'any'>, string> = {
	'1': 'Easier',
	'2': 'Middle',
	'3': 'Harder'
};

/** The questions that pass every filter, in the bank's order. */
export function practicePool<Q extends PracticeEntry>(questions: Q[], c: PracticeChoice): Q[] {
	return questions.filter(
		(q) =>
			(c.scope === 'all' ||
				(c.scope === 'lessons'
					? c.lessons.includes(q.lesson)
					: q.commitments.some((id) => c.items.includes(id)))) &&
			(c.type === 'any' || c.type === 'mixed' || q.type === c.type) &&
			(c.difficulty === 'any' || String(q.difficulty) === c.difficulty)
	);
}

/** How many questions the quiz will have, and what the learner is told about it, plainly. */
export interface PracticePlan<Q extends PracticeEntry = PracticeEntry> {
	pool: Q[];
	size: number;
	/** The types the quiz is sure to hold (for "mixed"), in the bank's order. */
	types: QuestionType[];
	notes: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Plans a quiz without drawing it: the same choice always gives the same plan. */
export function planPractice<Q extends PracticeEntry>(
	questions: Q[],
	c: PracticeChoice
): PracticePlan<Q> {
	const pool = practicePool(questions, c);
	const types = questionTypes.filter((t) => pool.some((q) => q.type === t));
	const notes: string[] = [];
	if (!pool.length) {
		notes.push(
			c.scope === 'lessons' && !c.lessons.length
				? 'Choose at least one lesson.'
				: c.scope === 'items' && !c.items.length
					? 'Choose at least one commitment or principle.'
					: 'No questions match these choices. Choose more lessons, another type or any difficulty.'
		);
		return { pool, size: 0, types: [], notes };
	}
	const asked = c.length === 'all' ? pool.length : c.length;
	let size = Math.min(asked, pool.length);
	notes.push(`${plural(pool.length, 'question')} ${pool.length === 1 ? 'matches' : 'match'}.`);
	if (asked > pool.length)
		notes.push(
			`You asked for ${asked}, but only ${pool.length} ${pool.length === 1 ? 'matches' : 'match'}, so the quiz has ${plural(pool.length, 'question')}.`
		);
	if (c.type === 'mixed') {
		if (size < types.length) {
			notes.push(
				`A mixed quiz has one question of each of the ${types.length} types at least, so it has ${types.length} questions, not ${size}.`
			);
			size = types.length;
		}
		const absent = questionTypes.filter((t) => !types.includes(t));
		if (absent.length)
			notes.push(
				`No question that matches is of the type ${absent.map((t) => `“${questionTypeLabel[t]}”`).join(', ')}, so the quiz has the other ${plural(types.length, 'type')}.`
			);
	}
	return { pool, size, types: c.type === 'mixed' ? types : [], notes };
}

/**
 * Draws the quiz. Random but repeatable for a seed; a mixed quiz first takes one question of
 * each type the pool has, then fills up from the rest, then shuffles the lot.
 */
export function pickPractice<Q extends PracticeEntry>(
	questions: Q[],
	c: PracticeChoice,
	seed: string
): Q[] {
	const { pool, size, types } = planPractice(questions, c);
	const shuffled = seededShuffle(pool, seed);
	if (!types.length) return shuffled.slice(0, size);
	const firsts = types.map((t) => shuffled.find((q) => q.type === t)!);
	const rest = shuffled.filter((q) => !firsts.includes(q));
	return seededShuffle([...firsts, ...rest.slice(0, size - firsts.length)], `${seed}:mixed`);
}
