/** The baseline pages' data: a published dataset's events as plain points, and the app's first view of them. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { coreExtent } from '../../../src/lib/data/aggregate';
import type { PublishedIndexFile } from '../../../src/lib/data/published-shape';
import { citiesOnMap, homeView } from '../../../src/lib/map/home-view';

/** The app's map is this wide at 1280×800 beside its panel; the baselines fill the window. */
const VIEWPORT = { width: 1280, height: 800 };

/**
 * The events as plain points, for the baseline pages (type, day and crowd low, nothing else), and
 * the first view the app opens the dataset on, which the baselines are given in their link.
 */
export function writePoints(site: string, slug: string): string {
	const dataset = JSON.parse(readFileSync(path.join(site, 'data', `${slug}.json`), 'utf8')) as PublishedIndexFile;
	const at = new Map(dataset.places.map((p) => [p.id, p.geometry.coordinates]));
	const features = dataset.events.flatMap((e) => {
		const coordinates = at.get(e.place);
		if (!coordinates) return [];
		const properties = { type: e.type, day: e.when.start.slice(0, 10), low: e.crowd.low ?? 0 };
		return [{ type: 'Feature', geometry: { type: 'Point', coordinates }, properties }];
	});
	mkdirSync(path.join(site, 'points'), { recursive: true });
	writeFileSync(path.join(site, 'points', `${slug}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
	const extent = coreExtent(dataset.events, dataset.places) ?? dataset.bbox;
	const view = homeView(extent, citiesOnMap(dataset.places), VIEWPORT);
	const padding = typeof view.padding === 'number' ? view.padding : view.padding.top;
	return `points=/points/${slug}.geojson&bounds=${view.bounds.map((n) => n.toFixed(4)).join(',')}&padding=${padding}`;
}
