/** What client code may import from content: types and pure helpers, never the loader. */
export * from './types';
export { ContentError, ContentErrors } from './errors';
