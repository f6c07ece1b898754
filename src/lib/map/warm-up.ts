/**
 * Starts what the map needs before the page knows its data: MapLibre's code, its worker pool, the
 * label font, and the map itself. Creating the WebGL context takes a good part of a cold start, so
 * it runs while the view's worker reads the dataset. The offline basemap is added once the first
 * markers are drawn (markersFirst): read before them, it held them back by about half a second.
 */
import { asset } from '$app/paths';
import type { LayerSpecification, Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import { BLOB_PROTOCOL_SCRIPT } from './blob-address';
import { basemapUrls } from './basemap-data';
import { BELARUS_BOUNDS, MAP_FONT, MAX_ZOOM, chooseStyle, markersFirst, type DeferredBasemap } from './basemap-style';
import { withTexts } from './marker-labels';
import { parseCamera } from '$lib/state/url-state';

type MapLibre = typeof import('maplibre-gl');
let loading: Promise<MapLibre> | undefined;
let blobReady: Promise<MapLibre> | undefined;

/** MapLibre with its worker pool started and the label font in: enough to make the map. */
function loadMapLibre(): Promise<MapLibre> {
	loading ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		// Labels drawn before the font is in would keep a fallback face.
		document.fonts.load(`16px "${MAP_FONT}"`).catch(() => undefined)
	]).then(([maplibregl, worker]) => {
		maplibregl.setWorkerUrl(worker.default);
		maplibregl.prewarm();
		return maplibregl;
	});
	return loading;
}

/** MapLibre, once its workers can also read the markers' blobs; started once, however often asked. */
export function warmUpMap(): Promise<MapLibre> {
	blobReady ??= loadMapLibre().then(async (maplibregl) => {
		// MapLibre's workers read the markers' blobs themselves (see blob-address.ts).
		await maplibregl.importScriptInWorkers(new URL(asset(BLOB_PROTOCOL_SCRIPT), location.href).href);
		return maplibregl;
	});
	return blobReady;
}

/** A map made before its place on the page exists, with what has already happened to it. */
export interface StartedMap {
	maplibregl: MapLibre;
	map: MaplibreMap;
	/** The element MapLibre draws in; its new parent must give it a size. */
	element: HTMLElement;
	/** Whether the page's hash held a camera when the map was made. */
	openedWithView: boolean;
	/** What the map draws once its first markers are drawn; nothing for an online style. */
	later?: DeferredBasemap;
	styleLoaded: Promise<void>;
}

let waiting: Promise<StartedMap> | undefined;

/**
 * Makes the map, on Belarus, in a small hidden box: its WebGL context is ready when it is placed,
 * and its frames meanwhile cost little. The data's own view and size are set when the map is placed.
 */
function makeMap(): Promise<StartedMap> {
	// The basemap does not need the blob reader; the markers wait for it (placeMap).
	void warmUpMap();
	return loadMapLibre().then((maplibregl) => {
		const element = document.createElement('div');
		Object.assign(element.style, { position: 'absolute', inset: '0' });
		const box = document.createElement('div');
		Object.assign(box.style, {
			position: 'fixed',
			left: '0',
			top: '0',
			width: '160px',
			height: '100px',
			visibility: 'hidden',
			pointerEvents: 'none'
		});
		box.inert = true;
		box.setAttribute('aria-hidden', 'true');
		box.append(element);
		document.body.append(box);
		const onlineStyle = import.meta.env.PUBLIC_BASEMAP_STYLE_URL;
		// MapLibre opens at the link's camera and keeps it in the hash as it moves, in the form the view state reads.
		const openedWithView = parseCamera(location.hash) !== undefined;
		const chosen = chooseStyle(basemapUrls(location.href), onlineStyle);
		// The offline basemap waits for the first markers (markersFirst); an online style is drawn as it comes.
		const split = typeof chosen === 'string' ? undefined : markersFirst(chosen);
		const style = split?.first ?? chosen;
		const map = new maplibregl.Map({
			container: element,
			style,
			// Our own style is held to the style spec by its unit tests; MapLibre's check of it took
			// the main thread about 150 ms before the first frame.
			validateStyle: typeof style === 'string',
			bounds: BELARUS_BOUNDS,
			fitBoundsOptions: { padding: 24 },
			maxZoom: MAX_ZOOM,
			hash: 'map',
			// Labels appear at once: a fade holds every filter step and playback frame by 300 ms.
			fadeDuration: 0,
			attributionControl: false,
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false
		});
		map.on('error', (e) => console.error('Map error:', e.error?.message ?? e));
		return {
			maplibregl,
			map,
			element,
			openedWithView,
			later: split?.later,
			styleLoaded: new Promise<void>((resolve) => map.once('style.load', () => resolve()))
		};
	});
}

/** Starts the map early; asked again, it is the same map until it is placed. */
function startMap(): Promise<StartedMap> {
	waiting ??= makeMap();
	return waiting;
}

/** The map placed on the page, while its element is there. */
let onPage: MaplibreMap | undefined;

/**
 * Resolves once a map exists for the data to be drawn on: at once when one is on the page (a
 * dataset opened after the first), else when the started one is made. Never makes a second map.
 */
export function mapMade(): Promise<void> {
	if (onPage?.getContainer().isConnected) return Promise.resolve();
	return startMap().then(() => undefined);
}

/** Places the started map (or a new one) in its element on the page, sized to it. */
export async function placeMap(container: HTMLElement): Promise<StartedMap> {
	const mine = startMap();
	waiting = undefined;
	const [started] = await Promise.all([mine, warmUpMap()]);
	const box = started.element.parentElement;
	container.append(started.element);
	if (box !== container) box?.remove();
	started.map.resize();
	onPage = started.map;
	return started;
}

/** How long a map waits for some sources to be drawn before going on anyway. */
const DRAWN_WAIT_MS = 3000;

/** Resolves in the first frame drawn once `ready` holds, or after `limitMs` if given. */
function frameWhen(map: MaplibreMap, ready: () => boolean, limitMs?: number): Promise<void> {
	return new Promise((resolve) => {
		const check = () => {
			if (ready()) done();
		};
		const done = () => {
			clearTimeout(timer);
			map.off('render', check);
			resolve();
		};
		const timer = limitMs === undefined ? undefined : setTimeout(done, limitMs);
		map.on('render', check);
		map.triggerRepaint();
	});
}

/**
 * Resolves in the first frame drawn with the given sources' data and all their tiles for the view
 * (or after DRAWN_WAIT_MS). Tiles are asked for as a frame is drawn, so sources are checked after one.
 */
export function sourcesDrawn(map: MaplibreMap, ids: readonly string[]): Promise<void> {
	return frameWhen(map, () => ids.every((id) => !map.getSource(id) || map.isSourceLoaded(id)), DRAWN_WAIT_MS);
}

/** Resolves in the first frame drawn with everything the map has been given loaded. */
export function mapLoaded(map: MaplibreMap): Promise<void> {
	return frameWhen(map, () => Boolean(map.loaded()));
}

/** For our own sources, layers and filters: MapLibre's check serialises the whole style each time. */
export const UNCHECKED = { validate: false };

/**
 * Adds sources and layers (below `beforeLayer`, or on top) without MapLibre's check, which
 * serialises the whole style for each addition: about 100 ms in software for the markers alone.
 * Ours are held to the style spec by their unit tests.
 */
export function addUnchecked(
	map: MaplibreMap,
	sources: StyleSpecification['sources'],
	layers: readonly LayerSpecification[],
	beforeLayer?: string
): void {
	for (const [id, source] of Object.entries(sources)) map.style.addSource(id, source, UNCHECKED);
	for (const layer of layers) map.style.addLayer(layer, beforeLayer, UNCHECKED);
	// What Map.addLayer does after adding: mark the style for the next frame's update.
	const first = layers[0];
	if (first) map.setLayoutProperty(first.id, 'visibility', first.layout?.visibility ?? 'visible', UNCHECKED);
}

/** Adds the basemap left for after the first markers, below `beforeLayer`, its labels in `texts` (see labelTexts). */
export function addLaterBasemap({ map, later }: StartedMap, beforeLayer: string, texts: Record<string, unknown>): void {
	if (later) addUnchecked(map, later.sources, withTexts(later.layers, texts), beforeLayer);
}

/** Removes a started map that will not be placed, e.g. when the data could not be read. */
export function dropStartedMap(): void {
	const unused = waiting;
	waiting = undefined;
	void unused?.then(({ map, element }) => {
		map.remove();
		element.parentElement?.remove();
	});
}
