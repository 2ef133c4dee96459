import type { CommitmentKind } from '$lib/content';

/** How each kind of statement is named and explained to a learner (as lesson 1 teaches them). */
export const kindInfo: Record<CommitmentKind, { label: string; plural: string; meaning: string }> =
	{
		commitment: { label: 'Commitment', plural: 'Commitments', meaning: 'a promise to act' },
		principle: {
			label: 'Principle',
			plural: 'Principles',
			meaning: 'a rule or belief the speakers affirm'
		},
		concern: { label: 'Concern', plural: 'Concerns', meaning: 'a worry the text names' },
		welcome: { label: 'Welcome', plural: 'Welcomes', meaning: 'praise for what others have done' },
		recognition: {
			label: 'Recognition',
			plural: 'Recognitions',
			meaning: 'accepting that a fact or problem is real'
		},
		urging: { label: 'Urging', plural: 'Urgings', meaning: 'pressing others to act' },
		plan: { label: 'Plan', plural: 'Plans', meaning: 'what will happen next' },
		call: {
			label: 'Call for action',
			plural: 'Calls for action',
			meaning: 'says what is needed, but names no one who will do it'
		},
		assessment: {
			label: 'Assessment',
			plural: 'Assessments',
			meaning: 'the speakers’ own judgement of their work'
		}
	};
