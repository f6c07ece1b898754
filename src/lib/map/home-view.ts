/**
 * Where the map opens, and where "Show the whole dataset" returns: all of Belarus for data there,
 * or, on a map taller than it is wide (a phone held upright), the dataset's cities, since the
 * whole country does not fit across it; elsewhere the data's own extent.
 */
import type { Place } from '$lib/data/schema';
import type { Bounds } from '$lib/state/map-handle';
import { BELARUS_BOUNDS, isOnMap } from './basemap-style';

type Padding = number | { top: number; bottom: number; left: number; right: number };
/** Pixels kept clear around the home view. */
const HOME_PADDING = 24;
/**
 * Around the cities, room for the circle of a city at the edge. Room for its label too would take
 * the map so far out on a phone that the labels in the middle collide and are hidden (Minsk's first).
 */
const CITIES_PADDING = 36;

const withinBasemap = (box: Bounds) => isOnMap([box[0], box[1]]) && isOnMap([box[2], box[3]]);

/** The extent of the dataset's cities and towns on the offline basemap; undefined when none is. */
export function citiesOnMap(places: readonly Place[]): Bounds | undefined {
	let box: Bounds | undefined;
	for (const place of places) {
		if (place.properties.city !== place.id || place.properties.kind === 'country') continue;
		const [lon, lat] = place.geometry.coordinates;
		if (!isOnMap([lon, lat])) continue;
		box = box
			? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
			: [lon, lat, lon, lat];
	}
	return box;
}

export function homeView(
	extent: Bounds,
	cities: Bounds | undefined,
	size: { width: number; height: number }
): { bounds: Bounds; padding: Padding } {
	if (!withinBasemap(extent)) {
		const pad = Math.max(0.5, (extent[2] - extent[0]) * 0.05, (extent[3] - extent[1]) * 0.05);
		const bounds: Bounds = [
			Math.max(-180, extent[0] - pad),
			Math.max(-85, extent[1] - pad),
			Math.min(180, extent[2] + pad),
			Math.min(85, extent[3] + pad)
		];
		return { bounds, padding: HOME_PADDING };
	}
	if (cities && size.height > size.width) return { bounds: cities, padding: CITIES_PADDING };
	return { bounds: BELARUS_BOUNDS, padding: HOME_PADDING };
}
