import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card } from 'ts-fsrs';

/** How a review went: right or wrong, and whether the learner said they were unsure. */
export interface Outcome {
	correct: boolean;
	unsure?: boolean;
}

// No fuzz: the same history always gives the same due date (testable, and fair to compare).
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** Right and sure → Good; right but unsure → Hard; wrong → Again. Easy is never assumed. */
export function ratingFor(outcome: Outcome): Rating.Again | Rating.Hard | Rating.Good {
	if (!outcome.correct) return Rating.Again;
	return outcome.unsure ? Rating.Hard : Rating.Good;
}

/** The card after this review: a new card when the question was never answered before. */
export function review(card: Card | undefined, now: Date, outcome: Outcome): Card {
	return scheduler.next(card ?? createEmptyCard(now), now, ratingFor(outcome)).card;
}

export function isDue(card: Card, now: Date): boolean {
	return new Date(card.due).getTime() <= now.getTime();
}

export type Mastery = 'new' | 'learning' | 'familiar' | 'proficient' | 'mastered';

/**
 * How well a question is known, from its card (defined in the README):
 * learning — seen, but the last review failed or it is still in (re)learning steps;
 * familiar — in review, remembered for under 7 days (stability);
 * proficient — stability of 7 to 30 days; mastered — stability of 30 days or more.
 */
export function mastery(card: Card | undefined): Mastery {
	if (!card || card.state === State.New) return 'new';
	if (card.state === State.Learning || card.state === State.Relearning) return 'learning';
	if (card.stability >= 30) return 'mastered';
	if (card.stability >= 7) return 'proficient';
	return 'familiar';
}

export { createEmptyCard, type Card };
