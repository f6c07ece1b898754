/**
 * Protest markers as MapLibre sources and layers, built from summaries and scales by pure
 * functions. At country zoom one circle per city; at city zoom one per place, clustered where
 * places would overlap.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	GeoJSONSourceSpecification,
	LayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { CitySummary, PlaceSummary } from '$lib/data/aggregate';
import { placeName } from '$lib/data/names';
import type { ProtestEvent } from '$lib/data/schema';
import { formatCount } from '$lib/format';
import { MAP_FONT, type LabelLanguage } from './basemap-style';
import { UNKNOWN_RADIUS, colourExpression, radiusExpression, type Scales } from '$lib/scales/scales';

/** Below this zoom the markers aggregate per city; from it they split into places. */
export const CITY_SPLIT_ZOOM = 9;
export const PLACES_SOURCE = 'event-places';
export const CITIES_SOURCE = 'event-cities';
export const PATHS_SOURCE = 'event-paths';
/** Colour of the per-city and cluster circles, which mix event types. */
export const AGGREGATE_COLOUR = '#7a2e26';

export interface MarkerProperties {
	id: string;
	name: string;
	name_be: string;
	name_ru: string;
	/** Number of events summarised by the marker. */
	count: number;
	/** Whether any crowd size is known. */
	known: boolean;
	low?: number;
	high?: number;
	/** The upper estimate is missing ("more than …"). */
	openEnded: boolean;
	type?: string;
}

/** Places that are not drawn as markers: country-wide figures have no single location. */
export function isMappable(summary: PlaceSummary): boolean {
	return summary.place.properties.kind !== 'country';
}

export function placeFeatures(summaries: readonly PlaceSummary[]): FeatureCollection<Point, MarkerProperties> {
	return {
		type: 'FeatureCollection',
		features: summaries.filter(isMappable).map((s): Feature<Point, MarkerProperties> => ({
			type: 'Feature',
			geometry: s.place.geometry,
			properties: {
				id: s.place.id,
				name: placeName(s.place),
				name_be: placeName(s.place, 'be'),
				name_ru: placeName(s.place, 'ru'),
				count: s.events.length,
				known: s.largest !== undefined,
				...(s.largest ? { low: s.largest.low, high: s.largest.high } : {}),
				openEnded: s.largest?.openEnded ?? false,
				type: s.headlineType
			}
		}))
	};
}

export function cityFeatures(cities: readonly CitySummary[]): FeatureCollection<Point, MarkerProperties> {
	return {
		type: 'FeatureCollection',
		features: cities
			.filter((c) => c.city.properties.kind !== 'country')
			.map((c): Feature<Point, MarkerProperties> => ({
				type: 'Feature',
				geometry: c.city.geometry,
				properties: {
					id: c.city.id,
					name: placeName(c.city),
					name_be: placeName(c.city, 'be'),
					name_ru: placeName(c.city, 'ru'),
					count: c.events.length,
					known: c.total.known > 0,
					...(c.total.known > 0 ? { low: c.total.low, high: c.total.high } : {}),
					openEnded: c.total.openEnded
				}
			}))
	};
}

/** Routes of marches and lines of human chains, coloured by event type. */
export function pathFeatures(
	events: readonly ProtestEvent[]
): FeatureCollection<LineString, { id: string; type: string }> {
	return {
		type: 'FeatureCollection',
		features: events.flatMap((e) =>
			e.path ? [{ type: 'Feature' as const, geometry: e.path, properties: { id: e.id, type: e.type } }] : []
		)
	};
}

/** GeoJSON sources for the markers; places cluster only where their circles would pile up. */
export function markerSources(
	places: FeatureCollection,
	cities: FeatureCollection,
	paths: FeatureCollection = { type: 'FeatureCollection', features: [] }
): Record<string, GeoJSONSourceSpecification> {
	return {
		[PATHS_SOURCE]: { type: 'geojson', data: paths },
		[PLACES_SOURCE]: {
			type: 'geojson',
			data: places,
			promoteId: 'id',
			cluster: true,
			clusterRadius: 46,
			clusterMaxZoom: 14,
			clusterProperties: {
				count: ['+', ['get', 'count']],
				high: ['max', ['to-number', ['get', 'high'], 0]],
				low: ['max', ['to-number', ['get', 'low'], 0]],
				known: ['any', ['get', 'known']]
			}
		},
		[CITIES_SOURCE]: { type: 'geojson', data: cities, promoteId: 'id' }
	};
}

const isCluster: ExpressionSpecification = ['has', 'point_count'];
const isKnown: ExpressionSpecification = ['==', ['get', 'known'], true];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** Ids of the layers a reader can hover and click. */
export const PLACE_LAYERS = ['PlaceRings', 'PlaceDiscs', 'PlaceUnknown'] as const;
export const CLUSTER_LAYERS = ['PlaceClusters'] as const;
export const CITY_LAYERS = ['CityRings', 'CityDiscs', 'CityUnknown'] as const;

function countLabel(source: string, id: string, extra: Partial<LayerSpecification> = {}): LayerSpecification {
	return {
		id,
		type: 'symbol',
		source,
		filter: ['>', ['get', 'count'], 1],
		layout: {
			'text-field': ['to-string', ['get', 'count']],
			'text-font': [MAP_FONT],
			'text-size': 11,
			'text-allow-overlap': true,
			'text-ignore-placement': true
		},
		paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(0,0,0,0.55)', 'text-halo-width': 1.2 },
		...extra
	} as LayerSpecification;
}

/** "event" in each label language, by plural form: one, few (2–4, as in Slavic grammar), many. */
const EVENT_WORD: Record<LabelLanguage, [string, string, string]> = {
	en: ['event', 'events', 'events'],
	be: ['падзея', 'падзеі', 'падзей'],
	ru: ['событие', 'события', 'событий']
};

/** The plural form of a count, as Belarusian and Russian choose it (English needs only one/many). */
function pluralOf(count: ExpressionSpecification, [one, few, many]: [string, string, string]): ExpressionSpecification {
	const lastDigit: ExpressionSpecification = ['%', count, 10];
	const lastTwo: ExpressionSpecification = ['%', count, 100];
	return [
		'case',
		['all', ['==', lastDigit, 1], ['!=', lastTwo, 11]],
		one,
		['all', ['>=', lastDigit, 2], ['<=', lastDigit, 4], ['any', ['<', lastTwo, 12], ['>', lastTwo, 14]]],
		few,
		many
	];
}

/** A marker's name in the chosen language, with its event count on a second line. */
export function markerLabelText(language: LabelLanguage): ExpressionSpecification {
	const name: ExpressionSpecification = language === 'en' ? ['get', 'name'] : ['get', `name_${language}`];
	const count: ExpressionSpecification = ['to-number', ['get', 'count'], 0];
	const words = EVENT_WORD[language];
	// English has singular and plural; Belarusian and Russian add a form for 2–4, chosen by the last digits.
	const word: ExpressionSpecification =
		language === 'en' ? ['case', ['==', count, 1], words[0], words[1]] : pluralOf(count, words);
	return [
		'format',
		name,
		{},
		'\n',
		{},
		['concat', ['to-string', count], ' ', word],
		{ 'font-scale': 0.82 }
	] as ExpressionSpecification;
}

/** A marker's name, with its event count on a second line, set off by the marker's own radius. */
function markerLabel(
	source: string,
	id: string,
	ringRadius: ExpressionSpecification,
	extra: Partial<LayerSpecification>
): LayerSpecification {
	const radius: ExpressionSpecification = ['case', isKnown, ringRadius, UNKNOWN_RADIUS];
	return {
		id,
		type: 'symbol',
		source,
		layout: {
			'text-field': markerLabelText('en'),
			'text-font': [MAP_FONT],
			'text-size': 13,
			'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
			'text-radial-offset': ['+', 0.35, ['/', radius, 13]],
			'text-justify': 'auto',
			'text-max-width': 12,
			'symbol-sort-key': ['-', ['to-number', ['get', 'high'], 0]]
		},
		paint: { 'text-color': '#2b2722', 'text-halo-color': '#fbfaf6', 'text-halo-width': 1.6 },
		...extra
	} as LayerSpecification;
}

/** The marker layers, bottom to top. */
export function markerLayers(scales: Scales): LayerSpecification[] {
	const typeColour = colourExpression(scales, 'type');
	const ringRadius = radiusExpression(scales, 'high');
	const discRadius = radiusExpression(scales, 'low');
	const strokeWidth: ExpressionSpecification = ['case', hovered, 3, 1.25];
	const placeFilter = (known: boolean): FilterSpecification => [
		'all',
		['!', isCluster],
		known ? isKnown : ['!', isKnown]
	];
	return [
		{
			id: 'EventPaths',
			type: 'line',
			source: PATHS_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': typeColour,
				'line-width': ['interpolate', ['linear'], ['zoom'], CITY_SPLIT_ZOOM, 2, 15, 5],
				'line-opacity': 0.7,
				'line-dasharray': [1.5, 1.2]
			}
		},
		{
			id: 'CityRings',
			type: 'circle',
			source: CITIES_SOURCE,
			maxzoom: CITY_SPLIT_ZOOM,
			filter: isKnown,
			paint: {
				'circle-radius': ringRadius,
				'circle-color': AGGREGATE_COLOUR,
				'circle-opacity': 0.12,
				'circle-stroke-color': AGGREGATE_COLOUR,
				'circle-stroke-width': strokeWidth
			}
		},
		{
			id: 'CityDiscs',
			type: 'circle',
			source: CITIES_SOURCE,
			maxzoom: CITY_SPLIT_ZOOM,
			filter: isKnown,
			paint: {
				'circle-radius': discRadius,
				'circle-color': AGGREGATE_COLOUR,
				'circle-opacity': 0.85,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': ['case', hovered, 2.5, 0.75]
			}
		},
		{
			id: 'CityUnknown',
			type: 'circle',
			source: CITIES_SOURCE,
			maxzoom: CITY_SPLIT_ZOOM,
			filter: ['!', isKnown],
			paint: {
				'circle-radius': UNKNOWN_RADIUS,
				'circle-color': '#ffffff',
				'circle-stroke-color': AGGREGATE_COLOUR,
				'circle-stroke-width': ['case', hovered, 3.5, 2]
			}
		},
		{
			id: 'PlaceClusters',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: isCluster,
			paint: {
				'circle-radius': ['max', 11, ringRadius] as ExpressionSpecification,
				'circle-color': AGGREGATE_COLOUR,
				'circle-opacity': 0.8,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': strokeWidth
			}
		},
		countLabel(PLACES_SOURCE, 'PlaceClusterCounts', { minzoom: CITY_SPLIT_ZOOM, filter: isCluster }),
		{
			id: 'PlaceRings',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: placeFilter(true),
			paint: {
				'circle-radius': ringRadius,
				'circle-color': typeColour,
				'circle-opacity': 0.14,
				'circle-stroke-color': typeColour,
				'circle-stroke-width': strokeWidth
			}
		},
		{
			id: 'PlaceDiscs',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: placeFilter(true),
			paint: {
				'circle-radius': discRadius,
				'circle-color': typeColour,
				'circle-opacity': 0.9,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': ['case', hovered, 2.5, 0.75]
			}
		},
		{
			id: 'PlaceUnknown',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: placeFilter(false),
			paint: {
				'circle-radius': UNKNOWN_RADIUS,
				'circle-color': '#ffffff',
				'circle-stroke-color': typeColour,
				'circle-stroke-width': ['case', hovered, 3.5, 2]
			}
		},
		{
			id: 'PlaceSelection',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: selectionFilter(undefined),
			paint: {
				'circle-radius': ['+', 4, ['case', isKnown, ringRadius, UNKNOWN_RADIUS]] as ExpressionSpecification,
				'circle-opacity': 0,
				'circle-stroke-color': '#1b1b1b',
				'circle-stroke-width': 2.5
			}
		},
		markerLabel(CITIES_SOURCE, 'CityLabels', ringRadius, { maxzoom: CITY_SPLIT_ZOOM }),
		markerLabel(PLACES_SOURCE, 'PlaceLabels', ringRadius, { minzoom: CITY_SPLIT_ZOOM, filter: ['!', isCluster] })
	];
}

/** Filter of the selection ring: the selected place, or nothing. */
export function selectionFilter(placeId: string | undefined): FilterSpecification {
	return ['all', ['!', isCluster], ['==', ['get', 'id'], placeId ?? '']];
}

/** One line of plain text for the hover tooltip of a place, city or cluster marker. */
export function markerTooltip(properties: Record<string, unknown>): string {
	const count = Number(properties.count ?? 0);
	const events = `${count} ${count === 1 ? 'event' : 'events'}`;
	if (properties.cluster) return `${events} at ${String(properties.point_count)} places · click to zoom in`;
	const low = typeof properties.low === 'number' ? properties.low : undefined;
	const high = typeof properties.high === 'number' ? properties.high : undefined;
	let size = 'size not reported';
	if (properties.known && low !== undefined && high !== undefined)
		size = low === high ? `${formatCount(low)}` : `${formatCount(low)}–${formatCount(high)}`;
	if (properties.known && properties.openEnded) size += '+';
	const people = properties.known ? ` · ${size} people` : ` · ${size}`;
	return `${String(properties.name)} · ${events}${people}`;
}
