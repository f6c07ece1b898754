import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventFixture, placeFixture } from './fixtures/factories';
import {
	boundsOfPlaces,
	crowdBounds,
	groupByDay,
	peakTurnout,
	sortCities,
	summariseCities,
	summarisePlaces,
	type CitySummary
} from './aggregate';
import { Place, ProtestEvent } from './schema';

const place = (id: string, city: string, lon: number, kind = 'square') =>
	Place.parse(placeFixture({ id, geometry: { type: 'Point', coordinates: [lon, 53.9] } }, { kind, city }));
const event = (id: string, placeId: string, start: string, crowd: Record<string, number>, type = 'rally') =>
	ProtestEvent.parse(eventFixture({ id, place: placeId, when: { precision: 'day', start }, crowd, type }));

function places() {
	return [
		place('minsk', 'minsk', 27.56, 'city'),
		place('stela', 'minsk', 27.53),
		place('grodno', 'grodno', 23.8, 'city')
	];
}
function events() {
	return [
		event('march', 'stela', '2020-08-16', { low: 100000, high: 400000 }),
		event('memorial', 'stela', '2020-08-09', {}, 'repression'),
		event('doctors', 'minsk', '2020-08-12', { low: 100 }),
		event('statement', 'minsk', '2020-08-14', {}, 'statement'),
		event('grodno', 'grodno', '2020-08-16', { low: 40000, high: 40000 })
	];
}

describe('crowd bounds', () => {
	it('keeps an unknown size unknown, and a one-sided range open-ended', () => {
		expect(crowdBounds({})).toBeUndefined();
		expect(crowdBounds({ low: 10000 })).toEqual({ low: 10000, high: 10000, openEnded: true });
		expect(crowdBounds({ low: 0, high: 0 })).toEqual({ low: 0, high: 0, openEnded: false });
	});

	it('takes the largest single day: a day’s gatherings add up, days do not, and unknown sizes are counted apart', () => {
		const gatherings = [
			event('a', 'stela', '2020-08-16', { low: 100000, high: 400000 }),
			event('b', 'minsk', '2020-08-16', { low: 100 }),
			event('c', 'minsk', '2020-08-15', { low: 300000, high: 300000 }),
			event('d', 'minsk', '2020-08-15', {})
		];
		expect(peakTurnout(gatherings)).toEqual({
			low: 300000,
			high: 400100,
			day: '2020-08-16',
			known: 3,
			unknown: 1,
			openEnded: true
		});
	});

	it('counts a gathering over several days on each of them, within the range shown', () => {
		const strike = ProtestEvent.parse(
			eventFixture({
				id: 's',
				place: 'minsk',
				when: { precision: 'days', start: '2020-08-13', end: '2020-08-14' },
				crowd: { low: 500, high: 500 }
			})
		);
		const daily = event('m', 'minsk', '2020-08-14', { low: 1000, high: 1000 });
		expect(peakTurnout([strike, daily])).toMatchObject({ high: 1500, day: '2020-08-14' });
		expect(peakTurnout([strike, daily], { from: '2020-08-13', to: '2020-08-13' })).toMatchObject({ high: 500 });
	});
});

describe('per place', () => {
	it('summarises each place with its events in date order and its largest gathering', () => {
		const stela = summarisePlaces(events(), places()).find((s) => s.place.id === 'stela')!;
		expect(stela.events.map((e) => e.id)).toEqual(['memorial', 'march']);
		expect(stela.peak).toMatchObject({ low: 100000, high: 400000, day: '2020-08-16', openEnded: false });
		expect(stela.headlineType).toBe('rally');
	});

	it('leaves a place with no known size without a figure', () => {
		const only = summarisePlaces([event('x', 'stela', '2020-08-10', {}, 'repression')], places());
		expect(only[0]?.peak).toBeUndefined();
		expect(only[0]?.headlineType).toBe('repression');
	});
});

describe('per city', () => {
	it('groups places into their city, counting gatherings and taking their largest single day', () => {
		const cities = summariseCities(summarisePlaces(events(), places()), places());
		const minsk = cities.find((c) => c.city.id === 'minsk')!;
		expect(minsk.places.map((p) => p.place.id).sort()).toEqual(['minsk', 'stela']);
		expect(minsk.events).toHaveLength(4);
		expect(minsk.gatherings.map((e) => e.id)).toEqual(['doctors', 'march']);
		// The doctors (12 Aug) and the march (16 Aug) were on different days: the march's day is the figure.
		expect(minsk.peak).toEqual({
			low: 100000,
			high: 400000,
			day: '2020-08-16',
			known: 2,
			unknown: 0,
			openEnded: false
		});
		expect(minsk.span).toEqual({ from: '2020-08-09', to: '2020-08-16' });
	});

	it('never adds pro-government or official gatherings to a city’s protest figure', () => {
		const rally = ProtestEvent.parse(
			eventFixture({
				id: 'pro',
				place: 'stela',
				when: { precision: 'day', start: '2020-08-16' },
				crowd: { low: 5000, high: 65000 },
				stance: 'pro-government'
			})
		);
		const cities = summariseCities(summarisePlaces([...events(), rally], places()), places());
		const minsk = cities.find((c) => c.city.id === 'minsk')!;
		expect(minsk.peak?.high).toBe(400000);
		expect(minsk.gatherings.map((e) => e.id)).not.toContain('pro');
		const stela = summarisePlaces([...events(), rally], places()).find((s) => s.place.id === 'stela')!;
		expect(stela.proGovernment.map((e) => e.id)).toEqual(['pro']);
	});

	it('sorts by number of gatherings or by size', () => {
		const ranked = (list: CitySummary[]) =>
			list.map((c) => ({ id: c.city.id, gatheringCount: c.gatherings.length, peak: c.peak }));
		const byId = (c: { id: string }) => c.id;
		const cities = ranked(summariseCities(summarisePlaces(events(), places()), places()));
		expect(sortCities(cities, 'count', byId).map(byId)).toEqual(['minsk', 'grodno']);
		const bigGrodno = [...events(), event('g2', 'grodno', '2020-08-15', { low: 500000, high: 500000 })];
		const resorted = ranked(summariseCities(summarisePlaces(bigGrodno, places()), places()));
		expect(sortCities(resorted, 'size', byId).map(byId)).toEqual(['grodno', 'minsk']);
		const tied = [
			{ id: 'b', gatheringCount: 1 },
			{ id: 'a', gatheringCount: 1 }
		];
		expect(sortCities(tied, 'count', byId).map(byId)).toEqual(['a', 'b']);
	});

	it('groups events by their local day', () => {
		expect(groupByDay(events()).map((d) => [d.date, d.events.length])).toEqual([
			['2020-08-09', 1],
			['2020-08-12', 1],
			['2020-08-14', 1],
			['2020-08-16', 2]
		]);
	});

	it('frames a city’s places with a bounding box', () => {
		expect(boundsOfPlaces(places().slice(0, 2))).toEqual([27.53, 53.9, 27.56, 53.9]);
		expect(boundsOfPlaces([])).toBeUndefined();
	});
});

describe('city figures, for any events', () => {
	const anyEvent = fc.record({
		place: fc.constantFrom('minsk', 'stela', 'grodno'),
		day: fc.integer({ min: 9, max: 16 }),
		low: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: undefined }),
		type: fc.constantFrom('rally', 'strike', 'repression')
	});

	it('are those of all the city’s events, in any input order, whether it has one place or several', () => {
		fc.assert(
			fc.property(fc.array(anyEvent, { minLength: 1, maxLength: 30 }), fc.boolean(), (specs, reversed) => {
				const all = specs.map((s, i) =>
					event(
						`e${i}`,
						s.place,
						`2020-08-${String(s.day).padStart(2, '0')}`,
						s.low === undefined ? {} : { low: s.low },
						s.type
					)
				);
				const range = { from: '2020-08-10', to: '2020-08-15' };
				const cities = summariseCities(summarisePlaces(reversed ? [...all].reverse() : all, places(), range), places());
				for (const city of cities) {
					const own = all
						.filter((e) => places().find((p) => p.id === e.place)!.properties.city === city.city.id)
						.sort((a, b) => a.when.start.localeCompare(b.when.start) || a.id.localeCompare(b.id));
					expect(city.events.map((e) => e.id)).toEqual(own.map((e) => e.id));
					const gatherings = own.filter((e) => e.type !== 'repression');
					expect(city.gatherings.map((e) => e.id)).toEqual(gatherings.map((e) => e.id));
					expect(city.peak).toEqual(peakTurnout(gatherings, range));
				}
			})
		);
	});
});
