/**
 * The one filtered view of the data, derived in one place from the data and the URL state.
 * The map, lists, legend, panels and timeline all read it; none recomputes it.
 */
import { summariseCities, summarisePlaces, type CitySummary, type PlaceSummary } from '$lib/data/aggregate';
import type { AtlasData } from '$lib/data/atlas-data';
import { filterEvents } from '$lib/data/filter';
import { EVENT_TYPE_IDS, type EventType, type IndexedEvent } from '$lib/data/schema';
import { binByDay, daysBetween, type DateRange, type DayBin } from '$lib/data/timeline';
import { buildScales, type Scales } from '$lib/scales/scales';
import { cityFeatures, createPlaceClusters, labelLargest, pathFeatures, proGovernmentFeatures } from './markers';
import type { ViewState } from './url-state';

export interface AtlasView {
	readonly scales: Scales;
	readonly state: ViewState;
	readonly events: IndexedEvent[];
	readonly places: PlaceSummary[];
	readonly cities: CitySummary[];
	readonly typeCounts: Record<EventType, number>;
	readonly markers: {
		places: ReturnType<ReturnType<typeof createPlaceClusters>>;
		cities: ReturnType<typeof cityFeatures>;
		paths: ReturnType<typeof pathFeatures>;
		proGovernment: ReturnType<typeof proGovernmentFeatures>;
	};
	readonly selectedPlace: PlaceSummary | undefined;
	readonly selectedCity: CitySummary | undefined;
	/** Every date of the dataset. */
	readonly days: string[];
	/** The date range shown: the URL's, or the whole dataset. */
	readonly range: DateRange;
	/** Events per day and type under every filter but the date range. */
	readonly bins: DayBin[];
}

export function countByType(events: readonly IndexedEvent[]): Record<EventType, number> {
	const counts = Object.fromEntries(EVENT_TYPE_IDS.map((t) => [t, 0])) as Record<EventType, number>;
	for (const event of events) counts[event.type]++;
	return counts;
}

/**
 * The view model: data, filters and the map's zoom in; what the map, panels, legend and timeline
 * draw out. `zoom` is the map's whole zoom level, which decides how places group.
 */
export function createAtlasView(data: () => AtlasData, state: () => ViewState, zoom: () => number): AtlasView {
	const scales = $derived(buildScales(data().events));
	const days = $derived(daysBetween(data().header.dateRange.from, data().header.dateRange.to));
	const range = $derived({ from: state().from ?? days[0]!, to: state().to ?? days.at(-1)! });
	const events = $derived(filterEvents(data().events, state()));
	const places = $derived(summarisePlaces(events, data().places, range));
	const cities = $derived(summariseCities(places, data().places, range));
	const typeCounts = $derived(countByType(filterEvents(data().events, { ...state(), types: undefined })));
	const clusters = $derived(createPlaceClusters(places, range));
	const markers = $derived({
		places: labelLargest(clusters(zoom())),
		cities: labelLargest(cityFeatures(cities)),
		paths: pathFeatures(events),
		proGovernment: proGovernmentFeatures(places, range)
	});
	const selectedPlace = $derived.by(() => {
		const id = state().place;
		if (!id) return undefined;
		const found = places.find((s) => s.place.id === id);
		if (found) return found;
		const place = data().places.find((p) => p.id === id);
		return place
			? { place, events: [], gatherings: [], proGovernment: [], headlineType: 'rally' as EventType, types: [] }
			: undefined;
	});
	const selectedCity = $derived(cities.find((c) => c.city.id === state().city));
	const bins = $derived(binByDay(filterEvents(data().events, { ...state(), from: undefined, to: undefined }), days));
	return {
		get scales() {
			return scales;
		},
		get state() {
			return state();
		},
		get events() {
			return events;
		},
		get places() {
			return places;
		},
		get cities() {
			return cities;
		},
		get typeCounts() {
			return typeCounts;
		},
		get markers() {
			return markers;
		},
		get selectedPlace() {
			return selectedPlace;
		},
		get selectedCity() {
			return selectedCity;
		},
		get days() {
			return days;
		},
		get range() {
			return range;
		},
		get bins() {
			return bins;
		}
	};
}
