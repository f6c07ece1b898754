/**
 * The atlas's controller: what the reader's acts do. It reads the view state from the URL, and
 * every act (a click, a key, a filter, a playback step) navigates to a new view state, which the
 * view follows. The shells only arrange panels and call it; it never touches the DOM itself,
 * so it runs in unit tests without a browser.
 */
import { tick } from 'svelte';
import type { AtlasData } from '$lib/data/atlas-data';
import type { CitySort } from '$lib/data/aggregate';
import { placeName } from '$lib/data/names';
import { EVENT_TYPE_IDS, type EventType } from '$lib/data/vocabulary';
import { formatCount, formatSpan } from '$lib/format';
import { languageOf } from '$lib/i18n/context';
import { translator } from '$lib/i18n/i18n';
import { createAtlasView } from './atlas-view.svelte';
import type { MapHandle } from './map-handle';
import { createPlayback } from './playback.svelte';
import { isLabelLanguage, parseViewState, quotedValue, viewStateSearch, type ViewState } from './url-state';
import type { ViewClient } from './view-client';

export type ExportKind = 'png' | 'acled' | 'ccc' | 'geojson';
export type BrowseList = 'cities' | 'places';

export interface AtlasHost {
	data: () => AtlasData;
	client: ViewClient;
	/** The page's address; undefined before hydration, when the prerendered page has no search. */
	url: () => URL | undefined;
	/** Goes to an address of the app: the router's navigation in the page, a fake in tests. */
	go: (href: string, options: { replace: boolean }) => Promise<void>;
	/** The app's root path and the embed's, as the router resolves them. */
	paths: { app: string; embed: string };
	/** The embed route: map, legend and timeline only. */
	embed?: boolean;
	/** The reader's own file is shown, not a published dataset. */
	localFile?: () => boolean;
	/** Saves a file on the reader's machine. */
	save: (name: string, content: Blob | string, type?: string) => void;
}

export function createAtlasController(host: AtlasHost) {
	const embed = host.embed ?? false;
	const data = $derived(host.data());
	/** Parameters of the link that were not understood: ignored, and said so, never a blank map. */
	const ignoredParams = $derived.by(() => {
		const url = host.url();
		const ignored: string[] = [];
		if (!url) return ignored;
		const asked = parseViewState(url.searchParams, ignored);
		// A place or city this dataset does not have is named too, not silently left unselected.
		for (const key of ['place', 'city'] as const) {
			const id = asked[key];
			if (id && !data.places.some((p) => p.id === id)) ignored.push(`${key}=${quotedValue(id)}`);
		}
		return ignored;
	});
	const state = $derived.by((): ViewState => {
		const url = host.url();
		return url ? parseViewState(url.searchParams) : {};
	});
	const locale = $derived(state.lang ?? 'en');
	const t = $derived(translator(locale));
	const language = $derived(languageOf(locale));

	/** The map's whole zoom level, which decides how places group. */
	let mapZoom = $state(6);
	let browse = $state<BrowseList>('cities');
	let citySort = $state<CitySort>('count');
	const view = createAtlasView(
		host.client,
		() => data,
		() => state,
		() => mapZoom,
		() => locale,
		() => ({ placeList: browse === 'places' && !embed, citySort })
	);
	const playback = createPlayback({
		days: () => view.days,
		show: (range) => void navigate({ ...state, ...range }, { replace: true })
	});

	let map: MapHandle | undefined;
	/** Where keyboard focus returns when a panel closes. */
	let returnFocus: { focus(): void; isConnected: boolean } | undefined;
	/** What a layout does before the map moves to a chosen place: a phone raises its sheet. */
	let revealPanel: () => Promise<void> = async () => {};

	function navigate(next: ViewState, { replace = false } = {}): Promise<void> {
		const hash = host.url()?.hash ?? '';
		return host.go(`${embed ? host.paths.embed : host.paths.app}${viewStateSearch(next)}${hash}`, { replace });
	}

	function showPlace(placeId: string) {
		const place = view.placeOf(placeId);
		if (place && place.properties.kind !== 'country') map?.flyTo(place.geometry.coordinates, 12);
	}

	function showCity(cityId: string) {
		const bounds = view.cityFacts(cityId)?.bounds;
		if (bounds) map?.fitBounds(bounds, 13);
	}

	/** Opens a place's panel; the map moves to it once the panel has opened (always on a phone, where it must clear the sheet). */
	async function selectPlace(placeId: string, from?: HTMLElement, move = true) {
		returnFocus = from;
		await navigate({ ...state, place: placeId, city: undefined });
		await view.settled();
		await revealPanel();
		await tick();
		if (move || revealsPanel) showPlace(placeId);
	}

	async function selectCity(cityId: string, from?: HTMLElement) {
		returnFocus = from;
		await navigate({ ...state, city: cityId, place: undefined });
		await view.settled();
		await revealPanel();
		await tick();
		showCity(cityId);
	}

	let revealsPanel = false;

	const shareSearch = $derived(viewStateSearch({ ...state, data: host.localFile?.() ? undefined : data.header.slug }));

	return {
		get state() {
			return state;
		},
		get data() {
			return data;
		},
		get locale() {
			return locale;
		},
		get t() {
			return t;
		},
		get language() {
			return language;
		},
		embed,
		view,
		playback,
		/** Place search, which runs in the view's worker beside the dataset. */
		finder: host.client.finder,
		/** The link's parts that were ignored, as `name=value`. */
		get ignoredParams() {
			return ignoredParams;
		},
		get mapZoom() {
			return mapZoom;
		},
		set mapZoom(zoom: number) {
			mapZoom = zoom;
		},
		get browse() {
			return browse;
		},
		set browse(list: BrowseList) {
			browse = list;
		},
		get citySort() {
			return citySort;
		},
		set citySort(sort: CitySort) {
			citySort = sort;
		},
		/** The search part of a link to what is shown, with the dataset named. */
		get shareSearch() {
			return shareSearch;
		},
		/** What a screen reader hears when a panel opens. */
		get announcement(): string {
			if (view.selectedPlace)
				return t('announce.place', {
					name: placeName(view.selectedPlace.place, locale),
					count: view.selectedPlace.events.length
				});
			if (view.selectedCity)
				return t('announce.city', {
					name: placeName(view.selectedCity.city, locale),
					count: view.selectedCity.gatherings.length
				});
			return '';
		},
		navigate,
		/** Changes part of the view state. */
		set(change: Partial<ViewState>, options?: { replace?: boolean }) {
			return navigate({ ...state, ...change }, options);
		},
		attachMap(handle: MapHandle | undefined) {
			map = handle;
		},
		/** A layout that hides panels under the map (a phone's sheet) shows them before the map moves. */
		onRevealPanel(reveal: () => Promise<void>) {
			revealPanel = reveal;
			revealsPanel = true;
			return () => {
				revealPanel = async () => {};
				revealsPanel = false;
			};
		},
		selectPlace,
		selectCity,
		/** Search results: a settlement opens its city, anything else its place. */
		choosePlace(placeId: string) {
			if (view.cityFacts(placeId)) void selectCity(placeId);
			else void selectPlace(placeId);
		},
		async closePanel() {
			await navigate({ ...state, place: undefined, city: undefined });
			await view.settled();
			await tick();
			if (returnFocus?.isConnected) returnFocus.focus();
			else map?.focus();
			returnFocus = undefined;
		},
		toggleType(type: EventType) {
			const shown = state.types ?? [...EVENT_TYPE_IDS];
			const next = shown.includes(type) ? shown.filter((t) => t !== type) : [...shown, type];
			return navigate({ ...state, types: next.length === EVENT_TYPE_IDS.length ? undefined : next });
		},
		setLanguage(lang: string) {
			return navigate({ ...state, lang: isLabelLanguage(lang) && lang !== 'en' ? lang : undefined });
		},
		/** A link that opens a place or city frames it, unless it also carries its own camera. */
		async mapReady() {
			if (map?.openedWithView()) return;
			await view.settled();
			if (state.place || state.city) await revealPanel();
			if (state.place) showPlace(state.place);
			else if (state.city) showCity(state.city);
		},
		async exportAs(kind: ExportKind) {
			// The writers (and the CSV library) load on the first export, not with the page.
			const { exportFileName, toAcledCsv, toCccCsv, toGeoJson } = await import('$lib/data/export');
			const name = (ext: string) => exportFileName(data.header.slug, view.range, ext);
			if (kind === 'png') {
				const blob = await map?.exportImage({
					title: `${t('app.name')}: ${data.header.name}`,
					range: formatSpan(view.range.from, view.range.to, language.dates),
					scales: view.scales,
					typeLabel: (type) => t(`type.${type}`),
					sizeLabel: (people) => t('export.people', { size: formatCount(people, language.numbers) }),
					attribution: [t('app.name'), ...data.header.attribution]
				});
				if (blob) host.save(name('png'), blob);
				return;
			}
			// A large dataset's texts and sources are fetched for the export, as published.
			const events = await host.client.exportEvents(state);
			const csv = 'text/csv;charset=utf-8';
			if (kind === 'acled') host.save(name('acled.csv'), toAcledCsv(events, data.places), csv);
			else if (kind === 'ccc') host.save(name('ccc.csv'), toCccCsv(events, data.places), csv);
			else
				host.save(
					name('geojson'),
					JSON.stringify(toGeoJson(events, data.places, data.header.timeZone)),
					'application/geo+json'
				);
		}
	};
}

export type AtlasController = ReturnType<typeof createAtlasController>;
