/**
 * The map's side of `MapHandle` (state/map-handle.ts): camera moves, focus and the exported
 * picture. Camera moves are not marked essential, so MapLibre cuts instead of flying for a reader
 * who prefers reduced motion.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapHandle } from '$lib/state/map-handle';
import { isOnMap } from './basemap-style';
import { exportMapImage } from './export-image';
import { startFrameCapture } from './video-frames';

/** `map` is the map once it and its markers have loaded; before that, moves are ignored. */
export function createMapHandle(map: () => MaplibreMap | undefined, openedWithView: () => boolean): MapHandle {
	const ready = () => {
		const target = map();
		target?.resize();
		return target;
	};
	return {
		fitBounds(bounds, maxZoom = 14) {
			// A box beyond the basemap (a country-wide place, a bad coordinate) leaves the camera be.
			if (!isOnMap([bounds[0], bounds[1]]) || !isOnMap([bounds[2], bounds[3]])) return;
			ready()?.fitBounds(bounds, { padding: 40, maxZoom, duration: 800 });
		},
		flyTo(center, zoom) {
			if (!isOnMap(center)) return;
			const target = ready();
			target?.flyTo({ center, zoom: Math.max(target.getZoom(), zoom), duration: 900 });
		},
		jumpTo(camera) {
			ready()?.jumpTo({ center: camera.center, zoom: camera.zoom });
		},
		showCamera(camera) {
			const target = ready();
			if ('bounds' in camera)
				target?.fitBounds(camera.bounds, { padding: 40, maxZoom: camera.maxZoom, duration: 1400 });
			else target?.flyTo({ center: camera.center, zoom: camera.zoom, duration: 1400 });
		},
		exportImage(decorations) {
			const target = map();
			return target ? exportMapImage(target, decorations) : Promise.reject(new Error('The map is not ready.'));
		},
		startFrames(size, words, captionLines) {
			const target = map();
			return target
				? startFrameCapture(target, size, words, captionLines)
				: Promise.reject(new Error('The map is not ready.'));
		},
		focus() {
			map()?.getCanvas().focus();
		},
		currentCamera() {
			const target = map();
			if (!target) return undefined;
			const { lng, lat } = target.getCenter();
			return { center: [lng, lat], zoom: target.getZoom() };
		},
		openedWithView
	};
}
