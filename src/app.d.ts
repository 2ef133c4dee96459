// See https://svelte.dev/docs/kit/types#app.d.ts
import type { MapGeometry } from '$lib/viz/map/types';

declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		interface PageData {
			/** Ready-drawn maps (region id → geometry) for the pages that show them. */
			maps?: Record<string, MapGeometry>;
		}
		// interface PageState {}
		// interface Platform {}
	}
}

declare module '*.md' {
	import type { Component } from 'svelte';
	const component: Component;
	export default component;
	export const metadata: Record<string, unknown>;
}

export {};
