import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlineOf, toAtlasData } from '$lib/data/atlas-data';
import { detailsAtHand } from '$lib/data/details';
import { filterEvents } from '$lib/data/filter';
import type { PublishedIndexFile } from '$lib/data/published-shape';
import type { ProtestEvent } from '$lib/data/schema';
import type { Story } from '$lib/data/story/story';
import { wordsIn } from '$lib/data/story/words';
import { EVENT_TYPE_IDS } from '$lib/data/vocabulary';
import { createAtlasController, type AtlasHost } from './atlas-controller.svelte';
import type { Camera } from '$lib/data/camera';
import { formatDate } from '$lib/format';
import { dateWords } from '$lib/i18n/i18n';
import type { FrameWords, MapHandle } from './map-handle';
import type { ViewAnswer, ViewClient } from './view-client';
import { createViewModel, type ViewRequest } from '$lib/data/view/view-model';

const file = () => JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedIndexFile;

/** The view's worker, run in the test's own thread: the real view model, markers left as ids. */
function inThreadClient(dataset: PublishedIndexFile): ViewClient & { requests: ViewRequest[] } {
	const model = createViewModel({ events: dataset.events, places: dataset.places, dateRange: dataset.dateRange });
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not state
	const listeners = new Set<(update: ViewAnswer, generation: number) => void>();
	const requests: ViewRequest[] = [];
	return {
		requests,
		open: async () => outlineOf(dataset),
		request(request) {
			requests.push(request);
			// The worker answers later, never within the page's own update.
			queueMicrotask(() => answer(request));
		},
		listen(onupdate) {
			listeners.add(onupdate);
			return () => listeners.delete(onupdate);
		},
		settled: () => new Promise((resolve) => setTimeout(resolve)),
		exportEvents: async (filter) => filterEvents(dataset.events, filter) as ProtestEvent[],
		details: detailsAtHand(),
		eventsById: async (ids) => ids.map((id) => dataset.events.find((e) => e.id === id) as ProtestEvent),
		finder: { suggest: async () => [], geocode: async () => ({ found: [] }) as never, prepare() {} }
	};
	function answer(request: ViewRequest) {
		const { markers, ...rest } = model(request);
		const answer: ViewAnswer = markers
			? {
					...rest,
					markers: {
						places: '',
						cities: '',
						paths: '',
						proGovernment: '',
						cityIds: markers.cities.features.map((f) => String(f.properties?.id)),
						placeIds: markers.places.features.map((f) => String(f.properties?.id))
					}
				}
			: rest;
		listeners.forEach((listen) => listen(answer, 0));
	}
}

/** Lets the page's effects and the worker's answers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

/** A map that records what it was asked to do. */
function recordingMap(openedWithView = false, camera: Camera = { center: [27.56, 53.9], zoom: 11 }) {
	const calls: string[] = [];
	const handle: MapHandle = {
		fitBounds: (bounds, maxZoom) => void calls.push(`fit ${bounds.map((n) => n.toFixed(3)).join(',')} ≤${maxZoom}`),
		flyTo: (center, zoom) => void calls.push(`fly ${center.join(',')} ≥${zoom}`),
		exportImage: async (decorations) => new Blob([decorations.title]),
		focus: () => void calls.push('focus map'),
		currentCamera: () => camera,
		jumpTo: (to) => {
			calls.push(`jump ${to.zoom}/${to.center[1]}/${to.center[0]}`);
			camera = to;
		},
		showCamera: (target) => void calls.push(`camera ${JSON.stringify(target)}`),
		openedWithView: () => openedWithView,
		startFrames: () => Promise.reject(new Error('no frames here'))
	};
	return { calls, handle };
}

/**
 * A map that films: each frame's camera, words and the address it was drawn at are kept, and
 * its canvas is a flat grey picture (GIF frames are read from it).
 */
function filmingMap(url: () => URL, cancelAfter?: { frames: number; controller: AbortController }) {
	const frames: { search: string; camera: Camera; words: FrameWords }[] = [];
	const size = { width: 8, height: 6 };
	const canvas = {
		...size,
		getContext: () => ({
			getImageData: () => ({ data: new Uint8ClampedArray(size.width * size.height * 4).fill(128) })
		})
	} as unknown as HTMLCanvasElement;
	let ended = 0;
	const start: Camera = { center: [27.9, 53.7], zoom: 6 };
	const handle: MapHandle = {
		...recordingMap().handle,
		startFrames: async () => ({
			canvas,
			startCamera: start,
			cameraFor: (target) => ('center' in target ? target : { center: [target.bounds[0], target.bounds[1]], zoom: 9 }),
			async draw(camera, words) {
				frames.push({ search: url().search, camera, words });
				if (cancelAfter && frames.length === cancelAfter.frames) cancelAfter.controller.abort();
			},
			end: () => void ended++
		})
	};
	return { handle, frames, ended: () => ended };
}

/** A controller over the default dataset, whose router keeps the address in a variable. */
function setUp(start = 'https://atlas.example/', host: Partial<AtlasHost> = {}) {
	const dataset = file();
	const client = inThreadClient(dataset);
	const data = toAtlasData(outlineOf(dataset), client.details);
	let url = $state(new URL(start));
	/** The hash as MapLibre rewrites it while the map moves: the router (and so the view state) never hears of it. */
	let mapHash: string | undefined;
	const visits: { href: string; replace: boolean }[] = [];
	const saved: { name: string; content: Blob | string }[] = [];
	let controller!: ReturnType<typeof createAtlasController>;
	const stop = $effect.root(() => {
		controller = createAtlasController({
			data: () => data,
			client,
			url: () => (mapHash === undefined ? url : Object.assign(new URL(url), { hash: mapHash })),
			go: async (href, { replace }) => {
				visits.push({ href, replace });
				mapHash = undefined;
				url = new URL(href, url);
				await settle();
			},
			paths: { app: '/', embed: '/embed/' },
			save: (name, content) => void saved.push({ name, content }),
			...host
		});
	});
	const moveMap = (hash: string) => void (mapHash = hash);
	return { app: controller, client, dataset, visits, saved, stop, url: () => url, moveMap };
}

const story = () => JSON.parse(readFileSync('static/data/stories/belarus-week.json', 'utf8')) as Story;

const minsk = (dataset: PublishedIndexFile) => dataset.places.find((p) => p.id === 'minsk')!;

describe('the atlas controller', () => {
	it('reads the view state from the address, and asks the view model for it', async () => {
		const { app, client, stop } = setUp('https://atlas.example/?from=2020-08-10&to=2020-08-11&lang=be&types=rally');
		await settle();
		expect(app.state).toMatchObject({ from: '2020-08-10', to: '2020-08-11', lang: 'be', types: ['rally'] });
		expect(app.locale).toBe('be');
		expect(client.requests.at(-1)).toMatchObject({ from: '2020-08-10', to: '2020-08-11', types: ['rally'] });
		expect(app.view.range).toEqual({ from: '2020-08-10', to: '2020-08-11' });
		stop();
	});

	it('names what a link asked that it could not use, an unknown place too', () => {
		const { app, stop } = setUp('https://atlas.example/?status=maybe&place=atlantis');
		expect(app.ignoredParams).toEqual(['status=maybe', 'place=atlantis']);
		stop();
	});

	it('opens a place by writing it to the address, then moves the map to it', async () => {
		const { app, visits, dataset, stop } = setUp('https://atlas.example/?from=2020-08-10#map=6/53.9/27.5');
		const map = recordingMap();
		app.attachMap(map.handle);
		const place = dataset.places.find((p) => p.properties.kind === 'square')!;
		await app.selectPlace(place.id);
		expect(visits.at(-1)).toEqual({ href: `/?place=${place.id}&from=2020-08-10#map=6/53.9/27.5`, replace: false });
		expect(app.view.selectedPlace?.place.id).toBe(place.id);
		expect(map.calls).toEqual([`fly ${place.geometry.coordinates.join(',')} ≥12`]);
		stop();
	});

	it('opens a city and fits the map to its places; closing returns focus where it came from', async () => {
		const { app, dataset, stop } = setUp();
		const map = recordingMap();
		app.attachMap(map.handle);
		await app.selectCity('minsk');
		expect(app.state).toMatchObject({ city: 'minsk' });
		expect(app.view.selectedCity?.city.id).toBe('minsk');
		expect(map.calls).toHaveLength(1);
		expect(map.calls[0]).toMatch(/^fit .* ≤13$/);
		const [west, south, east, north] = map.calls[0]!.slice(4).split(' ')[0]!.split(',').map(Number);
		const [lon, lat] = minsk(dataset).geometry.coordinates;
		expect(lon).toBeGreaterThan(west! - 0.2);
		expect(lon).toBeLessThan(east! + 0.2);
		expect(lat).toBeGreaterThan(south! - 0.2);
		expect(lat).toBeLessThan(north! + 0.2);

		const button = { focused: false, isConnected: true, focus() {} } as unknown as HTMLElement;
		let focused = false;
		button.focus = () => void (focused = true);
		await app.selectCity('minsk', button);
		await app.closePanel();
		expect(app.state.city).toBeUndefined();
		expect(focused).toBe(true);
		await app.closePanel();
		expect(map.calls.at(-1)).toBe('focus map');
		stop();
	});

	it('raises a layout’s hidden panel before the map moves, and moves the map even for a tap on it', async () => {
		const { app, dataset, stop } = setUp();
		const map = recordingMap();
		app.attachMap(map.handle);
		const order: string[] = [];
		app.onRevealPanel(async () => void order.push('reveal'));
		const place = dataset.places.find((p) => p.properties.kind === 'square')!;
		await app.selectPlace(place.id, undefined, false);
		order.push(...map.calls);
		expect(order).toEqual(['reveal', `fly ${place.geometry.coordinates.join(',')} ≥12`]);
		stop();
	});

	it('toggles event types, keeping "all" as no parameter', async () => {
		const { app, stop } = setUp();
		await app.toggleType('rally');
		expect(app.state.types).toHaveLength(EVENT_TYPE_IDS.length - 1);
		expect(app.state.types).not.toContain('rally');
		await app.toggleType('rally');
		expect(app.state.types).toBeUndefined();
		stop();
	});

	it('switches language and back to English without a parameter', async () => {
		const { app, url, stop } = setUp();
		const english = app.t('lists.cities');
		await app.setLanguage('ru');
		expect(url().searchParams.get('lang')).toBe('ru');
		expect(app.t('lists.cities')).not.toBe(english);
		await app.setLanguage('en');
		expect(url().searchParams.has('lang')).toBe(false);
		await app.setLanguage('xx');
		expect(url().searchParams.has('lang')).toBe(false);
		stop();
	});

	it('frames a linked place once the map is ready, unless the link carries its own camera', async () => {
		const withPlace = setUp('https://atlas.example/?city=minsk');
		const map = recordingMap();
		withPlace.app.attachMap(map.handle);
		await withPlace.app.mapReady();
		expect(map.calls).toHaveLength(1);
		withPlace.stop();

		const withCamera = setUp('https://atlas.example/?city=minsk#map=9/53.9/27.56');
		// The map opened at the link's camera.
		const own = recordingMap(true, { center: [27.56, 53.9], zoom: 9 });
		withCamera.app.attachMap(own.handle);
		await withCamera.app.mapReady();
		expect(own.calls).toEqual([]);
		withCamera.stop();
	});

	it('plays the week by replacing the address day by day', () => {
		const { app, visits, stop } = setUp();
		app.playback.play();
		app.playback.pause();
		expect(visits.at(-1)).toEqual({ href: '/?from=2020-08-09&to=2020-08-09', replace: true });
		app.playback.destroy();
		stop();
	});

	it('exports what is shown: the filtered events, under a name with the dates', async () => {
		const { app, saved, dataset, stop } = setUp('https://atlas.example/?from=2020-08-10&to=2020-08-10');
		await app.exportAs('geojson');
		expect(saved).toHaveLength(1);
		expect(saved[0]!.name).toMatch(/belarus-2020-08.*2020-08-10.*\.geojson$/);
		const exported = JSON.parse(saved[0]!.content as string) as { features: { properties: { date: string } }[] };
		const oneDay = filterEvents(dataset.events, { from: '2020-08-10', to: '2020-08-10' });
		expect(oneDay.length).toBeGreaterThan(0);
		expect(oneDay.length).toBeLessThan(dataset.events.length);
		expect(exported.features).toHaveLength(oneDay.length);
		expect(new Set(exported.features.map((f) => f.properties.date.slice(0, 10)))).toEqual(new Set(['2020-08-10']));
		stop();
	});

	it('captures the view shown as a story chapter’s: filters, selection and the map’s camera', () => {
		const { app, stop } = setUp('https://atlas.example/?city=minsk&from=2020-08-13&types=strike&lang=be');
		expect(app.captureChapterView()).toBeUndefined();
		app.attachMap(recordingMap().handle);
		expect(app.captureChapterView()).toEqual({
			camera: { center: [27.56, 53.9], zoom: 11 },
			city: 'minsk',
			from: '2020-08-13',
			types: ['strike']
		});
		stop();
	});

	it('in the embed, navigates within the embed', async () => {
		const { app, visits, stop } = setUp('https://atlas.example/embed/', { embed: true });
		await app.set({ from: '2020-08-12' });
		expect(visits.at(-1)!.href).toBe('/embed/?from=2020-08-12');
		stop();
	});

	describe('reading a story', () => {
		it('takes each chapter’s view whole: its dates, filters and selection, nothing of the chapter before', async () => {
			const { app, url, stop } = setUp('https://atlas.example/?story=belarus-week&chapter=2', { story });
			expect(app.reading?.slug).toBe('belarus-week');
			expect(app.state).toMatchObject({ from: '2020-08-10', to: '2020-08-10', place: 'pushkinskaya', chapter: 2 });
			await app.goToChapter(5);
			expect(url().search).toBe('?story=belarus-week&chapter=5');
			expect(app.state).toMatchObject({ from: '2020-08-13', to: '2020-08-14', types: ['strike'], chapter: 5 });
			expect(app.state.place).toBeUndefined();
			expect(app.view.selectedPlace).toBeUndefined();
			await app.goToChapter(99);
			expect(app.state.chapter).toBe(story().chapters.length);
			stop();
		});

		it('moves the camera to each chapter once the map is ready', async () => {
			const { app, dataset, stop } = setUp('https://atlas.example/?story=belarus-week&chapter=2', { story });
			const map = recordingMap();
			app.attachMap(map.handle);
			await settle();
			expect(map.calls).toEqual([]);
			await app.mapReady();
			await settle();
			await settle();
			const pushkinskaya = dataset.places.find((p) => p.id === 'pushkinskaya')!.geometry.coordinates;
			expect(map.calls).toEqual([`camera ${JSON.stringify({ center: pushkinskaya, zoom: 13 })}`]);
			await app.goToChapter(1);
			await settle();
			await settle();
			expect(map.calls.at(-1)).toBe(`camera ${JSON.stringify({ bounds: [23.2, 51.3, 32.7, 56.1], maxZoom: 13 })}`);
			stop();
		});

		it('leaves to explore at the chapter’s view, and comes back to the same chapter', async () => {
			const { app, url, stop } = setUp('https://atlas.example/?story=belarus-week&chapter=4&lang=ru', { story });
			await app.exploreFromHere();
			expect(app.reading).toBeUndefined();
			expect(url().search).toBe('?from=2020-08-12&to=2020-08-13&types=human-chain,rally&lang=ru');
			expect(app.storyReturn).toEqual({ story: 'belarus-week', chapter: 4 });
			await app.backToStory();
			expect(url().search).toBe('?story=belarus-week&chapter=4&lang=ru');
			expect(app.state.chapter).toBe(4);
			stop();
		});

		it('leaves the story, able to come back, when the reader changes a filter or the dates', async () => {
			const { app, url, stop } = setUp('https://atlas.example/?story=belarus-week&chapter=5', { story });
			await app.toggleType('rally');
			expect(app.reading).toBeUndefined();
			expect(url().search).toBe('?from=2020-08-13&to=2020-08-14&types=strike,rally');
			expect(app.storyReturn).toEqual({ story: 'belarus-week', chapter: 5 });
			stop();
		});

		it('gives a chapter’s cited events whole, with their sources', async () => {
			const { app, stop } = setUp('https://atlas.example/?story=belarus-week&chapter=7', { story });
			const cited = await app.citedEvents(app.reading!.chapters[6]!.events);
			expect(cited.map((e) => e.id)).toEqual(story().chapters[6]!.events);
			expect(cited.every((e) => e.sources.length > 0)).toBe(true);
			stop();
		});
	});

	describe('the camera', () => {
		it('is part of the view state, read from the hash, and kept when the filters change', async () => {
			const { app, url, stop } = setUp('https://atlas.example/?from=2020-08-10#map=7.5/53.9/27.56');
			expect(app.state.camera).toEqual({ center: [27.56, 53.9], zoom: 7.5 });
			await app.set({ to: '2020-08-12' });
			expect(url().hash).toBe('#map=7.5/53.9/27.56');
			stop();
		});

		it('carries the camera the map has moved to into the next address, not the one the link had', async () => {
			const { app, url, moveMap, stop } = setUp('https://atlas.example/?from=2020-08-10#map=6/53.9/27.5');
			expect(app.state.camera).toEqual({ center: [27.5, 53.9], zoom: 6 });
			moveMap('#map=9.25/53.904/27.561');
			await app.set({ to: '2020-08-12' });
			expect(url().hash).toBe('#map=9.25/53.904/27.561');
			expect(app.state.camera).toEqual({ center: [27.561, 53.904], zoom: 9.25 });
			stop();
		});

		it('after Back, moves the map to the camera the address names, and only if it is elsewhere', async () => {
			const { app, stop } = setUp('https://atlas.example/?min=1000#map=9/53.9/27.56');
			const map = recordingMap(true, { center: [30.34, 53.92], zoom: 10 });
			app.attachMap(map.handle);
			await app.mapReady();
			app.followAddressCamera();
			app.followAddressCamera();
			expect(map.calls).toEqual(['jump 9/53.9/27.56']);
			stop();
		});

		it('ignores, and names, a malformed camera', () => {
			const { app, stop } = setUp('https://atlas.example/#map=banana/53.9/27.5');
			expect(app.state.camera).toBeUndefined();
			expect(app.ignoredParams).toEqual(['map=banana/53.9/27.5']);
			stop();
		});
	});

	describe('a video', () => {
		const gif = { format: 'gif', size: '1080x1080', pace: { unit: 'seconds', amount: 1 } } as const;

		it('films the week day by day at each day’s address, with the date in the reader’s language, then goes back', async () => {
			const { app, url, saved, stop, dataset } = setUp('https://atlas.example/?types=rally&lang=ru#map=7/53.9/27.5');
			await settle();
			const map = filmingMap(url);
			app.attachMap(map.handle);
			await app.exportVideo({ source: 'week', ...gif }, new AbortController().signal, () => {});
			const days = app.view.days;
			expect(map.frames.map((f) => f.search)).toEqual(days.map((day) => `?from=${day}&to=${day}&types=rally&lang=ru`));
			expect(map.frames.map((f) => f.words.caption)).toEqual(days.map((day) => formatDate(day, dateWords('ru'))));
			expect(map.frames.every((f) => f.camera.zoom === 6)).toBe(true);
			// Each frame names who reported what it shows: that day's rallies' publishers.
			const rallies = (day: string) => dataset.events.filter((e) => e.type === 'rally' && e.when.start.startsWith(day));
			for (const [i, day] of days.entries()) {
				const publishers = new Set(rallies(day).flatMap((e) => (e as ProtestEvent).sources.map((s) => s.publisher)));
				const named = map.frames[i]!.words.sources.replace(/^Источники: /, '');
				expect(new Set(named ? named.split('; ') : [])).toEqual(publishers);
			}
			expect(saved.map((s) => s.name)).toEqual(['protest-atlas-belarus-2020-08-2020-08-09-2020-08-16.gif']);
			expect((saved[0]!.content as Blob).type).toBe('image/gif');
			expect(url().search).toBe('?types=rally&lang=ru');
			expect(url().hash).toBe('#map=7/53.9/27.5');
			expect(map.ended()).toBe(1);
			stop();
		});

		it('films everything up to each day when playback is set so, and counts what each frame shows', async () => {
			const { app, stop, url, dataset } = setUp();
			const map = filmingMap(url);
			app.attachMap(map.handle);
			app.playback.mode = 'cumulative';
			await app.exportVideo({ source: 'week', ...gif }, new AbortController().signal, () => {});
			const days = app.view.days;
			expect(map.frames.map((f) => f.search)).toEqual(days.map((day) => `?from=${days[0]}&to=${day}`));
			const last = map.frames.at(-1)!.words.detail;
			const shown = dataset.events.filter((e) => e.when.start.slice(0, 10) <= days.at(-1)!).length;
			expect(last).toContain(`${shown} events`);
			stop();
		});

		it('films a story chapter by chapter, the camera moving frame by frame into each', async () => {
			const { app, url, saved, stop } = setUp('https://atlas.example/?story=belarus-week&chapter=3', { story });
			await settle();
			const map = filmingMap(url);
			app.attachMap(map.handle);
			await app.exportVideo({ source: 'story', ...gif }, new AbortController().signal, () => {});
			const chapters = story().chapters;
			const held = map.frames.filter((f, i) => map.frames[i + 1]?.search !== f.search);
			expect(held.map((f) => f.words.caption)).toEqual(chapters.map((c) => wordsIn(c.title, 'en', 'en').text));
			expect(held.map((f) => f.search)).toEqual(chapters.map((_, i) => `?story=belarus-week&chapter=${i + 1}`));
			// Four frames of camera move into every chapter after the first.
			expect(map.frames).toHaveLength(chapters.length + 4 * (chapters.length - 1));
			expect(saved.map((s) => s.name)).toEqual(['protest-atlas-belarus-week.gif']);
			expect(url().search).toBe('?story=belarus-week&chapter=3');
			stop();
		});

		it('stops when cancelled, saves nothing and gives the view back', async () => {
			const { app, url, saved, stop } = setUp('https://atlas.example/?from=2020-08-10');
			const controller = new AbortController();
			const map = filmingMap(url, { frames: 3, controller });
			app.attachMap(map.handle);
			await expect(app.exportVideo({ source: 'week', ...gif }, controller.signal, () => {})).rejects.toThrow(
				'The video was cancelled.'
			);
			expect(map.frames).toHaveLength(3);
			expect(saved).toEqual([]);
			expect(url().search).toBe('?from=2020-08-10');
			expect(map.ended()).toBe(1);
			stop();
		});
	});
});
