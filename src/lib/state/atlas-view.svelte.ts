/**
 * The page's copy of the one view model (view-model.ts), which runs in a worker: the map, lists,
 * legend, panels and timeline all read it; none recomputes it. Until the worker's first answer
 * it shows the dataset's days and nothing drawn.
 */
import { tick } from 'svelte';
import type { AtlasData } from '$lib/data/atlas-data';
import { indexById } from '$lib/data/lookup';
import type { Place } from '$lib/data/schema';
import { binByDay, daysBetween, type DateRange } from '$lib/data/timeline';
import { buildScales, type Scales } from '$lib/scales/scales';
import type { ViewState } from './url-state';
import type { ViewClient } from './view-client';
import { countByType, type CityFacts, type ViewResult } from './view-model';

export interface AtlasView extends ViewResult {
	readonly scales: Scales;
	readonly state: ViewState;
	/** Every date of the dataset. */
	readonly days: string[];
	/** Whether the worker has answered for this dataset. */
	readonly ready: boolean;
	/** Set when the worker could not read the dataset. */
	readonly failure: string | undefined;
	/** A place of the dataset, by id. */
	placeOf(id: string): Place | undefined;
	/** A city's row of the list, by id. */
	cityFacts(id: string): CityFacts | undefined;
	/** Resolves once the view shows the reader's latest choices. */
	settled(): Promise<void>;
}

const empty = (): { type: 'FeatureCollection'; features: [] } => ({ type: 'FeatureCollection', features: [] });

function nothingDrawn(range: DateRange, days: string[]): ViewResult {
	return {
		range,
		shownCount: 0,
		typeCounts: countByType([]),
		bins: binByDay([], days),
		markers: { places: empty(), cities: empty(), paths: empty(), proGovernment: empty() },
		cities: [],
		placeGroups: [],
		placeCount: 0,
		selectedPlace: undefined,
		selectedCity: undefined
	};
}

/**
 * Sends the dataset and every change of the reader's choices to the worker, and keeps its answers.
 * `zoom` is the map's whole zoom level, which decides how places group; `language` orders the lists.
 */
export function createAtlasView(
	client: ViewClient,
	data: () => AtlasData,
	state: () => ViewState,
	zoom: () => number,
	language: () => string
): AtlasView {
	const scales = $derived(buildScales(data().events));
	const days = $derived(daysBetween(data().header.dateRange.from, data().header.dateRange.to));
	const placeById = $derived(indexById(data().places));
	let result = $state.raw<ViewResult>(
		nothingDrawn(data().header.dateRange, daysBetween(data().header.dateRange.from, data().header.dateRange.to))
	);
	let ready = $state(false);
	let failure = $state<string>();
	const cityById = $derived(indexById(result.cities));

	$effect(() =>
		client.listen(
			(update) => {
				result = { ...result, ...update };
				ready = true;
			},
			(message) => (failure = message)
		)
	);
	let shownData: AtlasData | undefined;
	$effect(() => {
		const current = data();
		if (current !== shownData) {
			shownData = current;
			const { events, places, header, indexUrl } = current;
			// A published index is read again by the worker, not copied to it.
			client.load(indexUrl ? { url: indexUrl } : { data: { events, places, dateRange: header.dateRange } });
			const dataDays = daysBetween(header.dateRange.from, header.dateRange.to);
			result = nothingDrawn(header.dateRange, dataDays);
			ready = false;
			failure = undefined;
		}
		const { from, to, types, status, stance, min, place, city } = state();
		client.request({ from, to, types, status, stance, min, place, city, zoom: zoom(), language: language() });
	});

	return {
		get scales() {
			return scales;
		},
		get state() {
			return state();
		},
		get days() {
			return days;
		},
		get ready() {
			return ready;
		},
		get failure() {
			return failure;
		},
		placeOf: (id) => placeById.get(id),
		cityFacts: (id) => cityById.get(id),
		async settled() {
			// The request for a change goes out with the next flush of effects.
			await tick();
			await client.settled();
		},
		get range() {
			return result.range;
		},
		get shownCount() {
			return result.shownCount;
		},
		get typeCounts() {
			return result.typeCounts;
		},
		get bins() {
			return result.bins;
		},
		get markers() {
			return result.markers;
		},
		get cities() {
			return result.cities;
		},
		get placeGroups() {
			return result.placeGroups;
		},
		get placeCount() {
			return result.placeCount;
		},
		get selectedPlace() {
			return result.selectedPlace;
		},
		get selectedCity() {
			return result.selectedCity;
		}
	};
}
