/**
 * How the service worker answers a GET for a path that the build did not make (those are always
 * served from the cache it filled when it installed).
 *
 * - `network`: only the server can answer (a teacher's dashboard and exports, results, receipts,
 *   the health checks), or nothing is worth keeping;
 * - `network-then-visited`: the server's answer when it can be reached, else the copy kept from the
 *   last visit: a student's assignment page and its questions, the join and create forms (they
 *   say themselves that sending needs the connection).
 */
export type Strategy = 'precache' | 'network' | 'network-then-visited';

const code = '[A-Z0-9]{4,12}';
const keptFromLastVisit = [
	new RegExp(`^/a/${code}(/__data\\.json)?$`),
	new RegExp(`^/api/assignments/${code}$`),
	/^\/(join|teach)(\/__data\.json)?$/
];

/** Paths only the server may answer, never from a cache (teacher tokens, results, receipts). */
const serverOnly = [/^\/teach\/[^/]+/, /^\/api\//, /^\/(healthz|readyz)$/];

export function cacheable(path: string): boolean {
	return keptFromLastVisit.some((pattern) => pattern.test(path));
}

export function networkOnly(path: string): boolean {
	return !cacheable(path) && serverOnly.some((pattern) => pattern.test(path));
}
