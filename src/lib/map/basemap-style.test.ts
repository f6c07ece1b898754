import {
	expression,
	featureFilter,
	validateStyleMin,
	type FilterSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import countryNames from '../../../geo/country-names.json';
import {
	BASEMAP_FILES,
	chooseStyle,
	countryLabelText,
	labelText,
	markersFirst,
	offlineStyle,
	settlementFilters,
	type BasemapData
} from './basemap-style';

const ORIGIN = 'http://localhost:4173';
function data(): BasemapData {
	return Object.fromEntries(BASEMAP_FILES.map((name) => [name, `${ORIGIN}/_app/${name}.geojson`])) as BasemapData;
}

describe('the offline style', () => {
	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(offlineStyle(data()))).toEqual([]);
	});

	it("stays valid with the towns' filters the map sets, unchecked, as the markers change", () => {
		const style = offlineStyle(data());
		const filters: Record<string, FilterSpecification> = settlementFilters(['minsk', 'brest'], ['minsk-1'], 9);
		expect(Object.keys(filters).length).toBeGreaterThan(0);
		for (const layer of style.layers) if (layer.id in filters) Object.assign(layer, { filter: filters[layer.id] });
		expect(style.layers.filter((layer) => 'filter' in layer && layer.filter === filters[layer.id])).toHaveLength(
			Object.keys(filters).length
		);
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('splits for a quick first view: its background first, every other source and layer later, in order', () => {
		const style = offlineStyle(data());
		const { first, later } = markersFirst(style);
		expect(first.sources).toEqual({});
		expect(first.layers.map((layer) => layer.type)).toEqual(['background']);
		expect(later.layers.length).toBeGreaterThan(10);
		expect(later.layers.some((layer) => layer.type === 'background')).toBe(false);
		expect([...first.layers, ...later.layers]).toEqual(style.layers);
		expect(later.sources).toEqual(style.sources);
		expect(validateStyleMin(first)).toEqual([]);
	});

	it('asks no glyph server and no sprite, so text is drawn from the fonts the app serves', () => {
		const style = offlineStyle(data());
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		const fonts = new Set(
			style.layers.flatMap((layer) => (layer.type === 'symbol' ? [JSON.stringify(layer.layout?.['text-font'])] : []))
		);
		expect([...fonts]).toEqual(['["Noto Sans"]']);
	});

	it('loads every source from the data it was given, and nothing else', () => {
		const style = offlineStyle(data());
		const urls = Object.values(style.sources).map((source) => ('data' in source ? source.data : undefined));
		expect(urls).toHaveLength(BASEMAP_FILES.length);
		for (const url of urls) expect(String(url).startsWith(ORIGIN)).toBe(true);
	});

	it('draws every layer from a source it declares', () => {
		const style = offlineStyle(data());
		for (const layer of style.layers) if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
	});

	it('labels in English by default and falls back to English for another language', () => {
		expect(labelText('en')).toEqual(['get', 'name_en']);
		const belarusian = expression.createExpression(labelText('be'), 'layers[0].layout.text-field');
		if (belarusian.result !== 'success') throw new Error('invalid label expression');
		const evaluate = (properties: Record<string, string>) =>
			belarusian.value.evaluate({ zoom: 8 }, { type: 1, properties } as never);
		expect(evaluate({ name_en: 'Minsk', name_be: 'Мінск' })).toBe('Мінск');
		expect(evaluate({ name_en: 'Kaunas', name_be: '' })).toBe('Kaunas');
		expect(evaluate({ name_en: 'Riga' })).toBe('Riga');
	});
});

describe('choosing the basemap', () => {
	it('stays offline when no online style is set', () => {
		expect(typeof chooseStyle(data(), undefined)).toBe('object');
		expect(typeof chooseStyle(data(), '  ')).toBe('object');
	});

	it('uses an opted-in online style URL', () => {
		expect(chooseStyle(data(), 'https://tiles.example.org/style.json')).toBe('https://tiles.example.org/style.json');
	});

	it('refuses a style URL that is not http(s)', () => {
		expect(() => chooseStyle(data(), 'javascript:alert(1)')).toThrow(/must be an http\(s\) URL/);
	});
});

describe('country labels', () => {
	it('name the neighbouring countries in Belarusian and Russian, from the sourced table', () => {
		const spec = {
			type: 'string',
			'property-type': 'data-driven',
			expression: { interpolated: false, parameters: ['zoom', 'feature'] }
		};
		const label = (language: 'en' | 'be' | 'ru', name: string) => {
			const compiled = expression.createExpression(countryLabelText(language), 'text-field', spec as never);
			if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
			return compiled.value.evaluate({ zoom: 6 }, { type: 1, properties: { name } } as never);
		};
		expect(label('be', 'Lithuania')).toBe('Літва');
		expect(label('ru', 'Poland')).toBe('Польша');
		expect(label('en', 'Poland')).toBe('Poland');
		expect(label('ru', 'Atlantis')).toBe('Atlantis');
	});
});

describe('place labels in the basemap data', () => {
	const layer = (name: string) =>
		JSON.parse(readFileSync(`geo/basemap/${name}.geojson`, 'utf8')) as {
			features: { properties: Record<string, unknown> }[];
		};
	const named = (name: string) => layer(name).features.filter((f) => f.properties.name_en);
	const countryLabels = layer('country-labels').features.map((f) => String(f.properties.name));

	it.each(['settlements', 'oblast-labels', 'rivers', 'metro-stations'])(
		'%s: every labelled feature has a Belarusian and a Russian name',
		(name) => {
			const features = named(name);
			expect(features.length).toBeGreaterThan(0);
			for (const { properties } of features) {
				expect(String(properties.name_be ?? ''), String(properties.name_en)).toMatch(/\p{Script=Cyrillic}/u);
				expect(String(properties.name_ru ?? ''), String(properties.name_en)).toMatch(/\p{Script=Cyrillic}/u);
			}
		}
	);

	it('names each town once, after the town at that spot', () => {
		const ids = named('settlements').map((f) => String(f.properties.id));
		expect(ids.length).toBe(new Set(ids).size);
	});

	it('has every labelled country in the sourced table', () => {
		for (const country of countryLabels) expect(Object.keys(countryNames.names)).toContain(country);
	});
});

describe('town labels', () => {
	const towns = (
		JSON.parse(readFileSync('geo/basemap/settlements.geojson', 'utf8')) as {
			features: { id?: string; properties: Record<string, unknown> }[];
		}
	).features;
	const accepts = (filter: unknown, zoom: number, properties: Record<string, unknown>) =>
		featureFilter(filter as FilterSpecification, 'filter').filter({ zoom }, {
			type: 1,
			properties,
			geometry: [],
			id: undefined
		} as never);

	it('in Belarus and abroad, in their two layers, are together the towns the dots show', () => {
		const named = [String(towns.find((t) => t.properties.inBelarus)!.properties.id)];
		const filters = settlementFilters(named, [], 9);
		let abroad = 0;
		for (const zoom of [5, 6.5, 8, 10])
			for (const { properties } of towns) {
				const shown = accepts(filters.SettlementDots, zoom, properties);
				const inBelarus = accepts(filters.SettlementLabels, zoom, properties);
				const outside = accepts(filters.SettlementLabelsAbroad, zoom, properties);
				expect(inBelarus || outside, String(properties.name_en)).toBe(shown);
				expect(inBelarus && outside).toBe(false);
				expect(inBelarus && !properties.inBelarus).toBe(false);
				if (outside) abroad++;
			}
		expect(abroad).toBeGreaterThan(0);
	});
});
