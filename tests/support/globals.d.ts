import type { Map as MaplibreMap } from 'maplibre-gl';

declare global {
	interface Window {
		/** Debugging handle set by the map component. */
		protestAtlas?: { map: MaplibreMap; settled: () => Promise<void> };
	}
}

export {};
