import type { MapLayout } from './layout';

/**
 * The layout the server computed travels in the page as JSON, keyed by what it depends on, so
 * hydrating reuses it instead of laying the map out again.
 */
export interface PresetLayout {
	inputs: string;
	layout: MapLayout;
}

/** The JSON a map's server rendering writes beside it ("<" escaped, so it cannot end its script). */
export const presetJson = (preset: PresetLayout) => JSON.stringify(preset).replace(/</g, '\\u003c');

/** The server's layout for the map whose script element has this id; null on the server or if none. */
export function readPreset(id: string): PresetLayout | null {
	if (typeof document === 'undefined') return null;
	const text = document.getElementById(id)?.textContent;
	return text ? (JSON.parse(text) as PresetLayout) : null;
}
