import type { Box, MapGeometry, Point, View } from './types';

/** The most a map zooms in. */
export const MAX_ZOOM = 8;

/** The drawing at rest for a given width: the frame fills it, no zoom. */
export function restView(geometry: Pick<MapGeometry, 'width' | 'height'>, width: number): View {
	return {
		width,
		height: Math.round((width * geometry.height) / geometry.width),
		k: 1,
		x: 0,
		y: 0
	};
}

/**
 * The width a map is laid out at, for a frame `frame` CSS pixels wide. Within a little of the
 * width the server laid it out at (from 5% narrower to 25% wider: a 390 px phone, a 412 px one) the
 * server's layout is kept as it is and its viewBox scales it, labels a little larger: hydrating
 * then lays nothing out again. Any other width gets a layout of its own.
 */
export function layoutWidth(frame: number, server: number): number {
	return frame >= server * 0.95 && frame <= server * 1.25 ? server : Math.round(frame);
}

/** Map units → CSS pixels on screen. */
export function toScreen(view: View, geometry: Pick<MapGeometry, 'width'>, [px, py]: Point): Point {
	const s = (view.width / geometry.width) * view.k;
	return [px * s + view.x, py * s + view.y];
}

/** Keeps the frame covering the whole drawing: no zooming out past it, no panning off its edge. */
export function constrain(view: View): View {
	const k = Math.min(Math.max(view.k, 1), MAX_ZOOM);
	const x = Math.min(0, Math.max(view.width * (1 - k), view.x));
	const y = Math.min(0, Math.max(view.height * (1 - k), view.y));
	return { ...view, k, x, y };
}

/** Zooms by a factor, keeping the screen point `at` (default: the middle) where it is. */
export function zoomBy(view: View, factor: number, at?: Point): View {
	const [cx, cy] = at ?? [view.width / 2, view.height / 2];
	const k = Math.min(Math.max(view.k * factor, 1), MAX_ZOOM);
	const ratio = k / view.k;
	return constrain({ ...view, k, x: cx - (cx - view.x) * ratio, y: cy - (cy - view.y) * ratio });
}

/** Moves the map by (dx, dy) screen pixels, as far as the frame allows. */
export function panBy(view: View, dx: number, dy: number): View {
	return constrain({ ...view, x: view.x + dx, y: view.y + dy });
}

/** The drawing's own rectangle, inset by a margin. */
export const viewBox = (view: View, inset = 0): Box => ({
	x0: inset,
	y0: inset,
	x1: view.width - inset,
	y1: view.height - inset
});

/**
 * What a key does to the map: + (or =) and − zoom, 0 returns to `rest`, the arrows pan once zoomed.
 * Null for any other key, and for an arrow at rest (it scrolls the page as usual).
 */
export function keyMove(view: View, key: string, rest: View): View | null {
	const step = 60;
	const moves: Record<string, () => View> = {
		'+': () => zoomBy(view, 1.6),
		'=': () => zoomBy(view, 1.6),
		'-': () => zoomBy(view, 1 / 1.6),
		'0': () => rest,
		ArrowLeft: () => panBy(view, step, 0),
		ArrowRight: () => panBy(view, -step, 0),
		ArrowUp: () => panBy(view, 0, step),
		ArrowDown: () => panBy(view, 0, -step)
	};
	const move = moves[key];
	if (!move || (key.startsWith('Arrow') && view.k === 1)) return null;
	return move();
}
