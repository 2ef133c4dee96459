import { asset } from '$app/paths';
import type { MapGeometry } from './types';

const pending = new Map<string, Promise<MapGeometry>>();

/**
 * A region's geometry fetched in the browser, for the few pages whose data does not carry it
 * (a quiz question loaded on its own); once per region and page.
 */
export function fetchGeometry(id: string): Promise<MapGeometry> {
	let p = pending.get(id);
	if (!p) {
		const url = asset(`/maps/${id}.json`);
		p = fetch(url).then((r) =>
			r.ok ? (r.json() as Promise<MapGeometry>) : Promise.reject(new Error(`${url}: ${r.status}`))
		);
		p.catch(() => pending.delete(id));
		pending.set(id, p);
	}
	return p;
}
