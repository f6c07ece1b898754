/**
 * The offline copy's service worker is registered once the map has drawn its markers and basemap,
 * not at the page's load: its install fetches the whole app, the fonts, the basemap and the default
 * dataset, and would otherwise compete with the first view for the network and the CPU. A page that
 * never draws a map (no WebGL, the privacy page) registers it a while after it has loaded.
 */
import { dev } from '$app/environment';
import { base } from '$app/paths';

/** After the page's load, a page without a ready map still gets its offline copy this much later. */
const WITHOUT_MAP_MS = 15_000;

let asked = false;

export function installOfflineCopy(): void {
	if (asked || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	asked = true;
	// In development the worker is a module served by Vite.
	navigator.serviceWorker.register(`${base}/service-worker.js`, dev ? { type: 'module' } : undefined).catch(() => {
		asked = false;
	});
}

/** After "Forget this site": nothing is registered again until the reader opens the site anew. */
export function neverInstallOfflineCopy(): void {
	asked = true;
}

/** For every page: the fallback, should no map become ready. */
export function installOfflineCopyLater(): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const later = () => (timer = setTimeout(installOfflineCopy, WITHOUT_MAP_MS));
	if (document.readyState === 'complete') later();
	else addEventListener('load', later, { once: true });
	return () => {
		removeEventListener('load', later);
		clearTimeout(timer);
	};
}
