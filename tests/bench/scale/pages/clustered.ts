// The usual MapLibre way, as its own example writes it: a clustered GeoJSON source read from a URL
// by MapLibre's worker, clusters sized by count. A step sets the kept features as new data.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { GeoJSONSource } from 'maplibre-gl';
import { firstView, keep, loadPoints, pointsUrl, type StepState } from './shared';

maplibregl.setWorkerUrl(workerUrl);
const map = new maplibregl.Map({
	container: 'map',
	bounds: firstView.bounds,
	fitBoundsOptions: { padding: firstView.padding },
	style: {
		version: 8,
		sources: { points: { type: 'geojson', data: pointsUrl, cluster: true, clusterRadius: 46 } },
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
			{
				id: 'clusters',
				type: 'circle',
				source: 'points',
				filter: ['has', 'point_count'],
				paint: {
					'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1, 6, 100, 40],
					'circle-color': '#c8553d',
					'circle-opacity': 0.7
				}
			},
			{
				id: 'points',
				type: 'circle',
				source: 'points',
				filter: ['!', ['has', 'point_count']],
				paint: { 'circle-radius': 4, 'circle-color': '#c8553d' }
			}
		]
	}
});
window.bench = {
	map,
	markerLayers: ['clusters', 'points'],
	prepare: loadPoints,
	// A clustered source cannot be filtered by a layer: the page keeps the features and sets them anew.
	async step(state: StepState) {
		const all = await loadPoints();
		map.getSource<GeoJSONSource>('points')!.setData({ type: 'FeatureCollection', features: keep(all, state) });
	}
};
