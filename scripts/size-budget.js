// Page-weight budgets that `npm run bench:size -- --check` (run by npm test) holds every page to:
// gzipped JavaScript and HTML, in KB, with the reason for each number. A page over its budget
// fails the test run; raise a budget only with a reason a reader can weigh.
// Figures measured on 1 December 2026 are in the README ("Measurements").

/** @typedef {{ js: number, html: number, why: string }} Budget */

/** @type {Record<string, Budget>} */
export const budgets = {
	default: {
		js: 52,
		html: 12,
		why: 'a page of text: the app shell (Svelte, the router, the layout: about 44 KB) and little else'
	},
	'/': { js: 50, html: 6, why: 'the course map: the app shell and the progress bars' },
	'/read': {
		js: 30,
		html: 9,
		why: 'the text as plain HTML (csr = false) and the one script of such pages: the 38 terms, arriving at a cited sentence, the service worker (1.1 KB); 30 KB is the aim of issue 15, room for that script to grow, never for the framework'
	},
	'/glossary': {
		js: 30,
		html: 13,
		why: 'every definition as plain HTML (about 11 KB of words, csr = false) and the same 1.1 KB script as /read, with the "Find a term" box'
	},
	'/commitments': { js: 48, html: 13, why: 'the table of every commitment, with its filter' },
	'/lessons/*': {
		js: 78,
		html: 20,
		why: 'a lesson: the app shell, the quiz runner and an input for every question type (about 30 KB)'
	},
	// A lesson's chart is drawn by the server; its code (about 35 KB) is imported only when the
	// chart nears the screen (LazyChart), so these load what any lesson loads (was 116–117 KB).
	'/lessons/reading-a-communique': {
		js: 80,
		html: 29,
		why: 'a lesson with the timeline, drawn by the server: its code loads only once the chart nears the screen'
	},
	'/lessons/iraq-partnership': {
		js: 80,
		html: 30,
		why: 'a lesson with the Iraq and Syria map, drawn by the server; its code loads when it nears the screen'
	},
	'/lessons/syria': {
		js: 80,
		html: 30,
		why: 'a lesson with the Iraq and Syria map, drawn by the server; its code loads when it nears the screen'
	},
	'/lessons/threat-remains': {
		js: 117,
		html: 31,
		why: 'its quiz opens on a locate question, whose map code loads with the page (the lesson map itself loads later)'
	},
	'/lessons/west-africa-sahel': {
		js: 80,
		html: 49,
		why: 'a lesson with the West Africa map: its ready-drawn shapes (about 20 KB) come in the page; its code loads when it nears the screen'
	},
	// The chart components carry their styles in their JavaScript (about 3 KB gzip, no longer in a
	// stylesheet), so that a lesson can show the server's drawing of a chart before its code loads.
	'/timeline': {
		js: 106,
		html: 32,
		why: 'the timeline (both layouts) and a map beside it, with their data in the page and their styles in their code'
	},
	'/maps/iraq-syria': {
		js: 89,
		html: 17,
		why: 'a map page: the map code (with its styles) and its shapes'
	},
	'/maps/west-africa-sahel': {
		js: 89,
		html: 32,
		why: 'a map page: West Africa has many more country shapes than Iraq and Syria'
	},
	'/quiz': {
		js: 69,
		html: 9,
		why: 'the practice set-up and the quiz runner; the bank comes once from /bank.json (36 KB, cached)'
	},
	'/review': {
		js: 69,
		html: 12,
		why: 'as /quiz, with the schedule; its two mastery tables are in the HTML (about 2 KB), so nothing moves when the schedule is read from the browser'
	},
	'/teach': {
		js: 62,
		html: 41,
		why: "the create form with every bank question to choose from, its prompt and preview (about 35 KB); 0.1 KB for the status bar, one function shared with the pages served as plain HTML; 1.4 KB more code since issue 14 draws a lesson's questions only when it is opened (1,835 elements to 269, blocking time on a 4× slower phone about 460 to 280 ms)"
	},
	'/join': { js: 53, html: 3, why: 'a two-field form' },
	'/a/:code': {
		js: 61,
		html: 3,
		why: 'the answer sheet: the questions come from the API after the name'
	},
	'/teach/:token': {
		js: 82,
		html: 11,
		why: 'the dashboard: results, the heat map, item analysis, and the forms to edit, list the class and duplicate (about 9 KB)'
	}
};

/** The budget of a route (`/lessons/…` pages share one unless named). @param {string} route @returns {Budget} */
export function budgetFor(route) {
	return (
		budgets[route] ?? budgets[route.replace(/^\/lessons\/.*/, '/lessons/*')] ?? budgets.default
	);
}
