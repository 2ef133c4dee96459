// What the bar under the header (AppStatus.svelte) says, as one function on its markup, so the
// pages served as plain HTML (src/lib/static-page.ts) show it too: that the connection is gone,
// and that a new version is ready, with a button to reload into it. A new version never takes
// over by itself, so nothing changes under a student in the middle of a quiz. The markup:
//   .app-status > p.offline[hidden], p.update[hidden] > button

/** Shows and hides the bar's two lines under `bar`; returns a function that stops watching. */
export function watchAppStatus(bar: HTMLElement): () => void {
	const offline = bar.querySelector<HTMLElement>('.offline');
	const update = bar.querySelector<HTMLElement>('.update');
	const button = update?.querySelector('button');
	const showOnline = () => offline && (offline.hidden = navigator.onLine);
	showOnline();
	addEventListener('online', showOnline);
	addEventListener('offline', showOnline);

	const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
	/** The new version's worker, installed and waiting for the learner to reload. */
	let ready: ServiceWorker | null = null;
	let asked = false;
	// Reload once the new version controls the page, but only when the learner asked for it
	// (the first install also takes control, and must not reload anything).
	const reload = () => asked && location.reload();
	worker?.addEventListener('controllerchange', reload);
	worker?.ready.then((registration) => {
		const offer = (candidate: ServiceWorker | null) => {
			if (!candidate || !worker.controller || !update) return;
			ready = candidate;
			update.hidden = false;
		};
		offer(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') offer(installing);
			});
		});
	});
	const take = () => {
		asked = true;
		ready?.postMessage({ type: 'take-over' });
	};
	button?.addEventListener('click', take);
	return () => {
		removeEventListener('online', showOnline);
		removeEventListener('offline', showOnline);
		worker?.removeEventListener('controllerchange', reload);
		button?.removeEventListener('click', take);
	};
}
