/**
 * The one view model: the data and the reader's choices in, what the map, lists, legend, panels
 * and timeline draw out. It runs in a Web Worker (view.worker.ts), so that filtering, day bins,
 * per-place and per-city sums and clustering never hold the page; the page receives only the
 * parts that changed since its last answer.
 */
import {
	boundsOfPlaces,
	byStart,
	sortCities,
	type CitySort,
	totalCities,
	type CitySummary,
	type CityTotals,
	type PlaceSummary,
	type PlaceTotals,
	type Turnout
} from '$lib/data/aggregate';
import {
	binRows,
	countRowTypes,
	createEventTable,
	eventLists,
	eventsInInputOrder,
	eventsWhere,
	placesWithRows,
	selectRows,
	totalPlaces
} from '$lib/data/event-table';
import type { EventFilter } from '$lib/data/filter';
import { cachedIndexById, groupBy } from '$lib/data/lookup';
import { placeName } from '$lib/data/names';
import type { IndexedEvent, Place } from '$lib/data/schema';
import { noneOfEachType, type EventType } from '$lib/data/vocabulary';
import { daysBetween, type DateRange, type DayBin } from '$lib/data/timeline';
import type { FeatureCollection, LineString, Point } from 'geojson';
import {
	CITY_CLUSTER_MIN,
	CITY_SPLIT_ZOOM,
	CLUSTER_MAX_ZOOM,
	cityFeatures,
	createCityClusters,
	createPlaceClusters,
	isMappable,
	labelLargest,
	pathFeatures,
	proGovernmentFeatures,
	shownCities,
	shownPlaces,
	type MarkerProperties
} from './markers';

/** What the view model works from: the events and places of one dataset. */
export interface ViewData {
	events: IndexedEvent[];
	places: Place[];
	dateRange: DateRange;
}

/** What the reader has chosen: filters, selection, the map's whole zoom level and the language. */
export interface ViewRequest extends EventFilter {
	place?: string;
	city?: string;
	zoom: number;
	/** Language of the names that the places list is sorted by. */
	language: string;
	/** Whether the places list is shown: only then is it made and sent. */
	placeList?: boolean;
	/** The order of the cities list; by number of gatherings unless said. */
	citySort?: CitySort;
}

/** What a list shows of a place: its counts and figure, not its events. */
export interface PlaceFacts {
	id: string;
	eventCount: number;
	gatheringCount: number;
	peak?: Turnout;
	headlineType: EventType;
}

/** What a list shows of a city, and the box around its places with events. */
export interface CityFacts {
	id: string;
	eventCount: number;
	gatheringCount: number;
	peak?: Turnout;
	span: DateRange;
	bounds?: [number, number, number, number];
}

/** The places list: each city, in the reader's language's order, with its places. */
export interface PlaceGroup {
	city: string;
	places: PlaceFacts[];
}

export interface Markers {
	places: FeatureCollection<Point, MarkerProperties>;
	cities: FeatureCollection<Point, MarkerProperties>;
	paths: FeatureCollection<LineString, { id: string; type: string; sourced: boolean }>;
	proGovernment: FeatureCollection<Point, MarkerProperties>;
}

/** Everything drawn; `ViewUpdate` carries only the parts that changed. */
export interface ViewResult {
	range: DateRange;
	/** Events shown under every filter. */
	shownCount: number;
	typeCounts: Record<EventType, number>;
	/** Events per day and type under every filter but the date range. */
	bins: DayBin[];
	markers: Markers;
	cities: CityFacts[];
	placeGroups: PlaceGroup[];
	/** Number of places with events shown. */
	placeCount: number;
	selectedPlace: PlaceSummary | undefined;
	selectedCity: CitySummary | undefined;
}

export type ViewUpdate = Partial<ViewResult>;

export function countByType(events: readonly IndexedEvent[]): Record<EventType, number> {
	const counts = noneOfEachType();
	for (const event of events) counts[event.type]++;
	return counts;
}

function placeFacts(summary: PlaceTotals): PlaceFacts {
	return {
		id: summary.place.id,
		eventCount: summary.eventCount,
		gatheringCount: summary.gatheringCount,
		...(summary.peak ? { peak: summary.peak } : {}),
		headlineType: summary.headlineType
	};
}

function cityFacts(summary: CityTotals): CityFacts {
	const { places } = summary;
	// Most cities are one place: no lists made for it (tens of thousands of cities, on every step).
	const mappable =
		places.length === 1
			? isMappable(places[0]!)
				? [places[0]!.place]
				: []
			: places.filter(isMappable).map((s) => s.place);
	const bounds = boundsOfPlaces(mappable);
	const facts: CityFacts = {
		id: summary.city.id,
		eventCount: summary.eventCount,
		gatheringCount: summary.gatheringCount,
		span: summary.span
	};
	if (summary.peak) facts.peak = summary.peak;
	if (bounds) facts.bounds = bounds;
	return facts;
}

/** Makes a value on its first use, and keeps it. */
function once<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}

/** Remembers the last result of `compute` for its key: a step recomputes only what it changes. */
function lastOf<T>(compute: () => T): (key: string) => { value: T; changed: boolean } {
	let last: { key: string; value: T } | undefined;
	return (key) => {
		if (last?.key === key) return { value: last.value, changed: false };
		last = { key, value: compute() };
		return { value: last.value, changed: true };
	};
}

/** How a request is answered. */
export interface AnswerOptions {
	/**
	 * Leave out work the reader cannot see yet: below the split zoom, place markers are not drawn,
	 * and grouping them is one of the costliest parts of a step. A later call without it brings them
	 * up to date.
	 */
	deferHidden?: boolean;
}

const NO_MARKERS: FeatureCollection<Point, MarkerProperties> = { type: 'FeatureCollection', features: [] };

/**
 * The view model of one dataset. Each call answers a request with the parts of the view that
 * differ from the previous answer (the first answer has them all).
 */
export function createViewModel(data: ViewData) {
	const days = daysBetween(data.dateRange.from, data.dateRange.to);
	// The events as columns, made once: a step reads numbers, not a million objects.
	const table = createEventTable(data.events, data.places);
	// The same index the place and city sums look places up in, made once.
	const placeById = cachedIndexById(data.places);
	let request: ViewRequest = { zoom: 0, language: 'en' };
	const range = (): DateRange => ({ from: request.from ?? days[0]!, to: request.to ?? days.at(-1)! });
	const filters = (r: EventFilter) => JSON.stringify([r.from, r.to, r.types, r.status, r.stance, r.min]);

	const rows = lastOf(() => selectRows(table, request));
	const rowsNow = () => rows(filters(request)).value;
	const places = lastOf(() => totalPlaces(table, rowsNow(), range()));
	const placesNow = () => places(filters(request)).value;
	const cities = lastOf(() => totalCities(placesNow(), data.places));
	const citiesNow = () => cities(filters(request)).value;
	// The legend ignores the type filter and the timeline the dates: with that filter unset, the
	// rows shown are theirs, and a million rows need not be filtered a second time.
	const typeCounts = lastOf(() =>
		countRowTypes(table, request.types ? selectRows(table, { ...request, types: undefined }) : rowsNow())
	);
	const bins = lastOf(() =>
		binRows(
			table,
			request.from || request.to ? selectRows(table, { ...request, from: undefined, to: undefined }) : rowsNow(),
			days
		)
	);
	/** Whole summaries, with their events, of the shown events at some places: for a panel. */
	const summariesAt = (placeIds: ReadonlySet<number>): PlaceSummary[] => {
		const here = rowsNow().filter((row) => placeIds.has(table.place[row]!));
		// A place's rows are consecutive, as totalPlaces reads them: each place's run is sliced, not filtered.
		let start = 0;
		const summaries = totalPlaces(table, here, range()).map((totals) => {
			let end = start;
			while (end < here.length && table.place[here[end]!] === table.place[here[start]!]) end++;
			const lists = eventLists(table, here.subarray(start, end));
			start = end;
			return { ...totals, ...lists };
		});
		// A panel lists places in the order of their first shown event, not of their first event.
		return summaries.sort((a, b) => byStart(a.events[0]!, b.events[0]!));
	};
	// Groups are made once over every place and city with events, when first drawn.
	const placesWithEvents = once(() => placesWithRows(table));
	const citiesWithEvents = once(() => {
		const ids = new Set(placesWithEvents().map((place) => place.properties.city));
		return [...ids].flatMap((id) => placeById.get(id) ?? []);
	});
	const placeClusters = once(() => createPlaceClusters(placesWithEvents()));
	const shownPlaceMarkers = lastOf(() => shownPlaces(placesNow()));
	const placeMarkers = lastOf(() =>
		labelLargest(placeClusters().at(request.zoom, shownPlaceMarkers(filters(request)).value))
	);
	// Far out, many cities group as places do nearer; a few are each drawn on their own at every zoom.
	const groupingCities = () => citiesWithEvents().length >= CITY_CLUSTER_MIN;
	const cityClusters = once(() => createCityClusters(citiesWithEvents()));
	// Made once per filter, as for places: each whole zoom far out asks again.
	const shownCityMarkers = lastOf(() => shownCities(citiesNow()));
	const cityMarkers = lastOf(() =>
		labelLargest(
			groupingCities()
				? cityClusters().at(request.zoom, shownCityMarkers(filters(request)).value)
				: cityFeatures(citiesNow())
		)
	);
	const otherMarkers = lastOf(() => ({
		paths: pathFeatures(eventsWhere(table, rowsNow(), (row) => table.withPath[row] === 1)),
		proGovernment: proGovernmentFeatures(placesNow())
	}));
	const cityName = (city: CityFacts) => {
		const place = placeById.get(city.id);
		return place ? placeName(place, request.language) : city.id;
	};
	const cityList = lastOf(() => sortCities(citiesNow().map(cityFacts), request.citySort ?? 'count', cityName));
	const placeGroups = lastOf(() => (request.placeList ? groupPlaces(placesNow(), placeById, request.language) : []));
	const placeCount = lastOf(() => placesNow().length);
	const selectedPlace = lastOf((): PlaceSummary | undefined => {
		const id = request.place;
		const index = id === undefined ? undefined : table.indexOfPlace.get(id);
		if (index === undefined) return undefined;
		const [found] = summariesAt(new Set([index]));
		if (found) return found;
		const place = data.places[index]!;
		return {
			place,
			events: [],
			eventCount: 0,
			gatherings: [],
			gatheringCount: 0,
			knownCount: 0,
			days: new Map(),
			proGovernment: [],
			proGovernmentCount: 0,
			headlineType: 'rally',
			span: range()
		};
	});
	const selectedCity = lastOf((): CitySummary | undefined => {
		const id = request.city;
		if (!id || !citiesNow().some((c) => c.city.id === id)) return undefined;
		const placesOfCity = new Set<number>();
		data.places.forEach((place, index) => {
			if (place.properties.city === id) placesOfCity.add(index);
		});
		const summaries = summariesAt(placesOfCity);
		const [totals] = totalCities(summaries, data.places);
		if (!totals) return undefined;
		// The city's events across its places, in date order, as each place's are.
		const merged = (list: (s: PlaceSummary) => IndexedEvent[]) => summaries.flatMap(list).sort(byStart);
		return { ...totals, events: merged((s) => s.events), gatherings: merged((s) => s.gatherings) };
	});

	/** The place markers last made, drawn or not. */
	let placesMade = NO_MARKERS;

	const answer = (next: ViewRequest, options: AnswerOptions = {}): ViewUpdate => {
		request = next;
		const key = filters(next);
		const update: ViewUpdate = {};
		const shown = rows(key);
		if (shown.changed) Object.assign(update, { range: range(), shownCount: shown.value.length });
		const counts = typeCounts(filters({ ...next, types: undefined }));
		if (counts.changed) update.typeCounts = counts.value;
		const dayBins = bins(filters({ ...next, from: undefined, to: undefined }));
		if (dayBins.changed) update.bins = dayBins.value;
		// Below the split zoom places group as they do at it, and beyond the last cluster zoom none do.
		const zoomLevel = Math.max(CITY_SPLIT_ZOOM, Math.min(Math.floor(next.zoom), CLUSTER_MAX_ZOOM + 1));
		const deferred = options.deferHidden && next.zoom < CITY_SPLIT_ZOOM;
		const placeLayer = deferred ? { value: placesMade, changed: false } : placeMarkers(`${key}|${zoomLevel}`);
		placesMade = placeLayer.value;
		const cityZoom = Math.min(Math.max(0, Math.floor(next.zoom)), CITY_SPLIT_ZOOM - 1);
		const cityLayer = cityMarkers(groupingCities() ? `${key}|${cityZoom}` : key);
		const others = otherMarkers(key);
		if (placeLayer.changed || cityLayer.changed || others.changed)
			update.markers = { places: placeLayer.value, cities: cityLayer.value, ...others.value };
		const cityRows = cityList(`${key}|${next.citySort ?? 'count'}|${next.language}`);
		if (cityRows.changed) update.cities = cityRows.value;
		const count = placeCount(key);
		if (count.changed) update.placeCount = count.value;
		// A hundred thousand rows are not made, nor sent, for a list nobody has open.
		const groups = placeGroups(next.placeList ? `${key}|${next.language}` : 'closed');
		if (groups.changed) update.placeGroups = groups.value;
		const place = selectedPlace(`${key}|${next.place}`);
		if (place.changed) update.selectedPlace = place.value;
		const city = selectedCity(`${key}|${next.city}`);
		if (city.changed) update.selectedCity = city.value;
		return update;
	};
	/** The events an export holds under some filters, from the same columns, in the file's order. */
	const exportEvents = (filter: EventFilter): IndexedEvent[] => eventsInInputOrder(table, selectRows(table, filter));
	return Object.assign(answer, { exportEvents });
}

/** Places grouped under their city, cities and places each in the order of their names in `language`. */
export function groupPlaces(
	summaries: readonly PlaceTotals[],
	placeById: ReadonlyMap<string, Place>,
	language: string
): PlaceGroup[] {
	const collator = new Intl.Collator(language);
	const byCity = groupBy(summaries, (summary) => summary.place.properties.city);
	const cityName = (id: string) => {
		const city = placeById.get(id);
		return city ? placeName(city, language) : id;
	};
	return [...byCity]
		.map(([city, list]) => ({
			city,
			name: cityName(city),
			places: list
				.map((s) => ({ name: placeName(s.place, language), facts: placeFacts(s) }))
				.sort((a, b) => collator.compare(a.name, b.name))
				.map((p) => p.facts)
		}))
		.sort((a, b) => collator.compare(a.name, b.name))
		.map(({ city, places }) => ({ city, places }));
}
