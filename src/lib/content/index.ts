/** What client code may import from content: types and pure helpers, never the loader. */
export * from './types';
export type { QuizData, VizData } from './bundles';
export { ContentError, ContentErrors } from './errors';
