/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Readable offline after one visit: the app, its fonts, the basemap and the default dataset are
 * cached when the worker installs; a published dataset is cached once it has been opened. Only the
 * app's own files are kept: nothing about the reader or what they looked at.
 */
import { build, files, prerendered, version } from '$service-worker';
import publishedIndex from '../static/data/index.json';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `protest-atlas-${version}`;
/**
 * Of the published data, only the list and the default dataset are kept at install: other
 * datasets, their details and their Parquet copies can be large, and are kept once opened.
 */
const KEPT_DATA = new Set(['/data/index.json', `/data/${publishedIndex.default}.json`]);
const PRECACHE = [
	...build,
	...files.filter((file) => !file.startsWith('/data/') || KEPT_DATA.has(file)),
	...prerendered
];

worker.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

worker.addEventListener('activate', (event) => {
	// Older versions' caches go; the new one has everything they had.
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
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
	if (request.method !== 'GET' || url.origin !== location.origin) return;
	event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// App files never change under one version: the cache answers first.
	if (PRECACHE.includes(url.pathname) && !url.pathname.startsWith('/data/')) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}
	try {
		const response = await fetch(request);
		// Datasets may be republished: the network first, and what was opened is kept for offline reading.
		if (response.ok && url.pathname.startsWith('/data/')) void cache.put(request, response.clone());
		return response;
	} catch (error) {
		const cached =
			(await cache.match(request, { ignoreSearch: true })) ??
			(request.mode === 'navigate' ? await cache.match(navigationFallback(url.pathname)) : undefined);
		if (cached) return cached;
		throw error;
	}
}

/** A page opened offline is the prerendered page of its route, whatever its search parameters. */
function navigationFallback(pathname: string): string {
	return pathname.startsWith('/embed') ? '/embed/' : '/';
}
