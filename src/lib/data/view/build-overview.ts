/**
 * Makes a dataset's overview (overview.ts) when it is published: the view model's own first answer
 * for the whole dataset, at each whole zoom below the split.
 */
import { outlineOf } from '../atlas-data';
import type { PublishedIndexFile } from '../published-shape';
import { CITY_SPLIT_ZOOM } from './markers';
import { OVERVIEW_FORMAT, type DatasetOverview, type OverviewMarkers } from './overview';
import { createViewModel, type ViewResult } from './view-model';

/**
 * Up to this many cities, the overview carries their places (a phone opens on the dataset's cities,
 * and a city's name is at hand); beyond, none, as the markers carry their names and the first view
 * of so many is the data's extent.
 */
export const OVERVIEW_PLACES_MAX = 2000;

/** What the first view of the whole dataset draws, computed by the view model itself. */
export function overviewOf(file: PublishedIndexFile): DatasetOverview {
	const model = createViewModel({ events: file.events, places: file.places, dateRange: file.dateRange });
	const cities: OverviewMarkers[] = [];
	const seen = new Map<string, number>();
	const citiesAtZoom: number[] = [];
	let first: ViewResult | undefined;
	let previous: OverviewMarkers | undefined;
	for (let zoom = 0; zoom < CITY_SPLIT_ZOOM; zoom++) {
		// The first answer is whole; each later one has the markers only if they changed with the zoom.
		const answer = model({ zoom, language: 'en' }, { deferHidden: true });
		first ??= answer as ViewResult;
		const collection = answer.markers?.cities ?? previous!;
		previous = collection;
		const text = JSON.stringify(collection);
		let at = seen.get(text);
		if (at === undefined) seen.set(text, (at = cities.push(collection) - 1));
		citiesAtZoom.push(at);
	}
	const { range, shownCount, typeCounts, bins, placeCount, markers } = first!;
	const outline = outlineOf(file);
	const cityPlaces = outline.file.places.filter((p) => p.id === p.properties.city);
	return {
		format: OVERVIEW_FORMAT,
		version: 1,
		outline: {
			...outline,
			// Many cities would make the overview as slow to read as the index: the markers name them.
			file: { ...outline.file, places: cityPlaces.length <= OVERVIEW_PLACES_MAX ? cityPlaces : [] }
		},
		counts: { range, shownCount, typeCounts, bins, placeCount },
		cities,
		citiesAtZoom,
		proGovernment: markers.proGovernment
	};
}
