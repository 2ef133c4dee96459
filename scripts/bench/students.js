// The class that scripts/bench-server.js sends to the server: assignments with room for it, and
// for each student the answers to the questions of the view the server showed that student.
//
// The student view disguises every id (an HMAC under a secret of the server's database, scoped to
// the assignment and the student's name), and a submission must use the ids its own view shows:
// answers built from one name's view are a 400 for any other name. So each student's view is
// fetched once, before the timed run (untimed: GET requests are not what is measured), and the
// run POSTs each student's own answers, as a class would after reading its questions.
import { randomBytes } from 'node:crypto';
import http from 'node:http';

/** The most names one assignment takes (limits.students.max in src/lib/assignment/schema.ts). */
export const maxStudents = 1000;
/** The most attempts one name has (the create schema's maximum). */
export const attempts = 10;

/**
 * @typedef {{ name: string, code: string, path: string, body: Buffer, questions: number }} Student
 * @typedef {{ path: string, body: Buffer, key: string }} Submission
 */

/**
 * One answer per question of the student view, as a student who answers everything would.
 * @param {{ questions: any[] }} view
 */
export function answerAll(view) {
	/** @type {Record<string, unknown>} */
	const answers = {};
	for (const q of view.questions) {
		if (q.type === 'single') answers[q.id] = { choice: q.options[0].id };
		else if (q.type === 'multiple')
			answers[q.id] = { choices: q.options.slice(0, 2).map((/** @type {any} */ o) => o.id) };
		else if (q.type === 'truefalse') answers[q.id] = { answer: true };
		else if (q.type === 'ordering') answers[q.id] = { order: q.events };
		else if (q.type === 'matching')
			answers[q.id] = {
				matches: Object.fromEntries(
					q.lefts.map((/** @type {string} */ l, /** @type {number} */ i) => [l, q.rights[i]])
				)
			};
		else if (q.type === 'cloze') answers[q.id] = { text: 'only' };
		else if (q.type === 'locate') answers[q.id] = { place: q.options[0].place };
		else throw new Error(`Unknown question type "${q.type}" in the student view`);
	}
	return answers;
}

/** Creates assignments as they fill, and students with their answers. */
export class Classes {
	/** @param {string} base the server's origin @param {string} lesson the lesson every assignment asks */
	constructor(base, lesson) {
		this.base = base;
		this.lesson = lesson;
		/** @type {{ code: string, students: number }[]} */
		this.assignments = [];
		this.named = 0;
		// node:http rather than fetch for the views: a third of the client CPU per request, which
		// leaves the server more of the cores while tens of thousands are fetched.
		this.agent = new http.Agent({ keepAlive: true });
	}

	/** A new assignment: the whole lesson, the most attempts and the most students allowed. */
	async newAssignment() {
		const res = await fetch(`${this.base}/api/assignments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				title: `Bench ${this.assignments.length + 1}`,
				lessons: [this.lesson],
				attempts,
				maxStudents
			})
		});
		const text = await res.text();
		if (res.status !== 201)
			throw new Error(`Creating an assignment answered ${res.status}: ${text}`);
		const assignment = { code: JSON.parse(text).code, students: 0 };
		this.assignments.push(assignment);
		return assignment;
	}

	/**
	 * `count` new students (names s-1, s-2… across the whole run), each seated in an assignment
	 * with room (a new one when the last is full), each with the answers to its own view.
	 * @param {number} count
	 * @param {number} [parallel] views fetched at once
	 * @returns {Promise<Student[]>}
	 */
	async students(count, parallel = 16) {
		/** @type {{ name: string, code: string }[]} */
		const seats = [];
		let current = this.assignments.at(-1);
		for (let i = 0; i < count; i++) {
			if (!current || current.students >= maxStudents) current = await this.newAssignment();
			current.students++;
			seats.push({ name: `s-${++this.named}`, code: current.code });
		}
		/** @type {Student[]} */
		const out = new Array(count);
		let next = 0;
		const worker = async () => {
			while (next < count) {
				const i = next++;
				out[i] = await this.student(seats[i]);
			}
		};
		await Promise.all(Array.from({ length: parallel }, worker));
		return out;
	}

	/** @param {{ name: string, code: string }} seat @returns {Promise<Student>} */
	async student({ name, code }) {
		const { status, text } = await this.get(
			`/api/assignments/${code}?name=${encodeURIComponent(name)}`
		);
		if (status !== 200)
			throw new Error(`The student view of ${code} for ${name} answered ${status}: ${text}`);
		const view = JSON.parse(text);
		return {
			name,
			code,
			path: `/api/assignments/${code}/submissions`,
			body: Buffer.from(JSON.stringify({ name, answers: answerAll(view) })),
			questions: view.questions.length
		};
	}

	/** @param {string} path @returns {Promise<{ status: number, text: string }>} */
	get(path) {
		return new Promise((resolve, reject) => {
			http
				.get(new URL(path, this.base), { agent: this.agent }, (res) => {
					/** @type {Buffer[]} */
					const chunks = [];
					res.on('data', (chunk) => chunks.push(chunk));
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() })
					);
					res.on('error', reject);
				})
				.on('error', reject);
		});
	}

	/** Closes the connections kept open for the views. */
	close() {
		this.agent.destroy();
	}
}

let keys = 0;
// Unique to this run, as the student page's keys are (128 random bits there, saved.ts).
const keyPrefix = randomBytes(6).toString('base64url');

/**
 * Each submission's Idempotency-Key, as the student page sends: 22 characters like the page's,
 * and unique, so that every response can be matched to the row it stored.
 */
export const idempotencyKey = () => `${keyPrefix}-${(++keys).toString(36).padStart(13, '0')}`;

/**
 * Hands out the submissions of a pool of students: every student's first attempt, then (only if
 * the run outlasts the pool) every student's second, and so on up to `attempts`.
 */
export class Pool {
	/** @param {Student[]} students */
	constructor(students) {
		this.students = students;
		this.handed = 0;
	}

	/** @returns {Submission} */
	next() {
		const s = this.students[this.handed++ % this.students.length];
		return { path: s.path, body: s.body, key: idempotencyKey() };
	}

	/** Submissions handed out beyond each student's first. */
	get repeats() {
		return Math.max(0, this.handed - this.students.length);
	}

	/** Whether more were handed out than the students have attempts (those are refused, 409). */
	get overdrawn() {
		return this.handed > this.students.length * attempts;
	}
}
