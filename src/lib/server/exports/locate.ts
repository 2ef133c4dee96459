/**
 * A locate question's prompt as an export asks it: a choice among the places listed, since no LMS
 * has the course's map. "Select it on the map." becomes "Choose it from the list.", "On the map,
 * where…?" becomes "Where…?", and "Select"/"Find"/"Click"/"Tap" at a sentence's start "Choose".
 */
export function choicePrompt(prompt: string): string {
	return prompt
		.replace(
			/^(\s*)on the map,\s*(\p{L})/iu,
			(_, space: string, c: string) => space + c.toUpperCase()
		)
		.replace(
			/([.?!]\s+)on the map,\s*(\p{L})/giu,
			(_, end: string, c: string) => end + c.toUpperCase()
		)
		.replace(/\s+on (?:the|this) map\b/giu, ' from the list')
		.replace(
			/(^|[.?!:]\s+|['"‘“]\s*)(?:select|find|click on|click|tap on|tap)\b/giu,
			(_, start: string) => `${start}Choose`
		);
}
