// The usual MapLibre way: a clustered GeoJSON source, clusters sized by count; a filter sets new data.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { GeoJSONSource } from 'maplibre-gl';
import { keep, loadPoints, type StepState } from './shared';

maplibregl.setWorkerUrl(workerUrl);
const map = new maplibregl.Map({
	container: 'map',
	center: [27.5, 53.7],
	zoom: 5.5,
	style: {
		version: 8,
		sources: {},
		layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }]
	}
});
const features = loadPoints();
map.on('load', async () => {
	const all = await features;
	map.addSource('points', {
		type: 'geojson',
		data: { type: 'FeatureCollection', features: all },
		cluster: true,
		clusterRadius: 46
	});
	map.addLayer({
		id: 'clusters',
		type: 'circle',
		source: 'points',
		filter: ['has', 'point_count'],
		paint: {
			'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1, 6, 100, 40],
			'circle-color': '#c8553d',
			'circle-opacity': 0.7
		}
	});
	map.addLayer({
		id: 'points',
		type: 'circle',
		source: 'points',
		filter: ['!', ['has', 'point_count']],
		paint: { 'circle-radius': 4, 'circle-color': '#c8553d' }
	});
	window.bench!.step = (state: StepState) =>
		void map.getSource<GeoJSONSource>('points')!.setData({ type: 'FeatureCollection', features: keep(all, state) });
});
window.bench = { map, markerLayers: ['clusters', 'points'] };
