/**
 * Starts what the map needs before the map itself: MapLibre's code, its worker pool and the label
 * font, while the page hydrates and fetches its data.
 */
import { MAP_FONT } from './basemap-style';

let started: Promise<void> | undefined;

export function warmUpMap(): Promise<void> {
	started ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		document.fonts.load(`16px "${MAP_FONT}"`).catch(() => undefined)
	]).then(([maplibregl, worker]) => {
		maplibregl.setWorkerUrl(worker.default);
		maplibregl.prewarm();
	});
	return started;
}
