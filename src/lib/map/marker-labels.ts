/**
 * The markers' words: names and event counts in the reader's language, as MapLibre expressions.
 * The words themselves come from the catalogues; this module only says how they are put together.
 */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { ENGLISH } from '$lib/format';
import { UNKNOWN_RADIUS } from '$lib/scales/scales';
import { LABEL_LAYERS, MAP_FONT, countryLabelText, labelText, type LabelLanguage } from './basemap-style';

const isKnown: ExpressionSpecification = ['==', ['get', 'known'], true];

/** Ids of the layers that write a group's number of events on it. */
export const GROUP_COUNT_LAYERS = ['PlaceClusterCounts', 'CityClusterCounts'] as const;

/** A group's number of events, written as numbers are in `locale` ("14,679", "14 679"). */
function groupCountText(locale: string): ExpressionSpecification {
	return ['number-format', ['get', 'count'], { locale }];
}

/**
 * The text of every label layer, basemap's and markers', in a language: what the map sets when the
 * reader changes language, and what layers are made with, so that a map opened in Belarusian or
 * Russian does not lay its labels out twice.
 */
export function labelTexts(
	language: LabelLanguage,
	words: { numbers: string; routeNotSourced: string; events: EventWords }
): Record<string, ExpressionSpecification | string> {
	return {
		...Object.fromEntries(LABEL_LAYERS.map((id) => [id, labelText(language)])),
		CountryLabels: countryLabelText(language),
		CityLabels: markerLabelText(language, words.events),
		PlaceLabels: markerLabelText(language, words.events),
		...Object.fromEntries(GROUP_COUNT_LAYERS.map((id) => [id, groupCountText(words.numbers)])),
		SchematicPathLabels: words.routeNotSourced
	};
}

/** The layers, each label layer with its text from `texts` (see labelTexts). */
export function withTexts(layers: LayerSpecification[], texts: Record<string, unknown>): LayerSpecification[] {
	return layers.map((layer) =>
		layer.type === 'symbol' && layer.id in texts
			? { ...layer, layout: { ...layer.layout, 'text-field': texts[layer.id] as ExpressionSpecification } }
			: layer
	);
}

export function countLabel(source: string, id: string, extra: Partial<LayerSpecification> = {}): LayerSpecification {
	return {
		id,
		type: 'symbol',
		source,
		filter: ['>', ['get', 'count'], 1],
		layout: {
			'text-field': groupCountText(ENGLISH.numbers),
			'text-font': [MAP_FONT],
			'text-size': 11,
			'text-allow-overlap': true,
			'text-ignore-placement': true
		},
		paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(0,0,0,0.55)', 'text-halo-width': 1.2 },
		...extra
	} as LayerSpecification;
}

/** "event" by plural form: one, few (2–4, as in Slavic grammar), many; from the catalogue's `map.eventWords`. */
export type EventWords = [string, string, string];

/** The catalogue's `map.eventWords` ("event|events|events") as the three plural forms. */
export function eventWords(text: string): EventWords {
	const [one = text, few = one, many = few] = text.split('|');
	return [one, few, many];
}

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
export function markerLabelText(language: LabelLanguage, words: EventWords): ExpressionSpecification {
	const name: ExpressionSpecification = language === 'en' ? ['get', 'name'] : ['get', `name_${language}`];
	const count: ExpressionSpecification = ['to-number', ['get', 'count'], 0];
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
export function markerLabel(
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
			'text-field': markerLabelText('en', eventWords(ENGLISH.t('map.eventWords'))),
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
