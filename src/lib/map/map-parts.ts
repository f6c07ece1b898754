/** Small pieces of the map's set-up and upkeep, apart from the component that holds the map. */
import type { FilterSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_ATTRIBUTION, CAMERA_BOUNDS, MIN_ZOOM } from './basemap-style';
import { ResetViewControl } from './reset-view-control';
import { UNCHECKED } from './warm-up';

type MaplibreModule = typeof import('maplibre-gl');

/** Zoom buttons, "Show the whole dataset", a scale bar and the credits; no rotation, which only disorients. */
export function addControls(
	map: MaplibreMap,
	maplibregl: MaplibreModule,
	home: ConstructorParameters<typeof ResetViewControl>[0],
	resetLabel: string
): ResetViewControl {
	map.touchZoomRotate.disableRotation();
	map.keyboard.disableRotation();
	map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
	const reset = new ResetViewControl(home, resetLabel);
	map.addControl(reset, 'top-left');
	map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
	const online = import.meta.env.PUBLIC_BASEMAP_STYLE_URL;
	map.addControl(
		new maplibregl.AttributionControl({ customAttribution: online ? undefined : BASEMAP_ATTRIBUTION }),
		'bottom-right'
	);
	return reset;
}

/**
 * Sets a layer's filter if it differs from the one it has. MapLibre draws a whole frame after
 * every setFilter, even an unchanged one, and a frame of many markers is slow in software.
 */
export function changeFilter(map: MaplibreMap, layer: string, filter: FilterSpecification): void {
	if (!map.getLayer(layer) || JSON.stringify(map.getFilter(layer)) === JSON.stringify(filter)) return;
	map.setFilter(layer, filter, UNCHECKED);
}

/** Ids of the towns the offline basemap labels, from its own loaded source; none for an online basemap. */
export async function basemapTownIds(map: MaplibreMap): Promise<ReadonlySet<string> | undefined> {
	try {
		const towns = await (map.getSource('settlements') as GeoJSONSource | undefined)?.getData();
		if (!towns) return undefined;
		return new Set(((towns as FeatureCollection).features ?? []).map((f) => String(f.properties?.id)));
	} catch {
		return undefined;
	}
}

/** Data within the offline basemap keeps the camera on it; an online basemap covers the world, and holds nothing. */
export function holdToBasemap(map: MaplibreMap, withinBasemap: boolean): void {
	if (!import.meta.env.PUBLIC_BASEMAP_STYLE_URL) map.setMaxBounds(withinBasemap ? CAMERA_BOUNDS : null);
	map.setMinZoom(withinBasemap ? MIN_ZOOM : 0);
}
