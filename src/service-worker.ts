/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Readable offline after one visit: the app, its fonts, the basemap and the default dataset are
 * cached when the worker installs. Any other dataset is kept only when the reader asks ("Keep for
 * offline reading", in a cache of its own that the page fills): what a reader opened is not
 * recorded on the device. Only the app's own files are kept, nothing about the reader.
 */
import { build, files, prerendered, version } from '$service-worker';
import { KEPT_CACHE } from '$lib/state/offline-keep';
import publishedIndex from '../static/data/index.json';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `protest-atlas-${version}`;
/**
 * Of the published data, only the list, the stories (a few KB of text) and the default dataset are
 * kept at install. Other
 * datasets, their details and every Parquet copy are kept only if the reader asks.
 */
const isKeptData = (pathname: string) =>
	pathname.endsWith('/data/index.json') ||
	pathname.includes('/data/stories/') ||
	pathname.endsWith(`/data/${publishedIndex.default}.json`) ||
	pathname.endsWith(`/data/${publishedIndex.default}.overview.json`) ||
	pathname.includes(`/data/${publishedIndex.default}.details/`);
const PRECACHE = [...build, ...files.filter((file) => !file.includes('/data/') || isKeptData(file)), ...prerendered];

worker.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

worker.addEventListener('activate', (event) => {
	// Older versions' caches go; the new one has everything they had. What the reader kept stays.
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE && key !== KEPT_CACHE).map((key) => caches.delete(key)))
			)
			.then(() => worker.clients.claim())
	);
});

// The page asks a waiting new version to take over when the reader chooses to reload.
worker.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	// A range of a tile archive or of a Parquet file goes to the network as it is: a partial
	// answer is never stored, so a tiled dataset read piece by piece leaves nothing on the device.
	if (request.method !== 'GET' || url.origin !== location.origin || request.headers.has('range')) return;
	event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// App files never change under one version: the cache answers first.
	if (PRECACHE.includes(url.pathname) && !url.pathname.includes('/data/')) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}
	try {
		const response = await fetch(request);
		// Datasets may be republished: the network first, and a copy already kept is refreshed.
		if (response.ok && isKeptData(url.pathname)) void cache.put(request, response.clone());
		else if (response.ok && url.pathname.includes('/data/')) void refreshKept(request, response.clone());
		return response;
	} catch (error) {
		const cached =
			(await caches.match(request, { ignoreSearch: true })) ??
			(request.mode === 'navigate' ? await cache.match(navigationFallback(url.pathname)) : undefined);
		if (cached) return cached;
		throw error;
	}
}

/** A dataset file the reader kept is replaced by its newer copy; nothing else is stored. */
async function refreshKept(request: Request, response: Response): Promise<void> {
	if (!(await caches.has(KEPT_CACHE))) return;
	const kept = await caches.open(KEPT_CACHE);
	if (await kept.match(request, { ignoreSearch: true })) await kept.put(request, response);
}

/** A page opened offline is the prerendered page of its route, whatever its search parameters. */
function navigationFallback(pathname: string): string {
	return pathname.startsWith('/embed') ? '/embed/' : '/';
}
