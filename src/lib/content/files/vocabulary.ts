// The closed lists of words the files of lessons/ may use. Kept apart from the schemas so that
// client code importing a list (a filter, a label) does not bring the validator with it.

export const confidences = ['V', 'P', 'U'] as const;
export const lanes = ['Iraq', 'Syria', 'Africa', 'Coalition & diplomacy', 'UN & law'] as const;
export const placeKinds = ['city', 'camp', 'area', 'lake'] as const;
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
export const regions = [
	'Global',
	'Iraq',
	'Syria',
	'Iraq and Syria',
	'West Africa and the Sahel'
] as const;
export const speakers = ['the Ministers', 'the Coalition'] as const;
export const questionTypes = [
	'single',
	'multiple',
	'truefalse',
	'ordering',
	'matching',
	'cloze',
	'locate'
] as const;
export const bloomLevels = ['remember', 'understand', 'apply', 'analyse', 'evaluate'] as const;
