// The reference: one background and one circle layer over the points, nothing else.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { params } from './shared.js';

maplibregl.setWorkerUrl(workerUrl);
const map = new maplibregl.Map({
	container: 'map',
	center: [27.5, 53.7],
	zoom: 5.5,
	style: {
		version: 8,
		sources: { points: { type: 'geojson', data: new URL(params.get('points'), location.href).href } },
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
	step(state) {
		const filter = ['all', ['!=', ['get', 'type'], state.hiddenType ?? '']];
		if (state.from) filter.push(['>=', ['get', 'day'], state.from], ['<=', ['get', 'day'], state.to]);
		map.setFilter('markers', filter);
	}
};
