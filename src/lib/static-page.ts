// The one script of the pages served as plain HTML (`csr = false`: /read and /glossary), about
// 1 KB instead of the framework's 40: the glossary terms' definitions, arriving at a cited
// sentence (/read#p4.s2), the glossary's "Find a term" box, the bar that says the connection is
// gone or a new version is ready, and the service worker. Each part
// does nothing on a page without its markup. Built as a bundle of its own by
// `import … from '$lib/static-page.ts?worker&url'`: Vite's way to compile one module and its
// imports into a single file with a URL; it runs as an ordinary page script, not as a worker.
import { attachGlossaryFilter } from './glossary/filter';
import { watchAppStatus } from './offline/app-status';
import { arriveAtTarget } from './reader/arrive';
import { attachTermPopups } from './reader/term-popups';

attachTermPopups(document);
attachGlossaryFilter(document);
const bar = document.querySelector<HTMLElement>('.app-status');
if (bar) watchAppStatus(bar);
// The reader's sentences take focus on arrival; elsewhere `:target` and the browser suffice.
if (document.querySelector('.reader')) {
	arriveAtTarget(document);
	addEventListener('hashchange', () => arriveAtTarget(document));
}

// What SvelteKit's start script does on a hydrated page: the first visit to any page installs
// the offline copy of the course.
const worker = document.currentScript?.dataset.serviceWorker;
if (worker && 'serviceWorker' in navigator)
	addEventListener('load', () => navigator.serviceWorker.register(new URL(worker, location.href)));

// Marks the page as interactive, as the layout does on hydrated pages (browser tests wait for it).
document.documentElement.dataset.hydrated = 'true';
