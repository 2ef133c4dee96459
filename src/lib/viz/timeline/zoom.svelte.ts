import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';

/**
 * The wide timeline's zoom along time: d3-zoom on the SVG (Ctrl+wheel or pinch, dragging, the
 * buttons), the transform kept as state for the scale to follow. Only d3 touches the DOM here.
 */
export class TimeZoom {
	transform: ZoomTransform = $state(zoomIdentity);
	#svg: SVGSVGElement | undefined;
	#behaviour = zoom<SVGSVGElement, unknown>()
		.scaleExtent([1, 16])
		// The page keeps its normal scrolling: the wheel zooms only with Ctrl (or a pinch).
		.filter((event) => (event.type === 'wheel' ? event.ctrlKey : !event.button))
		.on('zoom', (event) => (this.transform = event.transform));

	/** An attachment for the SVG element. */
	attach = (element: SVGSVGElement) => {
		this.#svg = element;
		select(element).call(this.#behaviour);
		return () => {
			select(element).on('.zoom', null);
			this.#svg = undefined;
		};
	};

	/** The part of the drawing that zooms and pans: from `left` to `right`, `height` tall. */
	setExtent(left: number, right: number, height: number) {
		const extent: [[number, number], [number, number]] = [
			[left, 0],
			[Math.max(left + 1, right), height]
		];
		this.#behaviour.extent(extent).translateExtent(extent);
	}

	scaleBy = (factor: number) => {
		if (this.#svg) select(this.#svg).call(this.#behaviour.scaleBy, factor);
	};

	reset = () => {
		if (this.#svg) select(this.#svg).call(this.#behaviour.transform, zoomIdentity);
	};

	/** Pans, at the same zoom, so that `at` (a position at no zoom) comes to `centre`. */
	panTo(at: number, centre: number) {
		const k = this.transform.k;
		if (this.#svg)
			select(this.#svg).call(
				this.#behaviour.transform,
				zoomIdentity.translate(centre - at * k, 0).scale(k)
			);
	}
}
