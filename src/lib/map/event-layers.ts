/**
 * Protest markers as MapLibre sources and layers, built from the view model's features and the
 * scales by pure functions. At country zoom one circle per city, or per group of cities where many
 * would overlap; at city zoom one per place or group of places. Every circle shows the largest
 * single-day turnout of its protest gatherings; pro-government gatherings are drawn apart.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	GeoJSONSourceSpecification,
	LayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { CITY_SPLIT_ZOOM } from '$lib/data/view/markers';
import { MAP_FONT } from './basemap-style';
import { GROUP_COUNT_LAYERS, countLabel, markerLabel } from './marker-labels';
import {
	AGGREGATE_COLOUR,
	PRO_GOVERNMENT_COLOUR,
	UNKNOWN_RADIUS,
	colourExpression,
	radiusExpression,
	type Scales
} from '$lib/scales/scales';

export { CITY_SPLIT_ZOOM } from '$lib/data/view/markers';
export const PLACES_SOURCE = 'event-places';
export const CITIES_SOURCE = 'event-cities';
export const PATHS_SOURCE = 'event-paths';
export const PRO_GOVERNMENT_SOURCE = 'pro-government';
/** An invisible square image whose placed boxes keep labels off the markers. */
export const FOOTPRINT_IMAGE = 'marker-footprint';
export const FOOTPRINT_SIZE = 32;

/** A source's data: a collection, or the address of one (the view's worker writes them as blobs). */
type SourceData = FeatureCollection | string;

/** GeoJSON sources for the markers; places cluster only where their circles would pile up. */
export function markerSources(
	places: SourceData,
	cities: SourceData,
	paths: SourceData = empty,
	proGovernment: SourceData = empty
): Record<string, GeoJSONSourceSpecification> {
	return {
		[PATHS_SOURCE]: { type: 'geojson', data: paths },
		// Places arrive already grouped for the zoom (see createPlaceClusters): no clustering here.
		[PLACES_SOURCE]: { type: 'geojson', data: places, promoteId: 'id' },
		[CITIES_SOURCE]: { type: 'geojson', data: cities, promoteId: 'id' },
		[PRO_GOVERNMENT_SOURCE]: { type: 'geojson', data: proGovernment, promoteId: 'id' }
	};
}
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

const isCluster: ExpressionSpecification = ['==', ['get', 'cluster'], true];
const isKnown: ExpressionSpecification = ['==', ['get', 'known'], true];
/** One of the largest markers, chosen in the view model to carry a label. */
const isLabelled: ExpressionSpecification = ['==', ['get', 'labelled'], true];
const hasFootprint: ExpressionSpecification = ['==', ['get', 'footprint'], true];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** Invisible circles at least a thumb wide around every marker: what taps and clicks land on. */
export const HIT_LAYERS = ['ProGovernmentHitAreas', 'CityHitAreas', 'PlaceHitAreas'] as const;
/** A marker can be tapped this far from its centre, however small its circle. */
export const TAP_RADIUS = 22;

// The circles drawn far out (these, the unknown mark and the basemap's town dots) all take their
// radius and stroke width from data, the rest as constants: MapLibre compiles a shader program for
// each mix, which costs tens of milliseconds in software and on low-end phones.

/** A circle layer's paint for a ring (high estimate) or a disc (low estimate) in one colour. */
export function ringPaint(radius: ExpressionSpecification, colour: ExpressionSpecification | string) {
	return {
		'circle-radius': radius,
		'circle-color': colour,
		'circle-opacity': 0.13,
		'circle-stroke-color': colour,
		'circle-stroke-width': ['case', hovered, 3, 1.25] as ExpressionSpecification
	};
}
export function discPaint(radius: ExpressionSpecification, colour: ExpressionSpecification | string, opacity = 0.9) {
	return {
		'circle-radius': radius,
		'circle-color': colour,
		'circle-opacity': opacity,
		'circle-stroke-color': '#ffffff',
		'circle-stroke-width': ['case', hovered, 2.5, 0.75] as ExpressionSpecification
	};
}
/** The unknown-size symbol: a fixed hollow ring, not a size, no larger than the smallest known crowd. */
export function unknownPaint(colour: ExpressionSpecification | string) {
	return {
		'circle-radius': ['case', hovered, UNKNOWN_RADIUS + 1, UNKNOWN_RADIUS] as ExpressionSpecification,
		'circle-color': '#ffffff',
		'circle-stroke-color': colour,
		'circle-stroke-width': ['case', hovered, 2.5, 1.25] as ExpressionSpecification
	};
}

/**
 * Invisible boxes the size of each marker, placed before the labels so that no label is drawn
 * over a marker that is not its own (MapLibre places symbols from the top layer down).
 */
function footprints(source: string, id: string, radius: ExpressionSpecification, extra: Partial<LayerSpecification>) {
	return {
		id,
		type: 'symbol',
		source,
		layout: {
			'icon-image': FOOTPRINT_IMAGE,
			'icon-size': ['/', ['*', 2, ['case', isKnown, radius, UNKNOWN_RADIUS]], FOOTPRINT_SIZE],
			'icon-allow-overlap': true,
			'icon-ignore-placement': false
		},
		// Placed, never drawn: MapLibre skips drawing icons whose opacity is 0.
		paint: { 'icon-opacity': 0 },
		...extra
	} as LayerSpecification;
}

/** An invisible circle as wide as the marker, and never narrower than a thumb. */
function hitAreas(
	source: string,
	id: string,
	radius: ExpressionSpecification,
	extra: Partial<LayerSpecification>
): LayerSpecification {
	return {
		id,
		type: 'circle',
		source,
		paint: {
			'circle-radius': ['max', TAP_RADIUS, ['case', isKnown, radius, UNKNOWN_RADIUS]],
			'circle-opacity': 0,
			'circle-stroke-width': 0
		},
		...extra
	} as LayerSpecification;
}

/** Metres on the ground as pixels at the feature's latitude, growing with zoom (512-pixel tiles). */
function metresToPixels(metres: ExpressionSpecification): ExpressionSpecification {
	const atZoom0: ExpressionSpecification = [
		'/',
		['*', metres, 512],
		['*', 40075016.686, ['to-number', ['get', 'cosLat'], 1]]
	];
	return ['interpolate', ['exponential', 2], ['zoom'], 0, atZoom0, 22, ['*', atZoom0, 2 ** 22]];
}

/** The marker layers, bottom to top. */
export function markerLayers(scales: Scales): LayerSpecification[] {
	const typeColour = colourExpression(scales, 'type');
	const ringRadius = radiusExpression(scales, 'high');
	const discRadius = radiusExpression(scales, 'low');
	const placeFilter = (known: boolean): FilterSpecification => [
		'all',
		['!', isCluster],
		known ? isKnown : ['!', isKnown]
	];
	const sourcedRoute: FilterSpecification = ['==', ['get', 'sourced'], true];
	return [
		{
			// An approximate place: a faint halo as wide as its uncertainty, at city zoom.
			id: 'PlaceHalos',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: ['all', ['!', isCluster], ['>', ['to-number', ['get', 'radiusM'], 0], 0]],
			paint: {
				'circle-radius': metresToPixels(['to-number', ['get', 'radiusM'], 0]),
				'circle-color': typeColour,
				'circle-opacity': 0.07,
				'circle-stroke-color': typeColour,
				'circle-stroke-opacity': 0.35,
				'circle-stroke-width': 0.75,
				'circle-pitch-alignment': 'map'
			}
		},
		{
			id: 'EventPaths',
			type: 'line',
			source: PATHS_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: sourcedRoute,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': typeColour,
				'line-width': ['interpolate', ['linear'], ['zoom'], CITY_SPLIT_ZOOM, 2, 15, 5],
				'line-opacity': 0.75
			}
		},
		{
			// A schematic route: thin and dotted, and labelled as such, so that it is not read as the real path.
			id: 'SchematicPaths',
			type: 'line',
			source: PATHS_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: ['!', sourcedRoute],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': typeColour,
				'line-width': 1.5,
				'line-opacity': 0.8,
				'line-dasharray': [0.1, 2.2]
			}
		},
		{
			id: 'SchematicPathLabels',
			type: 'symbol',
			source: PATHS_SOURCE,
			minzoom: CITY_SPLIT_ZOOM + 1,
			filter: ['!', sourcedRoute],
			layout: {
				'symbol-placement': 'line-center',
				'text-field': 'route not sourced',
				'text-font': [MAP_FONT],
				'text-size': 11,
				'text-offset': [0, -0.8]
			},
			paint: { 'text-color': '#5c554c', 'text-halo-color': '#fbfaf6', 'text-halo-width': 1.4 }
		},
		{
			id: 'CityRings',
			type: 'circle',
			source: CITIES_SOURCE,
			maxzoom: CITY_SPLIT_ZOOM,
			filter: isKnown,
			paint: ringPaint(ringRadius, AGGREGATE_COLOUR)
		},
		{
			id: 'CityDiscs',
			type: 'circle',
			source: CITIES_SOURCE,
			maxzoom: CITY_SPLIT_ZOOM,
			filter: isKnown,
			paint: discPaint(discRadius, AGGREGATE_COLOUR, 0.85)
		},
		{
			id: 'CityUnknown',
			type: 'circle',
			source: CITIES_SOURCE,
			maxzoom: CITY_SPLIT_ZOOM,
			filter: ['!', isKnown],
			paint: unknownPaint(AGGREGATE_COLOUR)
		},
		{
			id: 'PlaceClusters',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: isCluster,
			paint: {
				...ringPaint(['case', isKnown, ringRadius, UNKNOWN_RADIUS], AGGREGATE_COLOUR),
				'circle-opacity': 0.2,
				'circle-stroke-width': ['case', hovered, 3, 1.5] as ExpressionSpecification
			}
		},
		{
			id: 'PlaceClusterDiscs',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: ['all', isCluster, isKnown],
			paint: discPaint(discRadius, AGGREGATE_COLOUR, 0.85)
		},
		{
			id: 'PlaceRings',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: placeFilter(true),
			paint: ringPaint(ringRadius, typeColour)
		},
		{
			id: 'PlaceDiscs',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: placeFilter(true),
			paint: discPaint(discRadius, typeColour)
		},
		{
			id: 'PlaceUnknown',
			type: 'circle',
			source: PLACES_SOURCE,
			minzoom: CITY_SPLIT_ZOOM,
			filter: placeFilter(false),
			paint: unknownPaint(typeColour)
		},
		{
			id: 'ProGovernmentRings',
			type: 'circle',
			source: PRO_GOVERNMENT_SOURCE,
			filter: isKnown,
			paint: {
				...ringPaint(ringRadius, PRO_GOVERNMENT_COLOUR),
				'circle-opacity': 0.06,
				'circle-stroke-width': ['case', hovered, 3, 2] as ExpressionSpecification
			}
		},
		{
			id: 'ProGovernmentDiscs',
			type: 'circle',
			source: PRO_GOVERNMENT_SOURCE,
			filter: isKnown,
			paint: { ...discPaint(discRadius, PRO_GOVERNMENT_COLOUR, 0.35), 'circle-stroke-color': PRO_GOVERNMENT_COLOUR }
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
				'circle-stroke-width': ['case', hovered, 3, 2.5] as ExpressionSpecification
			}
		},
		// Protest markers sit above the pro-government ones: a tap on a city opens the city.
		hitAreas(PRO_GOVERNMENT_SOURCE, 'ProGovernmentHitAreas', ringRadius, {}),
		hitAreas(CITIES_SOURCE, 'CityHitAreas', ringRadius, { maxzoom: CITY_SPLIT_ZOOM }),
		hitAreas(PLACES_SOURCE, 'PlaceHitAreas', ringRadius, { minzoom: CITY_SPLIT_ZOOM }),
		countLabel(PLACES_SOURCE, GROUP_COUNT_LAYERS[0], { minzoom: CITY_SPLIT_ZOOM, filter: isCluster }),
		countLabel(CITIES_SOURCE, GROUP_COUNT_LAYERS[1], { maxzoom: CITY_SPLIT_ZOOM, filter: isCluster }),
		markerLabel(CITIES_SOURCE, 'CityLabels', ringRadius, {
			maxzoom: CITY_SPLIT_ZOOM,
			filter: ['all', ['!', isCluster], isLabelled]
		}),
		markerLabel(PLACES_SOURCE, 'PlaceLabels', ringRadius, {
			minzoom: CITY_SPLIT_ZOOM,
			filter: ['all', ['!', isCluster], isLabelled]
		}),
		footprints(CITIES_SOURCE, 'CityFootprints', ringRadius, { maxzoom: CITY_SPLIT_ZOOM, filter: hasFootprint }),
		footprints(PLACES_SOURCE, 'PlaceFootprints', ringRadius, { minzoom: CITY_SPLIT_ZOOM, filter: hasFootprint })
	];
}

/** Filter of the selection ring: the selected place, or nothing. */
export function selectionFilter(placeId: string | undefined): FilterSpecification {
	return ['all', ['!', isCluster], ['==', ['get', 'id'], placeId ?? '']];
}
