import QRCode from 'qrcode';

/** A QR code as one SVG path over a grid of `size` modules (drawn by the page, never as HTML). */
export interface QrPath {
	size: number;
	path: string;
}

export function qrPath(text: string): QrPath {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	let path = '';
	for (let y = 0; y < modules.size; y++)
		for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) path += `M${x} ${y}h1v1h-1z`;
	return { size: modules.size, path };
}
