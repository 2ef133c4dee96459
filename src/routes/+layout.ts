// Lessons, reader and glossary are static: prerender them. Server routes (teacher, student,
// API) opt out in their own +page/+server files.
export const prerender = true;
export const trailingSlash = 'never';
