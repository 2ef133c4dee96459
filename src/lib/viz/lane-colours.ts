/** Lane colours are CSS variables (app.css), with lighter variants for dark mode. */
export const laneColours: Record<string, string> = {
	Iraq: 'var(--lane-iraq)',
	Syria: 'var(--lane-syria)',
	Africa: 'var(--lane-africa)',
	'Coalition & diplomacy': 'var(--lane-coalition)',
	'UN & law': 'var(--lane-un)'
};
