import { expression, latest, type ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { eventFixture } from '$lib/data/fixtures/factories';
import { EVENT_TYPE_IDS, ProtestEvent } from '$lib/data/schema';
import {
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

/**
 * Colour-vision deficiency, simulated as Machado, Oliveira and Fernandes (2009) do, at full
 * severity, on linear RGB; colours are then compared in CIELAB (D65), by the CIE 1976 difference.
 */
type Matrix = readonly [readonly number[], readonly number[], readonly number[]];
const IDENTITY: Matrix = [
	[1, 0, 0],
	[0, 1, 0],
	[0, 0, 1]
];
const PROTANOPIA: Matrix = [
	[0.152286, 1.052583, -0.204868],
	[0.114503, 0.786281, 0.099216],
	[-0.003882, -0.048116, 1.051998]
];
const DEUTERANOPIA: Matrix = [
	[0.367322, 0.860646, -0.227968],
	[0.280085, 0.672501, 0.047413],
	[-0.01182, 0.04294, 0.968881]
];
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function simulate(vision: Matrix, hex: string): [number, number, number] {
	const rgb = [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255));
	return vision.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!))) as [
		number,
		number,
		number
	];
}
function toLab([r, g, b]: [number, number, number]): [number, number, number] {
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

describe('the colour scale', () => {
	it.each([
		['full colour vision', IDENTITY],
		['protanopia', PROTANOPIA],
		['deuteranopia', DEUTERANOPIA]
	] as const)('keeps every two types at least ΔE 10 apart under %s', (_, vision) => {
		const scales = buildScales(events({}));
		const seen = EVENT_TYPE_IDS.map((type) => ({ type, lab: toLab(simulate(vision, scales.colour(type))) }));
		const close: string[] = [];
		for (const [i, a] of seen.entries())
			for (const b of seen.slice(i + 1)) {
				const delta = Math.hypot(a.lab[0] - b.lab[0], a.lab[1] - b.lab[1], a.lab[2] - b.lab[2]);
				if (delta < 10) close.push(`${a.type} and ${b.type}: ΔE ${delta.toFixed(1)}`);
			}
		expect(close).toEqual([]);
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
