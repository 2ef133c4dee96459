/**
 * One change to an assignment's question list, as the questions screen's buttons send it
 * (`op` = `up:<id>`, `down:<id>` or `remove:<id>`; or questions to add at the end). Pure: the
 * server applies it to the list as stored, then saves through the same edit as
 * `PATCH /api/assignments/<code>` (which refuses once someone has submitted).
 */
export type QuestionChange =
	{ kind: 'up' | 'down' | 'remove'; id: string } | { kind: 'add'; ids: string[] };

/** The button's `op` value, or null when it names no change this screen makes. */
export function parseOp(op: unknown): QuestionChange | null {
	if (typeof op !== 'string') return null;
	const match = /^(up|down|remove):(.{1,80})$/.exec(op);
	return match ? { kind: match[1] as 'up' | 'down' | 'remove', id: match[2] } : null;
}

/** The list after the change, or why it cannot be made (in words for the screen). */
export function applyChange(
	ids: string[],
	change: QuestionChange
): { ok: true; ids: string[] } | { ok: false; message: string } {
	if (change.kind === 'add') {
		const added = change.ids.filter((id, i) => !ids.includes(id) && change.ids.indexOf(id) === i);
		if (added.length === 0)
			return { ok: false, message: 'Questions: tick at least one question to add.' };
		return { ok: true, ids: [...ids, ...added] };
	}
	const at = ids.indexOf(change.id);
	if (at < 0)
		return {
			ok: false,
			message: 'Questions: that question is not in the assignment any more (the list was changed).'
		};
	const next = [...ids];
	if (change.kind === 'remove') {
		if (ids.length === 1)
			return {
				ok: false,
				message: 'Questions: an assignment needs at least one question; add another first.'
			};
		next.splice(at, 1);
		return { ok: true, ids: next };
	}
	const to = change.kind === 'up' ? at - 1 : at + 1;
	if (to < 0 || to >= ids.length)
		return {
			ok: false,
			message: `Questions: the question is already ${change.kind === 'up' ? 'first' : 'last'}.`
		};
	[next[at], next[to]] = [next[to], next[at]];
	return { ok: true, ids: next };
}
