/** What is selected on a map: a place marker, a focus country, or a drawn area. */
export type MapSelection = { type: 'place' | 'country' | 'area'; id: string } | null;
