/**
 * The atlas's controller: what the reader's acts do. It reads the view state from the URL, and
 * every act (a click, a key, a filter, a playback step) navigates to a new view state, which the
 * view follows. The shells only arrange panels and call it; it never touches the DOM itself,
 * so it runs in unit tests without a browser.
 */
import { tick, untrack } from 'svelte';
import type { AtlasData } from '$lib/data/atlas-data';
import type { CitySort } from '$lib/data/aggregate';
import { typesToggled } from '$lib/data/filter';
import { placeName } from '$lib/data/names';
import type { ProtestEvent } from '$lib/data/schema';
import type { StoryIndex } from '$lib/data/story/publish-story';
import type { ChapterView, Story } from '$lib/data/story/story';
import { wordsIn } from '$lib/data/story/words';
import { chapterCamera } from '$lib/data/story/story-camera';
import { captureView } from '$lib/data/story/draft';
import type { EventType } from '$lib/data/vocabulary';
import { formatCount, formatSpan } from '$lib/format';
import { languageOf } from '$lib/i18n/context';
import { translator } from '$lib/i18n/i18n';
import type { DatasetOverview } from '$lib/data/view/overview';
import { createAtlasView } from './atlas-view.svelte';
import type { MapHandle } from './map-handle';
import { createPlayback } from './playback.svelte';
import { cameraHash, isLabelLanguage, parseCamera, parseViewLocation, quotedValue } from './url-state';
import { viewStateAddress, viewStateSearch } from './url-state';
import type { ViewState } from './url-state';
import type { ViewClient } from './view-client';
import { filmChoice, type VideoChoice } from './video-choice';

export type ExportKind = 'png' | 'acled' | 'ccc' | 'geojson';
export type BrowseList = 'cities' | 'places';

export interface AtlasHost {
	data: () => AtlasData;
	/** What the first view draws of the dataset, published beside it, until the worker answers. */
	overview?: () => DatasetOverview | undefined;
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
	/** The story the link names, once read; undefined for none. */
	story?: () => Story | undefined;
	/** The published stories, for the picker. */
	stories?: () => StoryIndex | undefined;
}

/** A chapter's view as a view state: its filters and selection, nothing of any other chapter. */
function chapterState(view: ChapterView): ViewState {
	const { from, to, status, stance, min, place, city, types } = view;
	const state: ViewState = { from, to, status, stance, min, place, city, types: types as EventType[] | undefined };
	for (const key of Object.keys(state) as (keyof ViewState)[]) if (state[key] === undefined) delete state[key];
	return state;
}

export function createAtlasController(host: AtlasHost) {
	const embed = host.embed ?? false;
	const data = $derived(host.data());
	/** Parameters of the link that were not understood: ignored, and said so, never a blank map. */
	const ignoredParams = $derived.by(() => {
		const url = host.url();
		const ignored: string[] = [];
		if (!url) return ignored;
		const asked = parseViewLocation(url, ignored);
		// A place or city this dataset does not have is named too, not silently left unselected.
		for (const key of ['place', 'city'] as const) {
			const id = asked[key];
			if (id && !data.places.some((p) => p.id === id)) ignored.push(`${key}=${quotedValue(id)}`);
		}
		return ignored;
	});
	const asked = $derived.by((): ViewState => {
		const url = host.url();
		return url ? parseViewLocation(url) : {};
	});
	/** The story being read, when the link names the one that was read for it. */
	const reading = $derived.by(() => {
		const story = host.story?.();
		return story && asked.story === story.slug ? story : undefined;
	});
	const chapterIndex = $derived(reading ? Math.min(asked.chapter ?? 1, reading.chapters.length) - 1 : -1);
	const state = $derived.by((): ViewState => {
		if (!reading) return { ...asked, story: undefined, chapter: undefined };
		const { data, lang, camera } = asked;
		return {
			...chapterState(reading.chapters[chapterIndex]!.view),
			...(data ? { data } : {}),
			...(lang ? { lang } : {}),
			...(camera ? { camera } : {}),
			story: reading.slug,
			chapter: chapterIndex + 1
		};
	});
	/** The chapter the reader left to explore, for "Back to the story". */
	let storyReturn = $state<{ story: string; chapter: number }>();
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
		() => ({ placeList: browse === 'places' && !embed, citySort }),
		() => host.overview?.()
	);
	const playback = createPlayback({
		days: () => view.days,
		show: (range) => void change(range, { replace: true })
	});

	let map = $state.raw<MapHandle>();
	let mapIsReady = $state(false);
	/** The map has drawn its first markers (or failed): the panels that are not the map follow. */
	let firstDrawn = $state(false);
	/** While a video is filmed, it alone moves the camera. */
	let filming = $state(false);
	// Each chapter moves the camera to its own view, once the map can move.
	$effect(() => {
		if (!reading || !map || !mapIsReady || filming) return;
		const target = chapterCamera(reading.chapters[chapterIndex]!.view, data.places);
		const handle = map;
		// Once the chapter's panels have opened, so that the camera fits the map as the reader sees it.
		if (target)
			untrack(() => {
				void view
					.settled()
					.then(tick)
					.then(() => handle.showCamera(target));
			});
	});
	/** Where keyboard focus returns when a panel closes. */
	let returnFocus: { focus(): void; isConnected: boolean } | undefined;
	/** What a layout does before the map moves to a chosen place: a phone raises its sheet. */
	let revealPanel: (() => Promise<void>) | undefined;

	function navigate(next: ViewState, { replace = false } = {}): Promise<void> {
		// The map keeps its camera in the address as it moves: a camera carried over is the one there now.
		const url = next.camera === state.camera ? host.url() : undefined;
		const camera = url ? parseCamera(url.hash) : next.camera;
		const address = viewStateAddress({ ...next, camera });
		return host.go(`${embed ? host.paths.embed : host.paths.app}${address}`, { replace });
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
		await revealPanel?.();
		await tick();
		if (move || revealPanel) showPlace(placeId);
	}

	async function selectCity(cityId: string, from?: HTMLElement) {
		returnFocus = from;
		await navigate({ ...state, city: cityId, place: undefined });
		await view.settled();
		await revealPanel?.();
		await tick();
		showCity(cityId);
	}

	/** A change of filters or dates; a reader who makes one in a story leaves it, and can come back. */
	function change(part: Partial<ViewState>, options?: { replace?: boolean }) {
		if (reading) storyReturn = { story: reading.slug, chapter: chapterIndex + 1 };
		return navigate({ ...state, story: undefined, chapter: undefined, ...part }, options);
	}

	/** What a picture or video prints beside the map: title, key and credits. */
	const imageWords = () => ({
		title: `${t('app.name')}: ${data.header.name}`,
		scales: view.scales,
		typeLabel: (type: EventType) => t(`type.${type}`),
		sizeLabel: (people: number) => t('export.people', { size: formatCount(people, language.numbers) }),
		attribution: [t('app.name'), ...data.header.attribution]
	});

	/** Films the week (or the story being read), then puts the view back as it was. */
	async function exportVideo(
		choice: VideoChoice,
		signal: AbortSignal,
		onProgress: (done: number, total: number, frame: HTMLCanvasElement) => void
	) {
		if (!map) throw new Error('The map is not ready.');
		const before = state;
		playback.pause();
		filming = true;
		try {
			const film = await filmChoice(choice, signal, onProgress, {
				map,
				data,
				view,
				mode: playback.mode,
				story: choice.source === 'story' ? reading : undefined,
				t,
				language,
				locale,
				words: imageWords(),
				shotState: (shot) =>
					shot.kind === 'day'
						? { ...before, story: undefined, chapter: undefined, ...shot.range }
						: { data: asked.data, lang: asked.lang, story: reading?.slug, chapter: shot.chapter + 1 },
				async show(next) {
					await navigate(next, { replace: true });
					await view.settled();
					await tick();
				},
				publishers: async () =>
					(await host.client.exportEvents(state)).flatMap((e) => e.sources.map((s) => s.publisher))
			});
			host.save(film.name, film.blob);
			return { name: film.name, bytes: film.blob.size };
		} finally {
			await navigate(before, { replace: true });
			filming = false;
		}
	}

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
			if (reading) {
				const chapter = reading.chapters[chapterIndex]!;
				const counter = t('story.chapterOf', { n: chapterIndex + 1, count: reading.chapters.length });
				return `${counter}: ${wordsIn(chapter.title, locale, reading.language).text}`;
			}
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
		/** The story being read, and its chapter from 0; undefined and -1 when none is. */
		get reading() {
			return reading;
		},
		get chapterIndex() {
			return chapterIndex;
		},
		get stories() {
			return host.stories?.()?.stories ?? [];
		},
		/** The chapter left by "Explore from here". */
		get storyReturn() {
			return storyReturn;
		},
		/** Opens a chapter (from 1); the link follows it, so that a shared link opens the chapter being read. */
		goToChapter(chapter: number) {
			if (!reading) return Promise.resolve();
			const next = Math.min(Math.max(chapter, 1), reading.chapters.length);
			if (next === chapterIndex + 1) return Promise.resolve();
			return navigate({ data: asked.data, lang: asked.lang, story: reading.slug, chapter: next });
		},
		/** Opens a published story at its first chapter, with its own dataset. */
		openStory(slug: string) {
			const listing = host.stories?.()?.stories.find((s) => s.slug === slug);
			const dataset = listing && listing.dataset !== data.header.slug ? listing.dataset : undefined;
			return navigate({ lang: asked.lang, data: dataset, story: slug, chapter: 1 });
		},
		/** Leaves the story at the chapter's view, with the whole interface. */
		exploreFromHere() {
			if (!reading) return Promise.resolve();
			storyReturn = { story: reading.slug, chapter: chapterIndex + 1 };
			return navigate({ ...state, story: undefined, chapter: undefined });
		},
		backToStory() {
			const back = storyReturn;
			storyReturn = undefined;
			return back ? navigate({ data: asked.data, lang: asked.lang, ...back }) : Promise.resolve();
		},
		/** The view shown now as a story chapter's: its filters and selection, and the map's camera. */
		captureChapterView(): ChapterView | undefined {
			const camera = map?.currentCamera();
			return camera && captureView(state, camera);
		},
		/** The events shown now, for a chapter to cite. */
		async shownEvents(): Promise<{ id: string; title: string; date: string }[]> {
			const events = await host.client.exportEvents(state);
			return events.map((e) => ({ id: e.id, title: e.title, date: e.when.start.slice(0, 10) }));
		},
		/** The whole events a chapter rests on, with their sources. */
		citedEvents(ids: readonly string[]): Promise<ProtestEvent[]> {
			return host.client.eventsById(ids);
		},
		/** Changes part of the view state; in a story, that leaves it to explore from the chapter. */
		set: change,
		/**
		 * After Back or Forward: the map goes to the camera the address names, which MapLibre's hash
		 * does not do when more than the hash has changed.
		 */
		followAddressCamera() {
			const url = host.url();
			const camera = url && parseCamera(url.hash);
			const current = map?.currentCamera();
			if (!camera || !current || !mapIsReady || filming) return;
			if (cameraHash(camera) !== cameraHash(current)) map?.jumpTo(camera);
		},
		attachMap(handle: MapHandle | undefined) {
			map = handle;
		},
		/** A layout that hides panels under the map (a phone's sheet) shows them before the map moves. */
		onRevealPanel(reveal: () => Promise<void>) {
			revealPanel = reveal;
			return () => {
				revealPanel = undefined;
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
			return change({ types: typesToggled(state.types, type) });
		},
		setLanguage(lang: string) {
			return navigate({ ...state, lang: isLabelLanguage(lang) && lang !== 'en' ? lang : undefined });
		},
		/** A link that opens a place or city frames it, unless it also carries its own camera. */
		async mapReady() {
			mapIsReady = true;
			if (reading || map?.openedWithView()) return;
			await view.settled();
			if (state.place || state.city) await revealPanel?.();
			if (state.place) showPlace(state.place);
			else if (state.city) showCity(state.city);
		},
		exportVideo,
		markersDrawn: () => void (firstDrawn = true),
		/** The lists, legend and filters are made once the map has drawn, so the map is not held up by them. */
		get firstDrawn() {
			return firstDrawn;
		},
		/** Whether the map can move and be drawn: a video waits for it. */
		get mapIsReady() {
			return mapIsReady && map !== undefined;
		},
		async exportAs(kind: ExportKind) {
			// The writers (and the CSV library) load on the first export, not with the page.
			const { exportFileName, exportFile } = await import('$lib/data/export');
			if (kind === 'png') {
				const range = formatSpan(view.range.from, view.range.to, language.dates);
				const blob = await map?.exportImage({ ...imageWords(), range });
				if (blob) host.save(exportFileName(data.header.slug, view.range, 'png'), blob);
				return;
			}
			// A large dataset's texts and sources are fetched for the export, as published.
			const events = await host.client.exportEvents(state);
			const { slug, timeZone } = data.header;
			const file = exportFile(kind, events, { slug, timeZone, places: data.places }, view.range);
			host.save(file.name, file.content, file.type);
		}
	};
}

export type AtlasController = ReturnType<typeof createAtlasController>;
