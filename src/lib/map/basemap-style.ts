import type {
	ExpressionSpecification,
	LayerSpecification,
	SourceSpecification,
	StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import countryNames from '$geo/country-names.json';

/** Names of the offline basemap's GeoJSON files under geo/basemap/. */
export const BASEMAP_FILES = [
	'world',
	'countries',
	'country-labels',
	'belarus-border',
	'oblasts',
	'oblast-labels',
	'oblast-edges',
	'rivers',
	'lakes',
	'settlements',
	'metro-lines',
	'metro-stations'
] as const;
type BasemapFile = (typeof BASEMAP_FILES)[number];

/** Absolute URL (or inline data) of each basemap file. */
export type BasemapData = Record<BasemapFile, string | FeatureCollection>;

/** Language of map labels; English by default, with Belarusian and Russian kept in the data. */
export type LabelLanguage = 'en' | 'be' | 'ru';

/** Font family shipped with the app (@fontsource/noto-sans); drawn locally, no glyph server. */
export const MAP_FONT = 'Noto Sans';

/** West, south, east, north of the view that shows all of Belarus. */
export const BELARUS_BOUNDS: [number, number, number, number] = [23.1, 51.2, 32.8, 56.2];
/** The basemap's own extent: data inside it is drawn on the offline map. */
const MAX_BOUNDS: [number, number, number, number] = [19.5, 49.6, 36.5, 58];
/**
 * How far the map can be panned: the basemap's extent, with the rivers, lakes and towns it has
 * beyond it north and south, so that a map taller than it is wide can still show all of Belarus.
 */
export const CAMERA_BOUNDS: [number, number, number, number] = [19.5, 48, 36.5, 59.5];
export const MIN_ZOOM = 4.5;
export const MAX_ZOOM = 17;
/** Zoom from which the Minsk Metro lines appear. */
const METRO_MIN_ZOOM = 10.5;

/** Every data source drawn on the offline basemap, shown on the map and in the README. */
export const BASEMAP_ATTRIBUTION = [
	'<a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>',
	'<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a> (CC BY 4.0)',
	'Rivers, lakes: <a href="https://www.soest.hawaii.edu/pwessel/gshhg/" target="_blank" rel="noopener noreferrer">GSHHG</a> (LGPL)',
	'Metro: <a href="https://github.com/valerykatskel/metro-game" target="_blank" rel="noopener noreferrer">metro-game</a>'
].join(' · ');

const PALETTE = {
	outside: '#e3eaee',
	worldBorder: '#d3cdc3',
	neighbour: '#eeede9',
	belarus: '#fbfaf6',
	minsk: '#f5f1e8',
	border: '#8b8073',
	borderHalo: '#e3ddd2',
	oblastEdge: '#b9afa1',
	water: '#bcd3e4',
	waterLine: '#8fb2cc',
	label: '#38342f',
	labelMuted: '#857b6e',
	halo: '#fbfaf6',
	metro1: '#1f5fae',
	metro2: '#c7362f'
} as const;

/** Basemap layers whose text is a place name, and so follows the label language. */
export const LABEL_LAYERS = [
	'SettlementLabels',
	'SettlementLabelsAbroad',
	'OblastLabels',
	'RiverLabels',
	'MetroStationLabels'
] as const;

/**
 * A country's label in the chosen language, from the sourced table in geo/country-names.json;
 * a country the table lacks keeps its English name.
 */
export function countryLabelText(language: LabelLanguage): ExpressionSpecification {
	if (language === 'en') return ['get', 'name'];
	const pairs = Object.entries(countryNames.names).flatMap(([en, names]) => [en, names[language]]);
	return ['match', ['get', 'name'], ...pairs, ['get', 'name']] as unknown as ExpressionSpecification;
}

/** Label text in the chosen language, falling back to English where that name is missing. */
export function labelText(language: LabelLanguage): ExpressionSpecification {
	if (language === 'en') return ['get', 'name_en'];
	// Towns without a Cyrillic name in the data carry "", which must fall back too.
	const name: ExpressionSpecification = ['get', `name_${language}`];
	return ['case', ['>', ['length', ['to-string', ['coalesce', name, '']]], 0], name, ['get', 'name_en']];
}

function sources(data: BasemapData): Record<string, SourceSpecification> {
	return Object.fromEntries(BASEMAP_FILES.map((name) => [name, { type: 'geojson', data: data[name] }]));
}

function textLayout(size: ExpressionSpecification | number, extra: Record<string, unknown> = {}) {
	return { 'text-font': [MAP_FONT], 'text-size': size, ...extra };
}

/** The basemap's layers, bottom to top, named for what they show. */
export function basemapLayers(language: LabelLanguage = 'en'): LayerSpecification[] {
	const name = labelText(language);
	return [
		{ id: 'Background', type: 'background', paint: { 'background-color': PALETTE.outside } },
		{
			id: 'WorldLand',
			type: 'fill',
			source: 'world',
			paint: { 'fill-color': PALETTE.neighbour, 'fill-antialias': false }
		},
		{
			id: 'WorldBorders',
			type: 'line',
			source: 'world',
			paint: { 'line-color': PALETTE.worldBorder, 'line-width': 0.75 }
		},
		{
			// Belarus alone: its neighbours already have WorldLand's colour, and one constant colour
			// keeps every fill on one shader program (see event-layers.ts).
			id: 'Countries',
			type: 'fill',
			source: 'countries',
			filter: ['==', ['get', 'isBelarus'], true],
			paint: { 'fill-color': PALETTE.belarus, 'fill-antialias': false }
		},
		{
			id: 'CityOfMinsk',
			type: 'fill',
			source: 'oblasts',
			filter: ['==', ['get', 'code'], 'BY-HM'],
			paint: { 'fill-color': PALETTE.minsk, 'fill-antialias': false }
		},
		{
			id: 'Lakes',
			type: 'fill',
			source: 'lakes',
			paint: { 'fill-color': PALETTE.water, 'fill-antialias': false }
		},
		{
			id: 'LakeShores',
			type: 'line',
			source: 'lakes',
			paint: { 'line-color': PALETTE.waterLine, 'line-width': 0.75 }
		},
		{
			id: 'Rivers',
			type: 'line',
			source: 'rivers',
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			filter: ['any', ['<=', ['get', 'level'], 2], ['has', 'name_en']],
			paint: {
				'line-color': PALETTE.waterLine,
				'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 8, 1.4, 12, 3]
			}
		},
		{
			id: 'MinorRivers',
			type: 'line',
			source: 'rivers',
			minzoom: 6.5,
			filter: ['all', ['>', ['get', 'level'], 2], ['!', ['has', 'name_en']]],
			paint: {
				'line-color': PALETTE.waterLine,
				'line-opacity': 0.7,
				'line-width': ['interpolate', ['linear'], ['zoom'], 6.5, 0.4, 12, 1.5]
			}
		},
		{
			id: 'OblastEdges',
			type: 'line',
			source: 'oblast-edges',
			paint: {
				'line-color': PALETTE.oblastEdge,
				// Solid and fainter than the border rather than dashed: a dashed line costs a shader
				// program of its own on the first view.
				'line-opacity': 0.7,
				'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 10, 1.2]
			}
		},
		{
			id: 'BelarusBorderHalo',
			type: 'line',
			source: 'belarus-border',
			paint: { 'line-color': PALETTE.borderHalo, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 4, 10, 8] }
		},
		{
			id: 'BelarusBorder',
			type: 'line',
			source: 'belarus-border',
			paint: { 'line-color': PALETTE.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2] }
		},
		{
			id: 'MetroLines',
			type: 'line',
			source: 'metro-lines',
			minzoom: METRO_MIN_ZOOM,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': ['match', ['get', 'line'], 1, PALETTE.metro1, PALETTE.metro2],
				'line-width': ['interpolate', ['linear'], ['zoom'], METRO_MIN_ZOOM, 1.5, 14, 4],
				'line-opacity': 0.75
			}
		},
		{
			id: 'MetroStations',
			type: 'circle',
			source: 'metro-stations',
			minzoom: METRO_MIN_ZOOM + 0.5,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 15, 5],
				'circle-color': '#ffffff',
				'circle-stroke-width': 1.5,
				'circle-stroke-color': ['match', ['get', 'line'], 1, PALETTE.metro1, PALETTE.metro2]
			}
		},
		{
			id: 'RiverLabels',
			type: 'symbol',
			source: 'rivers',
			minzoom: 6,
			filter: ['has', 'name_en'],
			layout: textLayout(['interpolate', ['linear'], ['zoom'], 6, 11, 10, 13], {
				'text-field': name,
				'symbol-placement': 'line',
				'symbol-spacing': 400,
				'text-letter-spacing': 0.1,
				'text-max-angle': 30
			}),
			paint: { 'text-color': '#4f7ea3', 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 }
		},
		{
			id: 'MetroStationLabels',
			type: 'symbol',
			source: 'metro-stations',
			minzoom: 12.5,
			layout: textLayout(12, {
				'text-field': name,
				'text-anchor': 'left',
				'text-offset': [0.8, 0],
				'text-optional': true
			}),
			paint: { 'text-color': PALETTE.labelMuted, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 }
		},
		{
			id: 'OblastLabels',
			type: 'symbol',
			source: 'oblast-labels',
			minzoom: 5,
			maxzoom: 8.5,
			layout: textLayout(['interpolate', ['linear'], ['zoom'], 5, 10, 8, 13], {
				'text-field': name,
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.15,
				'text-max-width': 8
			}),
			paint: {
				'text-color': PALETTE.labelMuted,
				'text-opacity': 0.8,
				'text-halo-color': PALETTE.halo,
				'text-halo-width': 1
			}
		},
		{
			id: 'CountryLabels',
			type: 'symbol',
			source: 'country-labels',
			maxzoom: 9,
			layout: textLayout(['interpolate', ['linear'], ['zoom'], 5, 12, 8, 16], {
				'text-field': countryLabelText(language),
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.3
			}),
			paint: { 'text-color': '#a39b8f', 'text-halo-color': PALETTE.neighbour, 'text-halo-width': 1 }
		},
		{
			id: 'SettlementDots',
			type: 'circle',
			source: 'settlements',
			maxzoom: 11,
			filter: settlementFilters().SettlementDots,
			paint: {
				'circle-radius': ['match', ['get', 'rank'], 1, 4, 2, 3.2, 3, 2.5, 2],
				'circle-color': PALETTE.label,
				'circle-stroke-color': PALETTE.halo,
				'circle-stroke-width': ['match', ['get', 'rank'], 1, 1.25, 1]
			}
		},
		// Towns abroad in a muted colour. Two layers, each of one colour, rather than one colour read
		// from data: MapLibre would compile another text program for it, tens of milliseconds in
		// software. Towns in Belarus, above, are placed first.
		...(['SettlementLabelsAbroad', 'SettlementLabels'] as const).map((id) => ({
			id,
			type: 'symbol',
			source: 'settlements',
			filter: settlementFilters()[id],
			layout: textLayout(['match', ['get', 'rank'], 1, 16, 2, 14, 3, 12.5, 11.5], {
				'text-field': name,
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': 0.6,
				'symbol-sort-key': ['-', ['get', 'population']]
			}),
			paint: {
				'text-color': id === 'SettlementLabels' ? PALETTE.label : PALETTE.labelMuted,
				'text-halo-color': PALETTE.halo,
				'text-halo-width': 1.5
			}
		}))
	] as LayerSpecification[];
}

/** The town layers' filters (settlementFilter): the dots, the labels in Belarus and those abroad. */
export function settlementFilters(
	namedBelow: readonly string[] = [],
	namedAbove: readonly string[] = [],
	splitZoom = 9
): Record<'SettlementDots' | 'SettlementLabels' | 'SettlementLabelsAbroad', ExpressionSpecification> {
	const inBelarus: ExpressionSpecification = ['==', ['get', 'inBelarus'], true];
	return {
		SettlementDots: settlementFilter(namedBelow, namedAbove, splitZoom),
		SettlementLabels: settlementFilter(namedBelow, namedAbove, splitZoom, inBelarus),
		SettlementLabelsAbroad: settlementFilter(namedBelow, namedAbove, splitZoom, ['!', inBelarus])
	};
}

/**
 * Big towns at country zoom, smaller ones as the reader zooms in. Towns named by event markers
 * are left unlabelled: `namedBelow` below `splitZoom` (city markers), `namedAbove` from it (place
 * markers). `where` is a further condition on the town, repeated in each step: a filter may use
 * the zoom only once, as the input of a top-level step.
 */
function settlementFilter(
	namedBelow: readonly string[] = [],
	namedAbove: readonly string[] = [],
	splitZoom = 9,
	where: ExpressionSpecification = true as unknown as ExpressionSpecification
): ExpressionSpecification {
	const free = (ids: readonly string[]): ExpressionSpecification => ['!', ['in', ['get', 'id'], ['literal', [...ids]]]];
	return [
		'step',
		['zoom'],
		['all', where, ['<=', ['get', 'rank'], 2], free(namedBelow)],
		6,
		['all', where, ['<=', ['get', 'rank'], 3], free(namedBelow)],
		7,
		['all', where, free(namedBelow)],
		splitZoom,
		['all', where, free(namedAbove)]
	] as ExpressionSpecification;
}

/** Which basemap to draw: the offline one unless a style URL was opted into at build time. */
export function chooseStyle(data: BasemapData, onlineStyleUrl?: string): StyleSpecification | string {
	const url = onlineStyleUrl?.trim();
	if (!url) return offlineStyle(data);
	if (!/^https?:\/\//i.test(url)) throw new Error(`PUBLIC_BASEMAP_STYLE_URL must be an http(s) URL, got "${url}"`);
	return url;
}

/** The complete offline style: every source served by the app itself, no glyphs or sprite URL. */
export function offlineStyle(data: BasemapData, language: LabelLanguage = 'en'): StyleSpecification {
	return {
		version: 8,
		name: 'Protest Atlas offline basemap',
		sources: sources(data),
		layers: basemapLayers(language)
	};
}

/** What a style draws after the first markers: the sources and layers left out of `first`. */
export interface DeferredBasemap {
	sources: StyleSpecification['sources'];
	layers: LayerSpecification[];
}

/**
 * The offline style split for a quick first view: `first` is its background alone, and `later`
 * the rest, drawn once the markers are. Reading twelve GeoJSON files and drawing their tiles in
 * software took most of a cold start, ahead of the markers.
 */
export function markersFirst(style: StyleSpecification): { first: StyleSpecification; later: DeferredBasemap } {
	const background = style.layers.filter((layer) => layer.type === 'background');
	return {
		first: { ...style, sources: {}, layers: background },
		later: { sources: style.sources, layers: style.layers.filter((layer) => layer.type !== 'background') }
	};
}

/** Whether a point lies inside the extent the offline map can show. */
export function isOnMap([lon, lat]: readonly [number, number]): boolean {
	const [w, s, e, n] = MAX_BOUNDS;
	return lon >= w && lon <= e && lat >= s && lat <= n;
}
