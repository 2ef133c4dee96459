/** The shapes of everything in lessons/, after validation. Shared by server, client and tests. */

export type SentenceId = `p${number}.s${number}`;

export interface Sentence {
	id: SentenceId;
	paragraph: number;
	index: number;
	text: string;
}

export interface Paragraph {
	id: `p${number}`;
	number: number;
	sentences: Sentence[];
}

export interface SourceText {
	title: string;
	date: string;
	hosts: string[];
	publisher: string;
	paragraphs: Paragraph[];
}

export type Confidence = 'V' | 'P' | 'U';
export const lanes = ['Iraq', 'Syria', 'Africa', 'Coalition & diplomacy', 'UN & law'] as const;
export type Lane = (typeof lanes)[number];

export interface TimelineEvent {
	id: string;
	date: string;
	precision: 'day' | 'month';
	title: string;
	/** A short name for the timeline (at most 24 characters). */
	label: string;
	description: string;
	lane: Lane;
	source: string;
	confidence: Confidence;
	inText: boolean;
	meeting: boolean;
	sentences: SentenceId[];
	places: string[];
}

export interface ContextFact {
	id: string;
	text: string;
	source: string;
	confidence: Confidence;
	sentences: SentenceId[];
}

/** What a lesson's <Fact id> callout shows: an event or a fact, reduced to text + source. */
export interface FactCard {
	id: string;
	title?: string;
	date?: string;
	precision?: 'day' | 'month';
	text: string;
	source: string;
	confidence: Confidence;
}

export const placeKinds = ['city', 'camp', 'area', 'lake'] as const;
export interface Place {
	id: string;
	name: string;
	lat: number;
	lon: number;
	kind: (typeof placeKinds)[number];
	region: string;
	note: string;
	source: string;
}

export interface GlossaryTerm {
	id: string;
	term: string;
	matches: string[];
	short: string;
	definition: string;
	facts: string[];
	see: string[];
	/** About sexual violence, detention or violence against civilians: pages show a content note first. */
	sensitive?: boolean;
}

export interface LessonMeta {
	slug: string;
	title: string;
	order: number;
	paragraphs: `p${number}`[];
	/** Sentences the lesson quotes in full with <Quote id>, in order of first appearance. */
	sentences: SentenceId[];
	/** Sentences the lesson quotes part of with <Quote id phrase>. */
	cited: SentenceId[];
	objectives: string[];
	minutes: number;
	summary: string;
	terms: string[];
	facts: string[];
	/** Whether the lesson shows the timeline (<Timeline />). */
	timeline: boolean;
	/** The maps it shows (<RegionMap region="…" places="a,b" />). */
	maps: { region: string; places: string[] }[];
	/** Flesch–Kincaid grade of the lesson's own prose (see readability.ts). */
	readingGrade: number;
	file: string;
}

export const commitmentKinds = [
	'commitment',
	'principle',
	'concern',
	'welcome',
	'recognition',
	'urging',
	'plan',
	'call',
	'assessment'
] as const;
export type CommitmentKind = (typeof commitmentKinds)[number];
export const regions = [
	'Global',
	'Iraq',
	'Syria',
	'Iraq and Syria',
	'West Africa and the Sahel'
] as const;
export type Region = (typeof regions)[number];
export const speakers = ['the Ministers', 'the Coalition'] as const;

/**
 * One thing the text commits to, affirms, welcomes, recognizes, urges, plans or worries about, a
 * call for action that names no one to act, or the speakers' assessment of their own work.
 */
export interface Commitment {
	id: string;
	kind: CommitmentKind;
	by: (typeof speakers)[number];
	region: Region;
	sentences: SentenceId[];
	/** Verbatim words of the first sentence that carry the item. */
	phrase: string;
	restatement: string;
	/** Glossary ids of the legal principles the text itself names for this item. */
	principles: string[];
	/** About sexual violence, detention or violence against civilians: pages show a content note first. */
	sensitive?: boolean;
}

export interface RegionGroup {
	id: string;
	label: string;
	/** Natural Earth country names. */
	countries: string[];
	/** The fact in facts.yaml that defines the grouping. */
	fact: string;
}

/** A shape drawn on a map to show an area the text or the facts name: never territory control. */
export type RegionArea = {
	id: string;
	name: string;
	note: string;
	sentences: SentenceId[];
} & (
	| {
			shape: 'quadrant';
			country: string;
			corner: 'northeast' | 'northwest' | 'southeast' | 'southwest';
	  }
	| { shape: 'circle'; place: string; radiusKm: number }
);

export interface MapRegion {
	id: string;
	title: string;
	description: string;
	focus: string[];
	neighbours: string[];
	/** Timeline lanes whose events belong to this region. */
	lanes: Lane[];
	groups: RegionGroup[];
	areas: RegionArea[];
}

export const questionTypes = [
	'single',
	'multiple',
	'truefalse',
	'ordering',
	'matching',
	'cloze',
	'locate'
] as const;
export type QuestionType = (typeof questionTypes)[number];
export const bloomLevels = ['remember', 'understand', 'apply', 'analyse', 'evaluate'] as const;
export type BloomLevel = (typeof bloomLevels)[number];

interface QuestionBase {
	id: string;
	/** The lesson whose file holds it (lessons/questions/<lesson>.yaml). */
	lesson: string;
	bloom: BloomLevel;
	difficulty: 1 | 2 | 3;
	prompt: string;
	sentences: SentenceId[];
	/** Verbatim words of one of its sentences, shown after answering. */
	quote: string;
	commitments: string[];
	/** About sexual violence, detention or violence against civilians: a content note comes first. */
	sensitive?: boolean;
}
export interface ChoiceOption {
	id: string;
	text: string;
	correct: boolean;
	feedback: string;
}
export interface TwoWayFeedback {
	correct: string;
	incorrect: string;
}
export type Question = QuestionBase &
	(
		| { type: 'single' | 'multiple'; options: ChoiceOption[] }
		| {
				type: 'truefalse';
				statement: string;
				answer: boolean;
				feedback: TwoWayFeedback;
				why: string;
		  }
		| { type: 'ordering'; events: string[]; feedback: TwoWayFeedback }
		| { type: 'matching'; pairs: { left: string; right: string; feedback: string }[] }
		| { type: 'cloze'; text: string; answers: string[]; feedback: TwoWayFeedback }
		| {
				type: 'locate';
				region: string;
				answer: string;
				options: { place: string; feedback: string }[];
		  }
	);

/** An id that was published and then withdrawn, and the id that now carries its meaning. */
export interface RetiredId {
	id: string;
	/** The live id that took it over, or null when nothing did (old saved data is then ignored). */
	successor: string | null;
	note: string;
}

/** Withdrawn ids (lessons/retired.yaml): saved progress may still hold them. */
export interface Retired {
	commitments: RetiredId[];
	questions: RetiredId[];
}

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
}
