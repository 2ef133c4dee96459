import type { MapRegion, Place, Question, TimelineEvent } from './types';

// What a page receives from the course in one serialisable piece. Declared here, beside the
// loader that builds them (course.server.ts), so that `viz/` and `quiz/` import them from
// content and content imports nothing of theirs.

/** What the timeline and maps need from the course, as one serialisable bundle. */
export interface VizData {
	events: TimelineEvent[];
	places: Place[];
	regions: MapRegion[];
	/** Text of the sentences events, places and areas relate to. */
	sentences: Record<string, string>;
	/** Facts that groupings on the maps cite (id → text and source). */
	facts: Record<string, { text: string; source: string }>;
}

/** What a quiz page needs: its questions and what they refer to (for labels, maps and the summary). */
export interface QuizData {
	questions: Question[];
	events: TimelineEvent[];
	places: Place[];
	regions: MapRegion[];
	/** commitment id → its plain restatement */
	commitments: Record<string, string>;
}
