/** The components a lesson in lessons/*.md may use. */
export { default as Quote } from './Quote.svelte';
export { default as Term } from './Term.svelte';
export { default as Fact } from './Fact.svelte';
export { default as ContentNote } from './ContentNote.svelte';
export { default as Think } from './Think.svelte';
