import { tick } from 'svelte';

/**
 * After the page has drawn what just changed, move focus to the element with this id (the field a
 * form's error names, or the error box) and bring it into view.
 */
export async function focusById(id: string): Promise<void> {
	await tick();
	const element = document.getElementById(id);
	element?.focus();
	element?.scrollIntoView({ block: 'center' });
}
