import { describe, expect, it } from 'vitest';
import { placeFixture } from './fixtures/factories';
import { cityAt, createGeocoder, editDistance, nameKey } from './geocoder';
import { Place } from './schema';

function gazetteer() {
	return [
		placeFixture(),
		placeFixture(
			{ id: 'pushkinskaya', geometry: { type: 'Point', coordinates: [27.49702, 53.90966] } },
			{
				names: { en: 'Pushkinskaya metro station', be: 'Пушкінская', ru: 'Пушкинская' },
				aliases: ['Pushkin metro station'],
				kind: 'metro station'
			}
		),
		placeFixture(
			{ id: 'zhodino', geometry: { type: 'Point', coordinates: [28.3331, 54.0985] } },
			{ names: { en: 'Zhodino', be: 'Жодзіна', ru: 'Жодино' }, aliases: ['Zhodzina'], kind: 'town', city: 'zhodino' }
		),
		placeFixture(
			{ id: 'lenin-square-minsk', geometry: { type: 'Point', coordinates: [27.5476, 53.8926] } },
			{ names: { en: 'Lenin Square', be: 'Плошча Леніна', ru: 'Площадь Ленина' }, kind: 'square' }
		),
		placeFixture(
			{ id: 'lenin-square-gomel', geometry: { type: 'Point', coordinates: [30.99, 52.42] } },
			{ names: { en: 'Lenin Square', be: 'Плошча Леніна', ru: 'Площадь Ленина' }, kind: 'square', city: 'zhodino' }
		)
	].map((p) => Place.parse(p));
}

describe('nameKey', () => {
	it('folds case, diacritics, Cyrillic and transliteration variants to one key', () => {
		expect(nameKey('Pushkinskaja')).toBe(nameKey('Pushkinskaya'));
		expect(nameKey('Пушкінская')).toBe(nameKey('PUSHKINSKAYA'));
		expect(nameKey('Žodzina')).toBe(nameKey('Zhodzina'));
	});

	it('drops descriptive words in English, Russian and Belarusian', () => {
		expect(nameKey('near the Pushkin metro station')).toBe('pushkin');
		expect(nameKey('станция метро Пушкинская')).toBe(nameKey('Pushkinskaya'));
		expect(nameKey('станцыя метро Пушкінская')).toBe(nameKey('Pushkinskaya'));
	});
});

describe('geocode', () => {
	it.each([
		['near the Pushkin metro station', 'pushkinskaya'],
		['Пушкінская', 'pushkinskaya'],
		['Пушкинская', 'pushkinskaya'],
		['pushkinskaja', 'pushkinskaya'],
		['in Minsk', 'minsk'],
		['Мінск', 'minsk'],
		['Жодино', 'zhodino'],
		['Zhodzina', 'zhodino']
	])('resolves "%s" to %s', (text, id) => {
		const result = createGeocoder(gazetteer()).geocode(text);
		expect(result.status).toBe('match');
		expect(result.status === 'match' && result.place.id).toBe(id);
	});

	it('tells a square from the metro station named after it by the words used', () => {
		const places = [
			...gazetteer(),
			Place.parse(
				placeFixture(
					{ id: 'ploshcha-lenina', geometry: { type: 'Point', coordinates: [27.5476, 53.8926] } },
					{
						names: { en: 'Ploshcha Lenina', be: 'Плошча Леніна', ru: 'Площадь Ленина' },
						kind: 'metro station',
						aliases: ['Lenin Square station']
					}
				)
			)
		];
		const geocoder = createGeocoder(places.filter((p) => p.id !== 'lenin-square-gomel'));
		const square = geocoder.geocode('Lenin Square');
		expect(square.status === 'match' && square.place.id).toBe('lenin-square-minsk');
		const station = geocoder.geocode('станция метро Площадь Ленина');
		expect(station.status === 'match' && station.place.id).toBe('ploshcha-lenina');
	});

	it('returns every candidate for an ambiguous name', () => {
		const result = createGeocoder(gazetteer()).geocode('Lenin Square');
		expect(result.status).toBe('ambiguous');
		expect(result.status === 'ambiguous' && result.candidates.map((c) => c.place.id)).toEqual([
			'lenin-square-gomel',
			'lenin-square-minsk'
		]);
	});

	it('forgives a one-letter slip', () => {
		const result = createGeocoder(gazetteer()).geocode('Zhodimo');
		expect(result.status === 'match' && result.place.id).toBe('zhodino');
	});

	it('offers the nearest spellings for an unknown name', () => {
		const unknown = createGeocoder(gazetteer()).geocode('Mensky');
		expect(unknown.status).toBe('unknown');
		expect(unknown.status === 'unknown' && unknown.suggestions[0]?.place.id).toBe('minsk');
	});

	it('suggests places as the reader types a prefix', () => {
		expect(
			createGeocoder(gazetteer())
				.suggest('Pushk')
				.map((c) => c.place.id)
		).toEqual(['pushkinskaya']);
	});
});

describe('editDistance', () => {
	it('counts insertions, deletions and substitutions', () => {
		expect(editDistance('minsk', 'minsk')).toBe(0);
		expect(editDistance('minsk', 'pinsk')).toBe(1);
		expect(editDistance('brest', 'brests')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
	});
});

describe('cityAt', () => {
	it('finds the settlement nearest to a point', () => {
		expect(cityAt([27.5, 53.91], gazetteer())?.id).toBe('minsk');
		expect(cityAt([28.3, 54.09], gazetteer())?.id).toBe('zhodino');
	});

	it('returns nothing far from every settlement', () => {
		expect(cityAt([25.0, 52.0], gazetteer())).toBeUndefined();
	});

	it('prefers a city boundary that contains the point', () => {
		const square = {
			type: 'Feature' as const,
			properties: {},
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[28, 54],
						[29, 54],
						[29, 55],
						[28, 55],
						[28, 54]
					]
				]
			}
		};
		expect(cityAt([28.9, 54.9], gazetteer(), { boundaries: { zhodino: square }, maxKm: 1 })?.id).toBe('zhodino');
	});
});

describe('search over a hundred thousand places', () => {
	const WORDS = ['Kastrychnitskaya', 'Nezalezhnasci', 'Pushkinskaya', 'Uruchcha', 'Zhodino', 'Grodno', 'Vitebsk'];
	const many = Array.from({ length: 100_000 }, (_, i) =>
		Place.parse(
			placeFixture(
				{ id: `place-${i}` },
				{ names: { en: `${WORDS[i % WORDS.length]} ${Math.floor(i / WORDS.length)} street` }, city: `place-${i}` }
			)
		)
	);
	const geocoder = createGeocoder(many);

	it.each([
		// Numbers with no doubled digit: keys merge doubled letters, so 1234 and 11234 would meet.
		['Pushkinskaya 2468 street', 'place-17278'],
		['Pushkinskaja 2468 street', 'place-17278'],
		['Пушкінская 2468 street', 'place-17278'],
		['Vitebsk 13579 street', 'place-95059']
	])('finds “%s”', (query, id) => {
		const result = geocoder.geocode(query);
		expect(result.status === 'match' ? result.place.id : result).toBe(id);
	});

	it('suggests as the reader types', () => {
		expect(geocoder.suggest('Uruchcha 4027').map((c) => c.place.id)).toContain('place-28192');
	});

	it('answers the same once prepared ahead of the first query', () => {
		const prepared = createGeocoder(many);
		prepared.prepare();
		for (const query of ['Uruchcha 4027', 'Пушкінская 2468', 'Vitebsk 1357'])
			expect(prepared.suggest(query)).toEqual(geocoder.suggest(query));
	});
});
