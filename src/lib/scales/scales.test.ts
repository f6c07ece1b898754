import { expression, latest, type ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { eventFixture } from '$lib/data/fixtures/factories';
import { EVENT_TYPE_IDS, ProtestEvent } from '$lib/data/schema';
import {
	EVENT_TYPE_COLOURS,
	MAX_RADIUS,
	MIN_RADIUS,
	UNKNOWN_RADIUS,
	buildScales,
	colourExpression,
	markerRadius,
	radiusExpression,
	sizeTicks
} from './scales';

/** Gatherings on different days, so that no two add up. */
function events(...crowds: Record<string, number | undefined>[]) {
	return crowds.map((crowd, i) =>
		ProtestEvent.parse(eventFixture({ id: `e${i}`, crowd, when: { precision: 'day', start: `2020-08-1${i}` } }))
	);
}

/** Evaluates a circle paint expression against one feature's properties, as the map would. */
function evaluate(
	expr: ExpressionSpecification,
	properties: Record<string, unknown>,
	paint = 'circle-radius'
): unknown {
	const spec = (latest.paint_circle as Record<string, unknown>)[paint];
	const compiled = expression.createExpression(expr, `layers[0].paint.${paint}`, spec as never);
	if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
	return compiled.value.evaluate({ zoom: 10 }, { type: 1, properties } as never);
}

describe('the radius scale', () => {
	it('spans from zero to the largest upper estimate, so that area is proportional to people', () => {
		const scales = buildScales(events({ low: 100000, high: 400000 }, { low: 250, high: 250 }, {}));
		expect(scales.radius.domain()).toEqual([0, 400000]);
		expect(scales.radius(100000) / scales.radius(400000)).toBeCloseTo(0.5);
	});

	it('covers every aggregate drawn: the largest day of all gatherings together, as no city or cluster can exceed it', () => {
		const sameDay = [
			ProtestEvent.parse(eventFixture({ id: 'a', crowd: { low: 1000, high: 3000 } })),
			ProtestEvent.parse(eventFixture({ id: 'b', crowd: { low: 500, high: 2000 } }))
		];
		expect(buildScales(sameDay).radius.domain()).toEqual([0, 5000]);
	});

	it('draws 100 people visibly smaller than 1,000, and the unknown mark no larger than the smallest crowd', () => {
		const belarus = buildScales(events({ low: 100000, high: 460000 }));
		expect(markerRadius(belarus, 1000) - markerRadius(belarus, 100)).toBeGreaterThanOrEqual(1);
		expect(UNKNOWN_RADIUS).toBeLessThanOrEqual(markerRadius(belarus, 1));
	});

	it('reaches the full radius at the top of its domain', () => {
		const scales = buildScales(events({ low: 100000, high: 400000 }));
		expect(scales.radius(400000)).toBeCloseTo(MAX_RADIUS);
		expect(scales.radius(100000) / scales.radius(400000)).toBeCloseTo(0.5);
	});

	it('becomes an expression that the map evaluates to the d3 scale’s own radii', () => {
		const scales = buildScales(events({ low: 100000, high: 400000 }));
		const radius = radiusExpression(scales, 'high');
		for (const people of [0, 100, 2000, 10000, 65000, 100000, 400000]) {
			expect(evaluate(radius, { high: people })).toBeCloseTo(markerRadius(scales, people), 6);
			if (scales.radius(people) > MIN_RADIUS)
				expect(evaluate(radius, { high: people })).toBeCloseTo(scales.radius(people), 6);
		}
	});

	it('never draws a known size smaller than the minimum radius', () => {
		const scales = buildScales(events({ low: 400000 }));
		expect(evaluate(radiusExpression(scales, 'low'), { low: 10 })).toBe(MIN_RADIUS);
	});

	it('gives legend ticks that span what is drawn: from the smallest drawn size to the top of the scale', () => {
		expect(sizeTicks(buildScales(events({ high: 460000 })))).toEqual([1000, 10000, 100000, 460000]);
		expect(sizeTicks(buildScales(events({ high: 5000 })))).toEqual([10, 100, 1000, 5000]);
	});
});

describe('the colour scale', () => {
	it('gives each event type its colour-blind-safe colour', () => {
		const scales = buildScales(events({}));
		for (const type of EVENT_TYPE_IDS) expect(scales.colour(type)).toBe(EVENT_TYPE_COLOURS[type]);
		expect(new Set(EVENT_TYPE_IDS.map((t) => scales.colour(t))).size).toBe(EVENT_TYPE_IDS.length);
	});

	it('becomes a match expression that agrees with the d3 scale for every type', () => {
		const scales = buildScales(events({}));
		const colour = colourExpression(scales, 'type');
		for (const type of EVENT_TYPE_IDS) {
			const evaluated = evaluate(colour, { type }, 'circle-color') as { r: number; g: number; b: number };
			const hex = scales.colour(type);
			expect(Math.round(evaluated.r * 255)).toBe(parseInt(hex.slice(1, 3), 16));
			expect(Math.round(evaluated.g * 255)).toBe(parseInt(hex.slice(3, 5), 16));
			expect(Math.round(evaluated.b * 255)).toBe(parseInt(hex.slice(5, 7), 16));
		}
	});
});
