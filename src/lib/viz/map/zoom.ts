import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { View } from './types';
import { MAX_ZOOM } from './view';

export interface ZoomControl {
	/** Moves the map to a view (buttons, keys, a new width), keeping d3-zoom's state in step. */
	apply(view: View): void;
	destroy(): void;
}

/**
 * Pinch, Ctrl + wheel (a trackpad pinch arrives as one) and, once zoomed in, dragging, through
 * d3-zoom. At rest a single finger and a plain wheel still scroll the page, so a map never traps
 * someone scrolling past it.
 */
export function attachZoom(
	svg: SVGSVGElement,
	current: () => View,
	onview: (view: View) => void
): ZoomControl {
	const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
		.scaleExtent([1, MAX_ZOOM])
		.extent(() => [
			[0, 0],
			[current().width, current().height]
		])
		.filter((event: Event) => {
			const zoomed = current().k > 1;
			if (event.type === 'wheel') return (event as WheelEvent).ctrlKey;
			if (event.type === 'dblclick') return false;
			if (event.type.startsWith('touch')) return (event as TouchEvent).touches.length > 1 || zoomed;
			return zoomed && !(event as MouseEvent).button;
		})
		.on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
			const { k, x, y } = event.transform;
			onview({ ...current(), k, x, y });
		});
	const selection = select(svg).call(behaviour);
	const { width, height } = current();
	behaviour.translateExtent([
		[0, 0],
		[width, height]
	]);
	return {
		apply(view) {
			// The frame always covers the drawing (in d3-zoom's unzoomed units: the drawing at rest).
			behaviour.translateExtent([
				[0, 0],
				[view.width, view.height]
			]);
			behaviour.transform(selection, zoomIdentity.translate(view.x, view.y).scale(view.k));
		},
		destroy() {
			selection.on('.zoom', null);
		}
	};
}
