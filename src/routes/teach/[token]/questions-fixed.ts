/** Why the questions can no longer change, said on the dashboard and on the questions screen. */
export function questionsFixedReason(submissions: number): string {
	return `The questions cannot change: ${submissions} submission${submissions === 1 ? ' was' : 's were'} marked against them, and changing them would make those marks mean something else. Duplicate the assignment to ask other questions.`;
}
