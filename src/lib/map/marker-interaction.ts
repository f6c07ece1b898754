/**
 * What a pointer does on the markers: hovering highlights one and shows its tooltip, a click on a
 * group zooms into it, and a click on a city or place names it to the page.
 */
import type { Map as MaplibreMap, MapLayerMouseEvent, Popup } from 'maplibre-gl';
import { HIT_LAYERS } from './event-layers';

interface MarkerActions {
	/** The tooltip's plain text for a marker's properties. */
	tooltip: (properties: Record<string, unknown>) => string;
	onplace: (placeId: string) => void;
	oncity: (cityId: string) => void;
}

export function bindMarkerInteraction(
	map: MaplibreMap,
	PopupClass: new (options: object) => Popup,
	{ tooltip: tooltipText, onplace, oncity }: MarkerActions
): void {
	const tooltip = new PopupClass({ closeButton: false, closeOnClick: false, offset: 12, className: 'marker-tooltip' });
	let hovered: { source: string; id: string | number } | undefined;
	const clearHover = () => {
		if (hovered) map.setFeatureState(hovered, { hover: false });
		hovered = undefined;
		tooltip.remove();
		map.getCanvas().style.cursor = '';
	};
	// Taps and clicks land on invisible thumb-sized circles, so that a small marker is easy to hit.
	for (const layer of HIT_LAYERS) {
		map.on('mousemove', layer, (event: MapLayerMouseEvent) => {
			const feature = event.features?.[0];
			if (!feature || feature.id === undefined) return;
			if (hovered?.id !== feature.id || hovered.source !== feature.source) {
				clearHover();
				hovered = { source: feature.source, id: feature.id };
				map.setFeatureState(hovered, { hover: true });
			}
			map.getCanvas().style.cursor = 'pointer';
			tooltip.setLngLat(event.lngLat).setText(tooltipText(feature.properties)).addTo(map);
		});
		map.on('mouseleave', layer, clearHover);
	}
	// A tap has no mouse-leave to follow it: clear the tooltip on every click.
	map.on('click', clearHover);
	map.on('click', (event) => {
		const feature = map.queryRenderedFeatures(event.point, { layers: [...HIT_LAYERS] })[0];
		if (!feature) return;
		const { id, cluster, expansionZoom } = feature.properties;
		if (cluster && typeof expansionZoom === 'number' && feature.geometry.type === 'Point')
			map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom: expansionZoom, duration: 600 });
		else if (typeof id !== 'string') return;
		else if (feature.layer.id === 'CityHitAreas') oncity(id);
		else onplace(id);
	});
}
