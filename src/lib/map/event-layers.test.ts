import {
	expression,
	latest,
	validateStyleMin,
	type LayerSpecification,
	type StylePropertySpecification,
	type SymbolLayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { minskFixture } from '$lib/data/fixtures/factories';
import { buildScales } from '$lib/scales/scales';
import { cityFeatures, pathFeatures, placeFeatures } from '$lib/data/view/markers';
import { basemapLayers } from './basemap-style';
import { markerLayers, markerSources, selectionFilter } from './event-layers';
import { eventWords, labelTexts, withTexts } from './marker-labels';
import { translator } from '$lib/i18n/i18n';

const data = minskFixture;

describe('marker layers', () => {
	it('form a valid style with the basemap-free sources', () => {
		const { summaries, cities, events } = data();
		const style = {
			version: 8 as const,
			sources: markerSources(placeFeatures(summaries), cityFeatures(cities), pathFeatures(events)),
			layers: markerLayers(buildScales(events))
		};
		expect(validateStyleMin(style)).toEqual([]);
		// The map changes the selection's filter unchecked.
		const ring = style.layers.find((layer) => layer.id === 'PlaceSelection');
		expect(ring).toBeDefined();
		Object.assign(ring!, { filter: selectionFilter('minsk-1') });
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('name every label layer in each language, so that the layers are made with the reader’s', () => {
		const scales = buildScales(data().events);
		const all = [...basemapLayers(), ...markerLayers(scales)];
		const labelled = all.filter((l) => l.type === 'symbol' && l.layout?.['text-field'] !== undefined);
		for (const [language, numbers] of [
			['en', 'en-GB'],
			['be', 'ru'],
			['ru', 'ru']
		] as const) {
			const texts = labelTexts(language, {
				numbers,
				routeNotSourced: 'x',
				events: eventWords(translator(language)('map.eventWords'))
			});
			// Every layer named exists, and every label layer is named.
			expect(Object.keys(texts).sort()).toEqual(labelled.map((l) => l.id).sort());
			const made = withTexts(all, texts);
			for (const layer of made)
				if (layer.id in texts)
					expect((layer as SymbolLayerSpecification).layout?.['text-field']).toEqual(texts[layer.id]);
			// Only the texts change.
			expect(made.map((l) => ({ ...l, layout: undefined }))).toEqual(all.map((l) => ({ ...l, layout: undefined })));
		}
		expect(
			JSON.stringify(labelTexts('be', { numbers: 'ru', routeNotSourced: 'x', events: ['a', 'b', 'c'] }).CityLabels)
		).toContain('name_be');
	});

	it('size rings by the high estimate and discs by the low one', () => {
		const layers = markerLayers(buildScales(data().events));
		const paint = (id: string) => JSON.stringify(layers.find((l) => l.id === id)?.paint);
		expect(paint('PlaceRings')).toContain('"get","high"');
		expect(paint('PlaceDiscs')).toContain('"get","low"');
		expect(paint('PlaceUnknown')).not.toContain('"get","low"');
	});

	it('draw a schematic route thin and dotted, with its own label, apart from sourced routes', () => {
		const layers = markerLayers(buildScales(data().events));
		const schematic = layers.find((l) => l.id === 'SchematicPaths') as { paint: Record<string, unknown> };
		expect(schematic.paint['line-dasharray']).toBeDefined();
		expect(JSON.stringify(layers.find((l) => l.id === 'SchematicPathLabels'))).toContain('route not sourced');
		expect(JSON.stringify(layers.find((l) => l.id === 'EventPaths'))).not.toContain('dasharray');
	});

	it('keep labels off markers: footprint layers sit above the labels, so they are placed first', () => {
		const ids = markerLayers(buildScales(data().events)).map((l) => l.id);
		expect(ids.indexOf('CityFootprints')).toBeGreaterThan(ids.indexOf('CityLabels'));
		expect(ids.indexOf('PlaceFootprints')).toBeGreaterThan(ids.indexOf('PlaceLabels'));
	});
});

describe('uncertainty drawn, not hidden', () => {
	it('gives an approximate place a halo as wide as its radius in metres, growing with zoom', () => {
		const layers = markerLayers(buildScales(minskFixture().events));
		const halo = layers.find((l) => l.id === 'PlaceHalos') as { filter: unknown; paint: Record<string, unknown> };
		expect(JSON.stringify(halo.filter)).toContain('radiusM');
		const radius = expression.createExpression(halo.paint['circle-radius'] as never, 'circle-radius', {
			type: 'number',
			'property-type': 'data-driven',
			expression: { interpolated: true, parameters: ['zoom', 'feature'] }
		} as never);
		if (radius.result !== 'success') throw new Error(JSON.stringify(radius.value));
		const at = (zoom: number) =>
			radius.value.evaluate({ zoom }, {
				type: 1,
				properties: { radiusM: 3000, cosLat: Math.cos((53.9 * Math.PI) / 180) }
			} as never) as number;
		// 3 km at 53.9° N is about 3000 / (40075016.686 × cos φ / 512 / 2^z) pixels.
		const expected = (zoom: number) => (3000 * 512 * 2 ** zoom) / (40075016.686 * Math.cos((53.9 * Math.PI) / 180));
		expect(at(12)).toBeCloseTo(expected(12), 3);
		expect(at(13) / at(12)).toBeCloseTo(2, 6);
	});
});

describe('shader programs', () => {
	/** The paint properties a layer reads from each feature: MapLibre compiles one program per set. */
	function fromData(layer: LayerSpecification): string {
		const paint = ('paint' in layer ? layer.paint : undefined) ?? {};
		const specs = latest[`paint_${layer.type}` as keyof typeof latest] as Record<string, StylePropertySpecification>;
		return Object.entries(paint)
			.filter(([name, value]) => {
				if (!expression.isExpression(value)) return false;
				const parsed = expression.createPropertyExpression(value, name, specs[name]!);
				if (parsed.result !== 'success') throw new Error(`${layer.id} ${name}: ${JSON.stringify(parsed.value)}`);
				return parsed.value.kind === 'source' || parsed.value.kind === 'composite';
			})
			.map(([name]) => name)
			.sort()
			.join(',');
	}

	/** Layers MapLibre draws at a zoom: circles that are wholly transparent are skipped. */
	function drawnAt(zoom: number): LayerSpecification[] {
		const layers = [...basemapLayers(), ...markerLayers(buildScales(data().events))];
		return layers.filter((layer) => {
			if ((layer.minzoom ?? 0) > zoom || zoom >= (layer.maxzoom ?? 24)) return false;
			const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
			return !(layer.type === 'circle' && paint['circle-opacity'] === 0 && paint['circle-stroke-width'] === 0);
		});
	}

	it('are one for every circle drawn on the country view, one for every fill and one for every text', () => {
		const layers = drawnAt(6);
		for (const type of ['circle', 'fill', 'symbol'] as const) {
			const ofType = layers.filter((layer) => layer.type === type);
			expect(ofType.length, `${type} layers drawn`).toBeGreaterThan(1);
			const sets = new Map(ofType.map((layer) => [fromData(layer), layer.id]));
			expect([...sets], `${type} layers by the properties they read from data`).toHaveLength(1);
		}
	});

	it('need no outline pass for fills and no dashed lines on the country view', () => {
		const layers = drawnAt(6);
		// An antialiased fill draws its edge with a program of its own, a dashed line with another;
		// the edges are drawn by line layers instead, and lines are solid until the split zoom.
		for (const layer of layers.filter((l) => l.type === 'fill'))
			expect((layer.paint as Record<string, unknown>)['fill-antialias'], layer.id).toBe(false);
		for (const layer of layers.filter((l) => l.type === 'line'))
			expect((layer.paint as Record<string, unknown> | undefined)?.['line-dasharray'], layer.id).toBeUndefined();
		expect(layers.some((l) => l.id === 'WorldBorders') && layers.some((l) => l.id === 'LakeShores')).toBe(true);
	});

	it('leave the footprints undrawn: they only keep labels off markers', () => {
		const footprints = markerLayers(buildScales(data().events)).filter((l) => l.id.endsWith('Footprints'));
		expect(footprints).toHaveLength(2);
		for (const layer of footprints)
			expect((layer as { paint?: Record<string, unknown> }).paint?.['icon-opacity']).toBe(0);
	});
});
