// Loaded into MapLibre's own workers (importScriptInWorkers, see src/lib/map/warm-up.ts). A GeoJSON
// source whose data is `atlas-blob://<encoded blob address>` is read here, in MapLibre's worker: the
// view's worker wrote the blob, and a plain blob: address would be fetched and parsed by MapLibre on
// the page's main thread instead. The scheme is the one in src/lib/map/blob-address.ts.
export const SCHEME = 'atlas-blob';

/** @type {{ addProtocol?: (scheme: string, load: (params: { url: string }) => Promise<{ data: unknown }>) => void }} */
const scope = /** @type {never} */ (globalThis);

scope.addProtocol?.(SCHEME, async ({ url }) => {
	const response = await fetch(decodeURIComponent(url.slice(`${SCHEME}://`.length)));
	if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
	return { data: await response.json() };
});
