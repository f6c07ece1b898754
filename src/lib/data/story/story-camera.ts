/** Where a chapter puts the map: a place centred, a city's places fitted, a box, or a centre and zoom. */
import { boundsOfPlaces } from '../aggregate';
import type { Place } from '../schema';
import type { ChapterView } from './story';

export type CameraTarget =
	{ bounds: [number, number, number, number]; maxZoom: number } | { center: [number, number]; zoom: number };

/** A place is shown at street level; a city or a box no closer than its whole. */
const PLACE_ZOOM = 13;
const FIT_MAX_ZOOM = 13;

export function chapterCamera(view: ChapterView, places: readonly Place[]): CameraTarget | undefined {
	const camera = view.camera ?? (view.place ? { place: view.place } : view.city ? { city: view.city } : undefined);
	if (!camera) return undefined;
	if ('bbox' in camera) return { bounds: camera.bbox, maxZoom: FIT_MAX_ZOOM };
	if ('center' in camera) return { center: camera.center, zoom: camera.zoom };
	if ('place' in camera) {
		const place = places.find((p) => p.id === camera.place);
		return place && { center: place.geometry.coordinates, zoom: PLACE_ZOOM };
	}
	const bounds = boundsOfPlaces(
		places.filter((p) => p.properties.city === camera.city && p.properties.kind !== 'country')
	);
	if (!bounds) return undefined;
	if (bounds[0] === bounds[2] && bounds[1] === bounds[3])
		return { center: [bounds[0], bounds[1]], zoom: PLACE_ZOOM - 1 };
	return { bounds, maxZoom: FIT_MAX_ZOOM };
}
