/**
 * The shapes of everything in lessons/, after validation. Shared by server, client and tests.
 * Each is inferred from the schema of its file (files/<file>.ts); client code imports them from
 * here (or $lib/content), which brings the word lists along but not the validator.
 */

export type { Paragraph, Sentence, SentenceId, SourceText } from './files/source';
export type { Confidence, ContextFact, Lane, TimelineEvent } from './files/facts';
export type { Place } from './files/places';
export type { GlossaryTerm } from './files/glossary';
export type { LessonMeta } from './files/lesson';
export type { Commitment, CommitmentKind, Region } from './files/commitments';
export type { MapRegion, RegionArea, RegionGroup } from './files/regions';
export type {
	BloomLevel,
	ChoiceOption,
	Question,
	QuestionType,
	TwoWayFeedback
} from './files/questions';
export type { Retired, RetiredId } from './files/retired';
export type { LessonGuide, PlanStep, WorksheetQuestion } from './files/guide';
export type { GuideBlock, GuideInline, GuideText } from './files/guide-text';
export type { UnitPlan } from './files/unit-plan';
export {
	bloomLevels,
	commitmentKinds,
	lanes,
	placeKinds,
	questionTypes,
	regions,
	speakers
} from './files/vocabulary';

import type { Commitment } from './files/commitments';
import type { ContextFact, TimelineEvent } from './files/facts';
import type { GlossaryTerm } from './files/glossary';
import type { LessonMeta } from './files/lesson';
import type { Place } from './files/places';
import type { Question } from './files/questions';
import type { MapRegion } from './files/regions';
import type { Retired } from './files/retired';
import type { LessonGuide } from './files/guide';
import type { UnitPlan } from './files/unit-plan';
import type { Sentence, SourceText } from './files/source';

/** What a lesson's <Fact id> callout shows: an event or a fact, reduced to text + source. */
export type FactCard = Pick<ContextFact, 'id' | 'text' | 'source' | 'confidence'> &
	Partial<Pick<TimelineEvent, 'title' | 'date' | 'precision'>>;

/** The whole course, as validateCourse returns it. */
export interface Course {
	source: SourceText;
	sentences: Map<string, Sentence>;
	glossary: GlossaryTerm[];
	events: TimelineEvent[];
	facts: ContextFact[];
	places: Place[];
	commitments: Commitment[];
	regions: MapRegion[];
	questions: Question[];
	lessons: LessonMeta[];
	retired: Retired;
	/** A teacher's guide, worksheet and answer key per lesson (lessons/guides/<lesson>.yaml). */
	guides: LessonGuide[];
	/** The guide to the whole text (lessons/unit-plan.yaml). */
	unitPlan: UnitPlan;
}
