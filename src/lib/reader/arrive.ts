// Arriving at a sentence or paragraph by its address (/read#p4.s2): the one the address names is
// highlighted (class `is-target`) and focused, so keyboard and screen-reader users start reading
// at the cited sentence. Shared by the reader page (after each navigation) and the reader's
// static script (on load and on each hash change).

/** Highlights and focuses the element the address's hash names; returns its id ('' for none). */
export function arriveAtTarget(doc: Document): string {
	const target = decodeURIComponent(doc.location.hash.slice(1));
	for (const el of doc.querySelectorAll('.is-target')) el.classList.remove('is-target');
	const el = target ? doc.getElementById(target) : null;
	if (!el) return '';
	el.classList.add('is-target');
	el.focus({ preventScroll: true });
	return target;
}
