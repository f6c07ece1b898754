// The reference: one background and one circle layer over the points, nothing else.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FilterSpecification } from 'maplibre-gl';
import { firstView, pointsUrl, type StepState } from './shared';

maplibregl.setWorkerUrl(workerUrl);
const map = new maplibregl.Map({
	container: 'map',
	bounds: firstView.bounds,
	fitBoundsOptions: { padding: firstView.padding },
	style: {
		version: 8,
		sources: { points: { type: 'geojson', data: pointsUrl } },
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
			{ id: 'markers', type: 'circle', source: 'points', paint: { 'circle-radius': 4, 'circle-color': '#c8553d' } }
		]
	}
});
window.bench = {
	map,
	markerLayers: ['markers'],
	// Filtering on the GPU side of MapLibre: no new data.
	step(state: StepState) {
		const conditions: unknown[] = [['!=', ['get', 'type'], state.hiddenType ?? '']];
		if (state.from) conditions.push(['>=', ['get', 'day'], state.from], ['<=', ['get', 'day'], state.to ?? state.from]);
		map.setFilter('markers', ['all', ...conditions] as FilterSpecification);
	}
};
