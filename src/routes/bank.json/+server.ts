import { json } from '@sveltejs/kit';
import { course, quizData } from '$lib/content/course.server';

// A static file at build time: /quiz and /review fetch it once (and the service worker keeps it),
// rather than each page carrying the whole bank in its HTML.
export const prerender = true;

export const GET = () => json(quizData(course.questions));
