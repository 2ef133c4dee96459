/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// The course offline after a first visit (issue 15). Everything the build made (scripts, styles,
// the prerendered lessons, the text, the glossary, the maps' data, the question bank) is cached
// when the worker installs, so a lesson never opened before still opens without a connection.
// What needs the teacher's server (assignments, dashboards, the API) always goes to the network;
// a student's own assignment page and questions are kept from the last visit as a fallback.
// A new version waits until the page asks it to take over (the learner chooses when to reload).
import { build, files, prerendered, version } from '$service-worker';
import { cacheable, networkOnly, type Strategy } from '$lib/offline/strategy';

const sw = self as unknown as ServiceWorkerGlobalScope;
const precache = `course-${version}`;
/** Pages and data of the server kept from the last visit (assignment covers, their questions). */
const visited = `visited-${version}`;
const assets = new Set([...build, ...files, ...prerendered]);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(precache).then((cache) => cache.addAll([...assets])));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key !== precache && key !== visited) await caches.delete(key);
			// The first install controls the page at once (nothing else does); an update gets here
			// only after the page asked for it (below).
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'take-over') sw.skipWaiting();
});

async function fromPrecache(request: Request, path: string): Promise<Response> {
	const cached = await caches.match(path, { cacheName: precache });
	return cached ?? fetch(request);
}

async function networkThenVisited(request: Request): Promise<Response> {
	const cache = await caches.open(visited);
	try {
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const cached = await cache.match(request);
		if (cached) return cached;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	const strategy: Strategy =
		request.method !== 'GET' || url.origin !== sw.location.origin
			? 'network'
			: assets.has(url.pathname)
				? 'precache'
				: networkOnly(url.pathname)
					? 'network'
					: cacheable(url.pathname)
						? 'network-then-visited'
						: 'network';
	if (strategy === 'precache') event.respondWith(fromPrecache(request, url.pathname));
	else if (strategy === 'network-then-visited') event.respondWith(networkThenVisited(request));
});
