/**
 * Starts what the map needs before the map itself: MapLibre's code, its worker pool and the label
 * font, while the page hydrates and fetches its data.
 */
import { asset } from '$app/paths';
import { BLOB_PROTOCOL_SCRIPT } from './blob-address';
import { MAP_FONT } from './basemap-style';

type MapLibre = typeof import('maplibre-gl');
let started: Promise<MapLibre> | undefined;

/** MapLibre, once its worker pool runs and the label font is in; started once, however often asked. */
export function warmUpMap(): Promise<MapLibre> {
	started ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		document.fonts.load(`16px "${MAP_FONT}"`).catch(() => undefined)
	]).then(async ([maplibregl, worker]) => {
		maplibregl.setWorkerUrl(worker.default);
		maplibregl.prewarm();
		// MapLibre's workers read the markers' blobs themselves (see blob-address.ts).
		await maplibregl.importScriptInWorkers(new URL(asset(BLOB_PROTOCOL_SCRIPT), location.href).href);
		return maplibregl;
	});
	return started;
}
