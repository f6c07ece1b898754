/**
 * The d3 scales behind marker size and colour, and their translation into MapLibre expressions.
 * The map layers, the legend and the panels all read these same objects, so they cannot disagree.
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { scaleOrdinal, scaleSqrt, type ScaleOrdinal, type ScalePower } from 'd3-scale';
import { maxCrowd } from '$lib/data/aggregate';
import type { IndexedEvent } from '$lib/data/schema';
import { EVENT_TYPE_IDS, type EventType } from '$lib/data/vocabulary';

/** Okabe–Ito colours, distinguishable with the common forms of colour blindness. */
const EVENT_TYPE_COLOURS: Record<EventType, string> = {
	rally: '#D55E00',
	'human-chain': '#CC79A7',
	strike: '#0072B2',
	vigil: '#56B4E9',
	funeral: '#6E6E6E',
	repression: '#E69F00',
	death: '#000000',
	statement: '#009E73',
	// Lighter than #999999, which deuteranopia took for human-chain's pink (ΔE 7).
	other: '#BBBBBB'
};

/** Colour of the per-city and cluster circles, which mix event types. */
export const AGGREGATE_COLOUR = '#7a2e26';
/** Pro-government gatherings: a colour outside the event-type palette, and never in the protest figures. */
export const PRO_GOVERNMENT_COLOUR = '#3f3a7a';

/** Radius in pixels of the scale's largest value. */
export const MAX_RADIUS = 56;
/**
 * Known sizes are never drawn smaller than this. Area stays proportional to people above it; the
 * legend says below which crowd size circles stop shrinking.
 */
export const MIN_RADIUS = 1.5;
/** The unknown-size symbol: a fixed hollow ring, no larger than the smallest known crowd. */
export const UNKNOWN_RADIUS = 1.5;

export interface Scales {
	/** Crowd size → radius; area is proportional to people (d3 scaleSqrt, domain [0, max]). */
	radius: ScalePower<number, number>;
	/** Event type → colour (d3 scaleOrdinal). */
	colour: ScaleOrdinal<EventType, string>;
}

/**
 * Builds the scales from the whole dataset (not the filtered view), so that a marker keeps its
 * size while the reader filters or plays the timeline.
 */
export function buildScales(events: readonly IndexedEvent[]): Scales {
	return scalesFor(maxCrowd(events));
}

/** The scales for a dataset whose largest figure (`maxCrowd`) is known. */
export function scalesFor(largest: number): Scales {
	const max = Math.max(largest, 1);
	return {
		radius: scaleSqrt().domain([0, max]).range([0, MAX_RADIUS]),
		colour: scaleOrdinal<EventType, string>()
			.domain(EVENT_TYPE_IDS)
			.range(EVENT_TYPE_IDS.map((t) => EVENT_TYPE_COLOURS[t]))
	};
}

/** Radius of a known crowd size as drawn: the scale's value, floored at MIN_RADIUS. */
export function markerRadius(scales: Scales, people: number): number {
	return Math.max(MIN_RADIUS, scales.radius(people));
}

/**
 * The same radius as a MapLibre expression on a numeric feature property.
 * scaleSqrt with domain [0, max] and range [0, r] is r / √max · √value.
 * https://maplibre.org/maplibre-style-spec/expressions/
 */
export function radiusExpression(scales: Scales, property: string | ExpressionSpecification): ExpressionSpecification {
	const [, max] = scales.radius.domain() as [number, number];
	const [, r] = scales.radius.range() as [number, number];
	// A property's name, or an expression of people (a tile's sum of the types shown).
	const people: ExpressionSpecification = typeof property === 'string' ? ['to-number', ['get', property], 0] : property;
	return ['max', MIN_RADIUS, ['*', r / Math.sqrt(max), ['sqrt', people]]];
}

/** The colour scale as a `match` expression on a feature property holding an event type. */
export function colourExpression(scales: Scales, property: string, fallback = '#555555'): ExpressionSpecification {
	const pairs = scales.colour.domain().flatMap((type) => [type, scales.colour(type)]);
	return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** The crowd below which circles stop shrinking: the scale's value at the minimum radius. */
export function smallestDrawn(scales: Scales): number {
	return scales.radius.invert(MIN_RADIUS);
}

/**
 * Legend sizes spanning what is drawn: a power of ten near the smallest drawn size, powers of ten
 * above it, and the top of the scale, rounded to two figures, e.g. 100 / 1,000 / 10,000 / 100,000 / 460,000.
 */
export function sizeTicks(scales: Scales): number[] {
	const [, max] = scales.radius.domain() as [number, number];
	const bottom = 10 ** Math.ceil(Math.log10(Math.max(1, smallestDrawn(scales))));
	const ticks: number[] = [];
	for (let n = bottom; n < max; n *= 10) ticks.push(n);
	const top = Number(max.toPrecision(2));
	if (ticks.length === 0 || top >= (ticks.at(-1) ?? 0) * 2) ticks.push(top);
	return ticks.slice(-5);
}
