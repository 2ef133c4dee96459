// An assignment for the benchmarks to open (a student's page and a teacher's dashboard), made
// through the JSON API of a running server, as a teacher and students would make it.

/**
 * An assignment from lesson 1 with six students' answers (a seeded pick of each single-choice
 * question's options), so that the dashboard has a heat map to draw.
 * @param {string} base the server's address, without a trailing slash
 * @returns {Promise<{ code: string, teacherToken: string }>}
 */
export async function assignmentWithAnswers(base) {
	const created = await fetch(`${base}/api/assignments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title: 'Bench', lessons: ['reading-a-communique'] })
	});
	if (!created.ok) throw new Error(`creating the assignment: ${created.status}`);
	const { code, teacherToken } = await created.json();
	let seed = 7;
	const pick = (/** @type {number} */ n) =>
		Math.floor(((seed = (seed * 16807) % 2147483647) / 2147483647) * n);
	for (const name of ['Ada', 'Ben', 'Cat', 'Dev', 'Eve', 'Femi']) {
		const view = await (await fetch(`${base}/api/assignments/${code}?name=${name}`)).json();
		/** @type {Record<string, {choice: string}>} */
		const answers = {};
		for (const q of view.questions)
			if (q.type === 'single' && q.options)
				answers[q.id] = { choice: q.options[pick(q.options.length)].id };
		const sent = await fetch(`${base}/api/assignments/${code}/submissions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name, answers })
		});
		if (sent.status !== 201) throw new Error(`submitting for ${name}: ${sent.status}`);
	}
	return { code, teacherToken };
}
