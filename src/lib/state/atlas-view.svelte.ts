/**
 * The page's copy of the one view model (view-model.ts), which runs in a worker: the map, lists,
 * legend, panels and timeline all read it; none recomputes it. Until the worker's first answer
 * it shows the dataset's overview (written when it was published: its markers, legend and
 * timeline, unfiltered), or else the dataset's days and nothing drawn.
 */
import { tick } from 'svelte';
import type { CitySort } from '$lib/data/aggregate';
import type { AtlasData } from '$lib/data/atlas-data';
import { indexById } from '$lib/data/lookup';
import { placeName } from '$lib/data/names';
import type { Place } from '$lib/data/schema';
import { binByDay, daysBetween, type DateRange } from '$lib/data/timeline';
import { scalesFor, type Scales } from '$lib/scales/scales';
import { isWholeDataset, type ViewState } from './url-state';
import type { MarkerSources, ViewClient } from './view-client';
import { countByType, type CityFacts, type ViewRequest, type ViewResult } from '$lib/data/view/view-model';
import { overviewAnswer, type DatasetOverview } from '$lib/data/view/overview';

export interface AtlasView extends Omit<ViewResult, 'markers'> {
	readonly markers: MarkerSources;
	readonly scales: Scales;
	readonly state: ViewState;
	/** Every date of the dataset. */
	readonly days: string[];
	/** A place of the dataset, by id. */
	placeOf(id: string): Place | undefined;
	/** A place's name in the reader's language, by id; undefined for an id the dataset lacks. */
	nameOf(id: string): string | undefined;
	/** A city's row of the list, by id. */
	cityFacts(id: string): CityFacts | undefined;
	/** Resolves once the view shows the reader's latest choices. */
	settled(): Promise<void>;
	/**
	 * The view shows the dataset's overview while the worker reads every event: true until its
	 * first answer. A step taken meanwhile waits for it.
	 */
	readonly reading: boolean;
	/** The reader has asked for more than the overview shows (a filter, a place) while it is read. */
	readonly waiting: boolean;
}

/** Each reader's file opened, numbered; a file let go is forgotten. */
const localOpenings = new WeakMap<AtlasData, number>();
let openings = 0;

const empty = (): { type: 'FeatureCollection'; features: [] } => ({ type: 'FeatureCollection', features: [] });

type Shown = Omit<ViewResult, 'markers'> & { markers: MarkerSources };

function nothingDrawn(range: DateRange, days: string[]): Shown {
	return {
		range,
		shownCount: 0,
		typeCounts: countByType([]),
		bins: binByDay([], days),
		markers: { places: empty(), cities: empty(), paths: empty(), proGovernment: empty(), cityIds: [], placeIds: [] },
		cities: [],
		placeGroups: [],
		placeCount: 0,
		selectedPlace: undefined,
		selectedCity: undefined
	};
}

/**
 * Sends every change of the reader's choices to the worker, which has the dataset open, and keeps its answers.
 * `zoom` is the map's whole zoom level, which decides how places group; `language` orders the lists,
 * and `lists` says whether the places list is open and how the cities list is ordered.
 */
export function createAtlasView(
	client: ViewClient,
	data: () => AtlasData,
	state: () => ViewState,
	zoom: () => number,
	language: () => string,
	lists: () => { placeList: boolean; citySort: CitySort },
	overview: () => DatasetOverview | undefined = () => undefined
): AtlasView {
	// Keyed on plain values: the whole outline replacing the overview's leaves them as they are.
	const maxCrowd = $derived(data().maxCrowd);
	const scales = $derived(scalesFor(maxCrowd));
	const from = $derived(data().header.dateRange.from);
	const to = $derived(data().header.dateRange.to);
	const days = $derived(daysBetween(from, to));
	const placeById = $derived(indexById(data().places));
	/**
	 * Which dataset the worker's answers are about: a published one by its address (its overview and
	 * whole outline are the same dataset), a reader's file by the opening.
	 */
	const datasetKey = $derived.by(() => {
		const opened = data();
		if (opened.indexUrl) return `url:${opened.indexUrl}`;
		let n = localOpenings.get(opened);
		if (n === undefined) localOpenings.set(opened, (n = ++openings));
		return `file:${n}`;
	});
	let answered = $state.raw<Shown>();
	/** Before the worker's first answer: the overview at the map's zoom, if the dataset has one. */
	const early = $derived.by((): Shown => {
		const nothing = nothingDrawn(data().header.dateRange, days);
		const known = overview();
		const answer = known && overviewAnswer(known, zoom());
		// Places and routes are not drawn below the split zoom: they stay empty, as in nothingDrawn.
		return answer ? { ...nothing, ...answer, markers: { ...nothing.markers, ...answer.markers } } : nothing;
	});
	let answeredKey = $state<string>();
	const current = $derived(answeredKey === datasetKey ? answered : undefined);
	const result = $derived(current ?? early);
	const cityById = $derived(indexById(result.cities));

	// The first answer about a dataset has every part; later ones only what changed.
	let answering = -1;
	$effect(() =>
		client.listen((update, generation) => {
			const base = generation === answering && current ? current : nothingDrawn(data().header.dateRange, days);
			answering = generation;
			answered = { ...base, ...update };
			answeredKey = datasetKey;
		})
	);
	// The request as text: a change of the state that leaves it as it was (the camera moving) asks nothing.
	const request = $derived.by(() => {
		const { from, to, types, status, stance, min, place, city } = state();
		return JSON.stringify({
			...{ from, to, types, status, stance, min, place, city },
			zoom: zoom(),
			language: language(),
			...lists()
		});
	});
	$effect(() => {
		// A dataset just opened is asked afresh, whatever was asked before it opened (the worker
		// answers only for the dataset it has open last).
		void data();
		client.request(JSON.parse(request) as ViewRequest);
	});

	const view: Omit<AtlasView, keyof Shown> = {
		get scales() {
			return scales;
		},
		get state() {
			return state();
		},
		get days() {
			return days;
		},
		placeOf: (id) => placeById.get(id),
		nameOf(id) {
			const place = placeById.get(id);
			return place && placeName(place, language());
		},
		cityFacts: (id) => cityById.get(id),
		get reading() {
			return current === undefined && overview() !== undefined;
		},
		get waiting() {
			return view.reading && !isWholeDataset(state());
		},
		async settled() {
			// The request for a change goes out with the next flush of effects.
			await tick();
			await client.settled();
		}
	};
	// Every part of the worker's answer reads through to the latest one.
	for (const key of Object.keys(result) as (keyof Shown)[])
		Object.defineProperty(view, key, { get: () => result[key], enumerable: true });
	return view as AtlasView;
}
