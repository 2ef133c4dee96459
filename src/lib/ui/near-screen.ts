/**
 * An attachment (`{@attach nearScreen(() => …)}`) that calls `onnear` once, when its element comes
 * within `margin` of the screen: for work a reader only needs once they scroll to it (a chart's
 * code, a map's layout). Without IntersectionObserver it calls at once.
 */
export function nearScreen(onnear: () => void, margin = '600px 0px') {
	return (element: Element) => {
		if (typeof IntersectionObserver === 'undefined') {
			onnear();
			return;
		}
		const observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				observer.disconnect();
				onnear();
			},
			{ rootMargin: margin }
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
