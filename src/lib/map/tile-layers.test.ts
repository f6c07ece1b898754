import { expression, featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureKey, wholeKey } from '$lib/data/tiles/tile-figures';
import { EVENT_TYPE_IDS, type EventType } from '$lib/data/vocabulary';
import { markerRadius, scalesFor } from '$lib/scales/scales';
import { TILES_SOURCE, largestDay, tileFilters, tileLayers, tilePaint, tileSource } from './tile-layers';

const scales = scalesFor(250_000);
const DAYS = 12;
const choiceArb = fc.record({
	// Every date (which reads the figures kept for the whole dataset) or any range.
	range: fc.oneof(
		fc.constant({ first: 0, length: DAYS - 1 }),
		fc.record({ first: fc.nat(DAYS - 1), length: fc.nat(DAYS - 1) })
	),
	// All types, one, all but one, or any mix: each way of summing them is taken.
	types: fc.oneof(
		fc.constant([...EVENT_TYPE_IDS]),
		fc.constantFrom(...EVENT_TYPE_IDS).map((t) => [t]),
		fc.constantFrom(...EVENT_TYPE_IDS).map((t) => EVENT_TYPE_IDS.filter((other) => other !== t)),
		fc.subarray([...EVENT_TYPE_IDS])
	)
});
type Figures = { n: number; h: number; l: number; ph: number };
/** A cell's figures per day and type, as the tile writer sums them. */
const cellArb = fc.dictionary(
	fc.nat(DAYS - 1).map(String),
	fc.dictionary(
		fc.constantFrom(...EVENT_TYPE_IDS),
		fc.record({ n: fc.integer({ min: 1, max: 50 }), h: fc.nat(100_000), l: fc.nat(100), ph: fc.nat(3) })
	)
);

/** The feature's properties: per type and day, per day, and over every day (all types, each, all but each). */
function propertiesOf(cell: Record<string, Partial<Record<EventType, Figures>>>) {
	const properties: Record<string, number> = {};
	const keep = (key: string, figure: keyof Figures, value: number) => {
		if (!value) return;
		properties[key] = figure === 'n' ? (properties[key] ?? 0) + value : Math.max(properties[key] ?? 0, value);
	};
	for (const [day, types] of Object.entries(cell)) {
		const total = { n: 0, h: 0, l: 0, ph: 0 };
		for (const [type, figures] of Object.entries(types) as [EventType, Figures][])
			for (const figure of ['n', 'h', 'l', 'ph'] as const) {
				if (figures[figure]) properties[figureKey(figure, Number(day), type)] = figures[figure];
				total[figure] += figures[figure];
			}
		for (const figure of ['n', 'h', 'l', 'ph'] as const) {
			if (total[figure]) properties[figureKey(figure, Number(day))] = total[figure];
			keep(wholeKey(figure), figure, total[figure]);
			for (const type of EVENT_TYPE_IDS) {
				const own = types[type]?.[figure] ?? 0;
				keep(wholeKey(figure, type), figure, own);
				if (figure !== 'n') keep(wholeKey(figure, type, 'without'), figure, total[figure] - own);
			}
		}
	}
	return properties;
}

/** By definition: the largest over the days of the range of the figure summed over the types. */
function expected(
	cell: Record<string, Partial<Record<EventType, Figures>>>,
	figure: keyof Figures,
	first: number,
	last: number,
	types: readonly EventType[]
) {
	let largest = 0;
	let events = 0;
	for (const [day, byType] of Object.entries(cell)) {
		if (Number(day) < first || Number(day) > last) continue;
		const value = types.reduce((sum, t) => sum + (byType[t]?.[figure] ?? 0), 0);
		largest = Math.max(largest, value);
		events += value;
	}
	return figure === 'n' ? events : largest;
}

const evaluate = (spec: unknown, properties: Record<string, number>) => {
	const parsed = expression.createExpression(spec as never, 'circle-radius', {
		type: 'number',
		'property-type': 'data-driven',
		expression: { interpolated: false, parameters: ['feature'] }
	} as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 5 }, { type: 1, properties } as never) as number;
};

describe('tile layers', () => {
	it('form a valid style over the archive', () => {
		const style = {
			version: 8 as const,
			sources: { [TILES_SOURCE]: tileSource('https://example.org/data/x.pmtiles', 10) },
			layers: tileLayers(scales, { first: 0, last: 3, days: DAYS, types: ['rally', 'strike'] })
		};
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('draw a cell’s largest day in the range for the types shown, at that turnout’s radius', () => {
		fc.assert(
			fc.property(choiceArb, cellArb, ({ range: { first, length }, types }, cell) => {
				const last = Math.min(DAYS - 1, first + length);
				const choice = { first, last, days: DAYS, types };
				const properties = propertiesOf(cell);
				const filters = tileFilters(choice);
				const shown = (id: string) =>
					featureFilter(filters[id], 'layers[0].filter').filter({ zoom: 5 }, { type: 1, properties } as never);
				const high = expected(cell, 'h', first, last, types);
				const proGovernment = expected(cell, 'ph', first, last, types);
				expect(evaluate(largestDay('h', choice), properties)).toBe(high);
				expect(evaluate(largestDay('l', choice), properties)).toBe(expected(cell, 'l', first, last, types));
				expect(shown('TileRing')).toBe(high > 0);
				expect(shown('TileProGovernment')).toBe(proGovernment > 0);
				expect(shown('TileUnknown')).toBe(
					expected(cell, 'n', first, last, types) > 0 && high === 0 && proGovernment === 0
				);
				if (high > 0) {
					const paint = tilePaint(scales, choice);
					expect(evaluate(paint.TileRing.radius, properties)).toBeCloseTo(markerRadius(scales, high), 6);
					// Larger markers are drawn first, below the smaller ones near them.
					expect(evaluate(paint.TileRing.sortKey, properties)).toBe(-high);
				}
			})
		);
	});
});
