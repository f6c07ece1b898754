/**
 * A dataset's overview: what the first view draws of the whole, unfiltered dataset, written beside
 * its index when it is published (`<slug>.overview.json`). The page draws it as soon as the map
 * exists, while the view's worker reads every event behind it, so the first markers do not wait for
 * the size of the dataset. It is made by the same view model as every answer, so it shows the same
 * figures: the cities and groups with their largest-day figures at each zoom below the split, the
 * timeline's day counts and the legend's counts.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { DatasetOutline } from '../atlas-data';
import type { MarkerProperties } from './markers';
import type { MarkerSources } from './packing';
import type { ViewResult } from './view-model';

export const OVERVIEW_FORMAT = 'protest-atlas-overview';

export type OverviewMarkers = FeatureCollection<Point, MarkerProperties>;

export interface DatasetOverview {
	format: typeof OVERVIEW_FORMAT;
	version: 1;
	/** The dataset's header and its cities (not every place; none past OVERVIEW_PLACES_MAX): enough for the first view. */
	outline: DatasetOutline;
	/** The whole dataset's counts: shown, per type (the legend), per day (the timeline). */
	counts: Pick<ViewResult, 'range' | 'shownCount' | 'typeCounts' | 'bins' | 'placeCount'>;
	/** The distinct city markers (cities and groups); `citiesAtZoom[z]` is the one drawn at whole zoom z. */
	cities: OverviewMarkers[];
	citiesAtZoom: number[];
	proGovernment: OverviewMarkers;
}

/** The markers an overview has: cities (or groups) and pro-government gatherings, no places or routes. */
export type OverviewSources = Pick<MarkerSources, 'cities' | 'proGovernment' | 'cityIds'>;

/**
 * The overview as the view's answer at a whole zoom, or undefined at and past the split zoom,
 * where places are drawn and the overview has none.
 */
export function overviewAnswer(
	overview: DatasetOverview,
	zoom: number
): (DatasetOverview['counts'] & { markers: OverviewSources }) | undefined {
	const at = overview.citiesAtZoom[Math.max(0, Math.floor(zoom))];
	const cities = at === undefined ? undefined : overview.cities[at];
	if (!cities) return undefined;
	return {
		...overview.counts,
		markers: {
			cities,
			proGovernment: overview.proGovernment,
			cityIds: cities.features.map((f) => String(f.properties.id))
		}
	};
}

/** The cheap check the page runs on a fetched overview: anything else is not used. */
export function isOverview(value: unknown): value is DatasetOverview {
	const overview = value as Partial<DatasetOverview> | null;
	return (
		typeof overview === 'object' &&
		overview !== null &&
		overview.format === OVERVIEW_FORMAT &&
		overview.version === 1 &&
		Array.isArray(overview.cities) &&
		Array.isArray(overview.citiesAtZoom) &&
		typeof overview.outline?.file === 'object'
	);
}

/** The largest overview written into the page itself; a larger one is fetched beside the index. */
export const INLINE_OVERVIEW_MAX_BYTES = 64_000;

/**
 * The default dataset's overview to write into the prerendered page, so that its first markers
 * wait for no request: the overview of the index's default dataset, if it is one and small enough.
 */
export function overviewToInline(
	index: { default?: unknown } | undefined,
	overviewText: string | undefined
): DatasetOverview | undefined {
	if (typeof index?.default !== 'string' || overviewText === undefined) return undefined;
	if (new TextEncoder().encode(overviewText).length > INLINE_OVERVIEW_MAX_BYTES) return undefined;
	let overview: unknown;
	try {
		overview = JSON.parse(overviewText);
	} catch {
		return undefined;
	}
	return isOverview(overview) && overview.outline.file.slug === index.default ? overview : undefined;
}
