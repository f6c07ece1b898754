// The usual Leaflet way: Leaflet.markercluster over circle markers, added in chunks; a filter re-adds.
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import L from 'leaflet';
import { firstView, keep, loadPoints, type PointFeature, type StepState } from './shared';

(window as unknown as { L: typeof L }).L = L;
await import('leaflet.markercluster');
const map = L.map('map', { preferCanvas: true, maxZoom: 18 }).fitBounds(
	[
		[firstView.bounds[1], firstView.bounds[0]],
		[firstView.bounds[3], firstView.bounds[2]]
	],
	{ padding: [firstView.padding, firstView.padding] }
);
let loaded: () => void = () => undefined;
const group = L.markerClusterGroup({
	chunkedLoading: true,
	chunkProgress: (processed: number, total: number) => {
		if (processed === total) loaded();
	}
});
const markersOf = (features: PointFeature[]) =>
	features.map((f) => {
		const [lon = 0, lat = 0] = f.geometry.coordinates;
		return L.circleMarker([lat, lon], { radius: 4, color: '#c8553d' });
	});
const all = await loadPoints();
group.addLayers(markersOf(all));
map.addLayer(group);
window.bench = {
	leaflet: true,
	/** Resolves once markercluster has taken in every marker. */
	step(state: StepState) {
		group.clearLayers();
		const markers = markersOf(keep(all, state));
		if (markers.length === 0) return Promise.resolve();
		const done = new Promise<void>((resolve) => (loaded = resolve));
		group.addLayers(markers);
		return done;
	}
};
