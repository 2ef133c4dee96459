// The one script of the reader when it is served as plain HTML (/read has `csr = false`): the
// terms' definitions, arriving at a cited sentence, and the service worker, without the
// framework (about 1 KB instead of about 40). Built as a bundle of its own by
// `import … from './static-page.ts?worker&url'`: Vite's way to compile one module and its imports
// into a single file with a URL; it runs as an ordinary page script, not as a worker.
import { arriveAtTarget } from './arrive';
import { attachTermPopups } from './term-popups';

attachTermPopups(document);
arriveAtTarget(document);
addEventListener('hashchange', () => arriveAtTarget(document));

// What SvelteKit's start script does on a hydrated page: the first visit to any page installs
// the offline copy of the course.
const worker = document.currentScript?.dataset.serviceWorker;
if (worker && 'serviceWorker' in navigator)
	addEventListener('load', () => navigator.serviceWorker.register(new URL(worker, location.href)));

// Marks the page as interactive, as the layout does on hydrated pages (browser tests wait for it).
document.documentElement.dataset.hydrated = 'true';
