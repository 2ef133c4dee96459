// Keeps secrets out of the server's logs. A teacher's link (/teach/<token>) opens their class's
// results, and a receipt opens a student's: a log line is read by people who should see neither.
// `redact` blanks them in a line; `redactConsole` makes every console method do so, for the
// framework's own lines too (SvelteKit logs the path of a 404 or a 415).

/** @type {[RegExp, string][]} */
const patterns = [
	// /teach/<token>… (but not the guide, which holds no secret)
	[/(\/teach\/)(?!guide(?:[/?#\s"']|$))[^/?#\s"'<>]+/g, '$1[token]'],
	// /api/assignments/<code>/submissions/<receipt>
	[/(\/submissions\/)[A-Za-z0-9_-]{16,}/g, '$1[receipt]'],
	// /a/<code>/receipt/<receipt>… (a student's own link to their marked answers)
	[/(\/receipt\/)[^/?#\s"'<>]+/g, '$1[receipt]'],
	// Authorization: Bearer <token>
	[/(Bearer\s+)[^\s"',]+/gi, '$1[token]'],
	// Any bare teacher token (43 base64url characters)
	[/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, '[token]']
];

/**
 * The text with every teacher token and receipt replaced by a placeholder.
 * @param {unknown} text
 * @returns {string}
 */
export function redact(text) {
	let out = String(text);
	for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
	return out;
}

/** @param {unknown} arg */
function redactArg(arg) {
	if (typeof arg === 'string') return redact(arg);
	if (arg instanceof Error) {
		const copy = new Error(redact(arg.message));
		copy.name = arg.name;
		copy.stack = redact(arg.stack ?? '');
		return copy;
	}
	return arg;
}

/**
 * A client that hangs up mid-upload: one line, not a stack trace.
 * @param {unknown} arg
 */
export function isAbortedUpload(arg) {
	const e = /** @type {{ code?: string, cause?: { code?: string }, message?: string }} */ (arg);
	const code = e?.code ?? e?.cause?.code;
	return (
		arg instanceof Error &&
		(code === 'ECONNRESET' ||
			code === 'ERR_STREAM_PREMATURE_CLOSE' ||
			/aborted|premature close|terminated/i.test(arg.message))
	);
}

/** Makes every console method redact what it prints. */
export function redactConsole(target = console) {
	for (const method of /** @type {const} */ (['log', 'info', 'warn', 'error', 'debug'])) {
		const original = target[method].bind(target);
		target[method] = (/** @type {unknown[]} */ ...args) => {
			const aborted = /** @type {Error | undefined} */ (args.find(isAbortedUpload));
			if (aborted)
				return original(`A client closed the connection mid-request (${redact(aborted.message)})`);
			original(...args.map(redactArg));
		};
	}
}
