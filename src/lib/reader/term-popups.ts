// Every glossary term's definition, opened and closed by one set of listeners on the document
// (event delegation) instead of a component per term: the terms are plain server-rendered
// markup (TermButton.svelte), so a page of text needs no hydration for them. The markup:
//   <span class="term"><button class="term-button" aria-expanded="false" aria-controls="X">…
//   </button><span id="X" class="term-popover" hidden>…</span></span>
// A press toggles the definition; Escape inside it closes it and puts focus back on the term;
// focus leaving the term (to another term, say) closes it.

/** Marks the document once the listeners are on, so a second call (or script) adds none. */
const attachedFlag = 'termPopups';

function popoverOf(button: HTMLElement): HTMLElement | null {
	const id = button.getAttribute('aria-controls');
	return id ? button.ownerDocument.getElementById(id) : null;
}

function setOpen(button: HTMLElement, open: boolean): void {
	const popover = popoverOf(button);
	if (!popover) return;
	button.setAttribute('aria-expanded', String(open));
	popover.hidden = !open;
	popover.style.translate = '';
	if (!open) return;
	// Keep the definition inside the window: shift it left when the term sits near the right edge.
	const view = button.ownerDocument.defaultView;
	const overflow = popover.getBoundingClientRect().right - ((view?.innerWidth ?? 0) - 12);
	if (view && overflow > 0) popover.style.translate = `-${Math.ceil(overflow)}px 0`;
}

/** The term wrapper an event happened in, and its button. */
function termAt(target: EventTarget | null): { wrapper: HTMLElement; button: HTMLElement } | null {
	if (!(target instanceof Element)) return null;
	const wrapper = target.closest<HTMLElement>('.term');
	const button = wrapper?.querySelector<HTMLElement>(':scope > .term-button');
	return wrapper && button ? { wrapper, button } : null;
}

/**
 * Puts the listeners on `doc`, once per document (later calls do nothing). They stay: every term
 * of every later page needs them.
 */
export function attachTermPopups(doc: Document): void {
	const root = doc.documentElement;
	if (root.dataset[attachedFlag]) return;
	root.dataset[attachedFlag] = 'on';

	const onclick = (event: MouseEvent) => {
		const target = event.target instanceof Element ? event.target : null;
		const button = target?.closest<HTMLElement>('.term-button');
		if (button) setOpen(button, button.getAttribute('aria-expanded') !== 'true');
	};
	const onkeydown = (event: KeyboardEvent) => {
		if (event.key !== 'Escape') return;
		const term = termAt(event.target);
		if (!term || term.button.getAttribute('aria-expanded') !== 'true') return;
		setOpen(term.button, false);
		term.button.focus();
		event.stopPropagation();
	};
	const onfocusout = (event: FocusEvent) => {
		const term = termAt(event.target);
		if (term && !term.wrapper.contains(event.relatedTarget as Node | null))
			setOpen(term.button, false);
	};
	doc.addEventListener('click', onclick);
	// Capture: Escape closes the definition and nothing around it (a dialog, a disclosure).
	doc.addEventListener('keydown', onkeydown, true);
	doc.addEventListener('focusout', onfocusout);
}
