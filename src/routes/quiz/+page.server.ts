import { practiceIndex } from '$lib/content/course.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => practiceIndex();
