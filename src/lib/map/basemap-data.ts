import { BASEMAP_FILES, type BasemapData } from './basemap-style';

// Vite copies each file into the build with a hashed name, served from the app's own origin.
const urls = import.meta.glob('/geo/basemap/*.geojson', { query: '?url', import: 'default', eager: true }) as Record<
	string,
	string
>;

/** Absolute URLs of the offline basemap files; MapLibre needs absolute URLs for GeoJSON. */
export function basemapUrls(base: string): BasemapData {
	return Object.fromEntries(
		BASEMAP_FILES.map((name) => {
			const url = urls[`/geo/basemap/${name}.geojson`];
			if (!url) throw new Error(`Basemap file geo/basemap/${name}.geojson is missing: run npm run geo`);
			return [name, new URL(url, base).href];
		})
	) as BasemapData;
}
