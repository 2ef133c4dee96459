/** How exports and the item analysis name things a question refers to by id (places, events). */
export interface ExportLabels {
	placeName(id: string): string;
	eventTitle(id: string): string;
}
