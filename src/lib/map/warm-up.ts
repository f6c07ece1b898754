/**
 * Starts what the map needs before the map itself: MapLibre's code, its worker pool and the label
 * font, while the page hydrates and fetches its data.
 */
import { MAP_FONT } from './basemap-style';

type MapLibre = typeof import('maplibre-gl');
let started: Promise<MapLibre> | undefined;

/** MapLibre, once its worker pool runs and the label font is in; started once, however often asked. */
export function warmUpMap(): Promise<MapLibre> {
	started ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		document.fonts.load(`16px "${MAP_FONT}"`).catch(() => undefined)
	]).then(([maplibregl, worker]) => {
		maplibregl.setWorkerUrl(worker.default);
		maplibregl.prewarm();
		return maplibregl;
	});
	return started;
}
