import type { MapRegion, Place, Question, TimelineEvent } from '$lib/content';

/** What a quiz page needs: its questions and what they refer to (for labels, maps and the summary). */
export interface QuizData {
	questions: Question[];
	events: TimelineEvent[];
	places: Place[];
	regions: MapRegion[];
	/** commitment id → its plain restatement */
	commitments: Record<string, string>;
}
