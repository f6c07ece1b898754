/**
 * What the map draws, as GeoJSON features, from the summaries: one per city at country zoom, one
 * per place at city zoom, grouped where places (or, far out, many cities) would overlap. Every
 * circle, whether a place, a group or a city, shows the same figure: the largest single-day turnout
 * of its protest gatherings.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import Supercluster from 'supercluster';
import { peakOf, type CityTotals, type DaySums, type PlaceTotals, type Turnout } from '$lib/data/aggregate';
import { placeName } from '$lib/data/names';
import type { IndexedEvent, Place } from '$lib/data/schema';

/** Below this zoom the markers aggregate per city; from it they split into places. */
export const CITY_SPLIT_ZOOM = 9;
/** Places closer than this, in pixels, are grouped into one circle. */
const CLUSTER_RADIUS = 46;
/**
 * From this many cities with events in a dataset, cities group where they would overlap below the
 * split zoom, whatever the filters: a world of tens of thousands of towns is unreadable, and slow to
 * draw, as one circle each. Fewer are each drawn, and named, on their own.
 */
export const CITY_CLUSTER_MIN = 300;
/** From this zoom every place is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 14;

export interface MarkerProperties {
	id: string;
	name: string;
	name_be: string;
	name_ru: string;
	/** Number of events summarised by the marker. */
	count: number;
	/** Number of protest gatherings among them. */
	gatherings: number;
	/** Whether any gathering's size is known. */
	known: boolean;
	/** Largest single-day turnout, low and high estimates. */
	low?: number;
	high?: number;
	/** Some size on the peak day had no upper bound ("more than …"). */
	openEnded: boolean;
	type?: string;
	/** Radius in metres of an approximate place; 0 when exact. */
	radiusM: number;
	/** Cosine of the latitude, for turning metres into pixels on the map. */
	cosLat?: number;
	/** A pro-government gathering, drawn apart. */
	proGovernment?: boolean;
	/** One of the largest markers, which carry a label; the rest are drawn unlabelled. */
	labelled?: boolean;
	/** One of the markers that keep other markers' labels off themselves. */
	footprint?: boolean;
	/** A group of places or of cities, with how many and the zoom at which it splits. */
	cluster?: boolean;
	groupOf?: 'places' | 'cities';
	point_count?: number;
	expansionZoom?: number;
}

/**
 * At most this many markers carry a label: thousands of labels are unreadable, and placing them
 * costs the main thread seconds on every change.
 */
const LABEL_LIMIT = 250;
/**
 * At most this many markers keep labels off themselves (an invisible footprint each): beyond it,
 * MapLibre's symbol buckets overflow (tens of thousands of icons in one tile) and drawing stops.
 */
const FOOTPRINT_LIMIT = 4000;

/**
 * Marks the largest markers (by upper crowd estimate, then event count) as labelled, and a wider
 * set of them as keeping labels off themselves.
 */
export function labelLargest<T extends FeatureCollection<Point, MarkerProperties>>(
	collection: T,
	limit = LABEL_LIMIT,
	footprints = FOOTPRINT_LIMIT
): T {
	const features = collection.features;
	if (features.length <= Math.min(limit, footprints)) {
		for (const f of features) f.properties.labelled = f.properties.footprint = true;
		return collection;
	}
	const ranked = [...features].sort(
		(a, b) => (b.properties.high ?? -1) - (a.properties.high ?? -1) || b.properties.count - a.properties.count
	);
	ranked.forEach((f, i) => {
		f.properties.labelled = i < limit;
		f.properties.footprint = i < footprints;
	});
	return collection;
}

/** Places that are not drawn as markers: country-wide figures have no single location. */
export function isMappable(summary: { place: Place }): boolean {
	return summary.place.properties.kind !== 'country';
}

function names(place: Place) {
	return { name: placeName(place), name_be: placeName(place, 'be'), name_ru: placeName(place, 'ru') };
}

/** A marker's figure: the largest single-day turnout, or unknown. */
function figure(peak: Pick<Turnout, 'low' | 'high' | 'openEnded'> | undefined) {
	return {
		known: peak !== undefined,
		...(peak ? { low: peak.low, high: peak.high } : {}),
		openEnded: peak?.openEnded ?? false
	};
}

function radiusOf(place: Place): number {
	const { precision } = place.properties;
	return precision.kind === 'approximate' ? precision.radiusM : 0;
}

function placeFeature(s: PlaceTotals): Feature<Point, MarkerProperties> {
	return {
		type: 'Feature',
		geometry: s.place.geometry,
		properties: {
			id: s.place.id,
			...names(s.place),
			count: s.eventCount,
			gatherings: s.gatheringCount,
			...figure(s.peak),
			type: s.headlineType,
			radiusM: radiusOf(s.place),
			cosLat: Math.cos((s.place.geometry.coordinates[1] * Math.PI) / 180)
		}
	};
}

export function placeFeatures(summaries: readonly PlaceTotals[]): FeatureCollection<Point, MarkerProperties> {
	return { type: 'FeatureCollection', features: summaries.filter(isMappable).map(placeFeature) };
}

function cityFeature(c: CityTotals): Feature<Point, MarkerProperties> {
	return {
		type: 'Feature',
		geometry: c.city.geometry,
		properties: {
			id: c.city.id,
			...names(c.city),
			count: c.eventCount,
			gatherings: c.gatheringCount,
			...figure(c.peak),
			radiusM: 0
		}
	};
}

export function cityFeatures(cities: readonly CityTotals[]): FeatureCollection<Point, MarkerProperties> {
	return { type: 'FeatureCollection', features: cities.filter((c) => isMappable({ place: c.city })).map(cityFeature) };
}

/** Pro-government gatherings, one feature per place, drawn apart from the protest figures. */
export function proGovernmentFeatures(summaries: readonly PlaceTotals[]): FeatureCollection<Point, MarkerProperties> {
	return {
		type: 'FeatureCollection',
		features: summaries
			.filter((s) => isMappable(s) && s.proGovernmentCount > 0)
			.map((s): Feature<Point, MarkerProperties> => ({
				type: 'Feature',
				geometry: s.place.geometry,
				properties: {
					id: s.place.id,
					...names(s.place),
					count: s.proGovernmentCount,
					gatherings: s.proGovernmentCount,
					...figure(s.proGovernmentPeak),
					radiusM: 0,
					proGovernment: true
				}
			}))
	};
}

/** Routes of marches and lines of human chains, coloured by event type; `sourced` says if the line follows the sources. */
export function pathFeatures(
	events: readonly IndexedEvent[]
): FeatureCollection<LineString, { id: string; type: string; sourced: boolean }> {
	return {
		type: 'FeatureCollection',
		features: events.flatMap((e) =>
			e.path
				? [
						{
							type: 'Feature' as const,
							geometry: e.path,
							properties: { id: e.id, type: e.type, sourced: e.pathSourced === true }
						}
					]
				: []
		)
	};
}

/** What a group adds up of each marker it holds: a place's or a city's totals. */
export interface Held {
	eventCount: number;
	gatheringCount: number;
	days: DaySums;
}

/**
 * Markers grouped where they would overlap. The groups are made once over every place (or city)
 * of a dataset, and a step only says which are shown: a filter costs no regrouping, and groups stay
 * where they were while the reader filters.
 */
export interface MarkerClusters<T extends Held> {
	/**
	 * What is drawn at a zoom of the shown markers (by id): each group with its shown members' counts
	 * and figure, a group with one shown member as that member, and nothing for a group with none.
	 */
	at(zoom: number, shown: ReadonlyMap<string, T>): FeatureCollection<Point, MarkerProperties>;
	/** Ids of the markers a group holds, shown or not, by the group's feature id. */
	members(groupId: string): string[];
}

const GROUP_PREFIX = 'cluster-';

/**
 * Adds up members' day sums: a group's figure is the largest day of its members' summed days, as
 * for a city, never its largest member.
 */
function groupDaySums() {
	// Days are numbered as they are met, and summed in arrays: a far-out view adds up every member.
	const dayNames: string[] = [];
	const dayIndex = new Map<string, number>();
	let low = new Float64Array(64);
	let high = new Float64Array(64);
	let open = new Uint8Array(64);
	let touchedYet = new Uint8Array(64);

	return (members: readonly Held[]): DaySums => {
		const touched: number[] = [];
		for (const member of members)
			for (const [day, [dayLow, dayHigh, dayOpen]] of member.days) {
				let index = dayIndex.get(day);
				if (index === undefined) {
					dayIndex.set(day, (index = dayNames.push(day) - 1));
					if (index >= low.length) {
						const size = low.length * 2;
						low = copyInto(new Float64Array(size), low);
						high = copyInto(new Float64Array(size), high);
						open = copyInto(new Uint8Array(size), open);
						touchedYet = copyInto(new Uint8Array(size), touchedYet);
					}
				}
				if (!touchedYet[index]) {
					touchedYet[index] = 1;
					touched.push(index);
				}
				low[index]! += dayLow;
				high[index]! += dayHigh;
				if (dayOpen) open[index] = 1;
			}
		const sums: DaySums = new Map();
		for (const index of touched) {
			sums.set(dayNames[index]!, [low[index]!, high[index]!, open[index] === 1]);
			low[index] = high[index] = open[index] = touchedYet[index] = 0;
		}
		return sums;
	};
}

function copyInto<T extends Float64Array | Uint8Array>(into: T, from: T): T {
	into.set(from);
	return into;
}

/** Groups points that would overlap at each zoom from `minZoom` to `maxZoom` (supercluster). */
function clusterMarkers<T extends Held>(
	points: Feature<Point, { id: string }>[],
	minZoom: number,
	maxZoom: number,
	groupOf: 'places' | 'cities',
	featureOf: (marker: T) => Feature<Point, MarkerProperties>
): MarkerClusters<T> {
	const index = new Supercluster<{ id: string }>({ radius: CLUSTER_RADIUS, minZoom, maxZoom });
	index.load(points);
	const summed = groupDaySums();
	// The groups never change: each one's members are listed once.
	const memberLists = new Map<number, string[]>();
	const members = (clusterId: number) => {
		let list = memberLists.get(clusterId);
		if (!list)
			memberLists.set(clusterId, (list = index.getLeaves(clusterId, Infinity).map((leaf) => leaf.properties.id)));
		return list;
	};

	return {
		at(zoom, shown) {
			const z = Math.max(minZoom, Math.min(Math.floor(zoom), maxZoom + 1));
			const drawn: Feature<Point, MarkerProperties>[] = [];
			for (const feature of index.getClusters([-180, -85, 180, 85], z)) {
				const props = feature.properties as Partial<Supercluster.ClusterProperties> & { id?: string };
				if (!props.cluster) {
					const marker = shown.get(props.id!);
					if (marker) drawn.push(featureOf(marker));
					continue;
				}
				const clusterId = props.cluster_id!;
				const held: T[] = [];
				for (const id of members(clusterId)) {
					const marker = shown.get(id);
					if (marker) held.push(marker);
				}
				if (held.length <= 1) {
					if (held[0]) drawn.push(featureOf(held[0]));
					continue;
				}
				const id = `${GROUP_PREFIX}${clusterId}`;
				let count = 0;
				let gatherings = 0;
				for (const member of held) {
					count += member.eventCount;
					gatherings += member.gatheringCount;
				}
				drawn.push({
					type: 'Feature',
					id,
					geometry: feature.geometry,
					properties: {
						id,
						name: '',
						name_be: '',
						name_ru: '',
						count,
						gatherings,
						...figure(peakOf(summed(held))),
						radiusM: 0,
						cluster: true,
						groupOf,
						point_count: held.length,
						expansionZoom: index.getClusterExpansionZoom(clusterId)
					}
				});
			}
			return { type: 'FeatureCollection', features: drawn };
		},
		members: (groupId) => members(Number(groupId.slice(GROUP_PREFIX.length)))
	};
}

const pointOf = (place: Place): Feature<Point, { id: string }> => ({
	type: 'Feature',
	geometry: place.geometry,
	properties: { id: place.id }
});

/** The places that can be drawn, by id: what a step shows of the groups. */
export function shownPlaces<T extends PlaceTotals>(summaries: readonly T[]): Map<string, T> {
	return new Map(summaries.filter(isMappable).map((s) => [s.place.id, s]));
}

/** The cities that can be drawn, by id. */
export function shownCities<T extends CityTotals>(cities: readonly T[]): Map<string, T> {
	return new Map(cities.filter((c) => isMappable({ place: c.city })).map((c) => [c.city.id, c]));
}

/** Places grouped where they would overlap at city zoom; each is drawn on its own from CLUSTER_MAX_ZOOM + 1. */
export function createPlaceClusters(places: readonly Place[]): MarkerClusters<PlaceTotals> {
	const points = places.filter((place) => isMappable({ place })).map(pointOf);
	return clusterMarkers(points, CITY_SPLIT_ZOOM, CLUSTER_MAX_ZOOM, 'places', placeFeature);
}

/** Cities grouped where they would overlap far out; each is drawn on its own from CITY_SPLIT_ZOOM. */
export function createCityClusters(cities: readonly Place[]): MarkerClusters<CityTotals> {
	const points = cities.filter((city) => isMappable({ place: city })).map(pointOf);
	return clusterMarkers(points, 0, CITY_SPLIT_ZOOM - 1, 'cities', cityFeature);
}
