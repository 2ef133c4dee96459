import { guideEntries } from '../../text.server';
import { worksheetData } from '../../worksheet.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;
export const entries: EntryGenerator = guideEntries;

export const load: PageServerLoad = ({ params }) => worksheetData(params.lesson);
