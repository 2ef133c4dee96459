import type { LabelStyle, Measure } from './labels';

/** Text widths measured with a canvas in the page's own font, remembered per text and style. */
export function canvasMeasure(fontFamily: string): Measure | null {
	const ctx = document.createElement('canvas').getContext('2d');
	if (!ctx) return null;
	const known = new Map<string, number>();
	return (text: string, style: LabelStyle) => {
		const key = `${style.size}|${style.bold}|${style.caps}|${text}`;
		let w = known.get(key);
		if (w === undefined) {
			ctx.font = `${style.bold ? 700 : 400} ${style.size}px ${fontFamily}`;
			const shown = style.caps ? text.toUpperCase() : text;
			w = Math.ceil(
				ctx.measureText(shown).width + (style.spacing ?? 0) * style.size * shown.length
			);
			known.set(key, w);
		}
		return w;
	};
}
