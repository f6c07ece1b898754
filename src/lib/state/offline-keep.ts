/**
 * "Keep for offline reading": a published dataset other than the default is kept in the browser
 * only when the reader asks, in a cache of its own that the service worker reads and refreshes but
 * never fills by itself. The app, its fonts, the basemap and the default dataset are the service
 * worker's own cache.
 */
import { detailsPath } from '$lib/data/published-shape';

/** The Cache Storage cache of the datasets a reader chose to keep; it outlives app versions. */
export const KEPT_CACHE = 'protest-atlas-kept';

/** Every file a published dataset is read from: its index and, for a large one, its details. */
export function datasetFiles(indexUrl: string, slug: string, detailsChunks = 0): string[] {
	const details = Array.from({ length: detailsChunks }, (_, n) => new URL(detailsPath(slug, n), indexUrl).href);
	return [indexUrl, ...details];
}

const cacheStorage = (): CacheStorage | undefined => (typeof caches === 'undefined' ? undefined : caches);

/** Whether this browser can keep a dataset (Cache Storage needs a secure context). */
export const canKeep = () => cacheStorage() !== undefined;

/** Whether the reader kept this dataset. Asking never makes a cache. */
export async function isKept(indexUrl: string): Promise<boolean> {
	const storage = cacheStorage();
	if (!storage || !(await storage.has(KEPT_CACHE))) return false;
	return (await (await storage.open(KEPT_CACHE)).match(indexUrl)) !== undefined;
}

/** Keeps every file of a dataset, or none: a half-kept dataset would fail offline. */
export async function keep(files: readonly string[]): Promise<void> {
	const storage = cacheStorage();
	if (!storage) throw new Error('This browser cannot keep files for this site.');
	const cache = await storage.open(KEPT_CACHE);
	try {
		await cache.addAll(files.map((url) => new Request(url, { credentials: 'omit' })));
	} catch (error) {
		await release(files);
		throw error;
	}
}

/** Lets go of a dataset's files; the cache itself goes when it holds nothing more. */
export async function release(files: readonly string[]): Promise<void> {
	const storage = cacheStorage();
	if (!storage || !(await storage.has(KEPT_CACHE))) return;
	const cache = await storage.open(KEPT_CACHE);
	await Promise.all(files.map((url) => cache.delete(url)));
	if ((await cache.keys()).length === 0) await storage.delete(KEPT_CACHE);
}

/** "Forget this site": every cache, every service worker, and any storage, gone. */
export async function forgetSite(): Promise<void> {
	const storage = cacheStorage();
	if (storage) await Promise.all((await storage.keys()).map((key) => storage.delete(key)));
	const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
	await Promise.all(registrations.map((registration) => registration.unregister()));
	localStorage.clear();
	sessionStorage.clear();
}
