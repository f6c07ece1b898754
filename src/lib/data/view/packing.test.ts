import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packCities, packIds, unpackCities, unpackIds } from './packing';
import type { CityFacts } from './view-model';

const day = fc
	.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const coordinate = fc.double({ min: -180, max: 180, noNaN: true });
const count = fc.nat(1_000_000);

const city: fc.Arbitrary<CityFacts> = fc.record(
	{
		id: fc.string({ minLength: 1 }),
		eventCount: count,
		gatheringCount: count,
		peak: fc.record({
			low: fc.nat(),
			high: fc.nat(),
			day,
			known: count,
			unknown: count,
			openEnded: fc.boolean()
		}),
		span: fc.record({ from: day, to: day }),
		bounds: fc.tuple(coordinate, coordinate, coordinate, coordinate)
	},
	{ requiredKeys: ['id', 'eventCount', 'gatheringCount', 'span'] }
);

describe('packing an answer for the page', () => {
	it('gives back every city row as it was, optional parts absent where they were', () => {
		fc.assert(
			fc.property(fc.array(city, { maxLength: 40 }), (cities) => {
				const packed = structuredClone(packCities(cities));
				const rows = unpackCities(packed);
				expect(rows).toEqual(cities);
				rows.forEach((row, i) => expect(Object.keys(row).sort()).toEqual(Object.keys(cities[i]!).sort()));
			})
		);
	});

	it('gives back any ids, whatever characters they hold', () => {
		fc.assert(
			fc.property(fc.array(fc.string()), (ids) => {
				expect(unpackIds(structuredClone(packIds(ids)))).toEqual(ids);
			})
		);
	});

	it('sends one string and one array of numbers for the rows, not an object per city', () => {
		const rows = Array.from({ length: 1000 }, (_, i) => ({
			id: `city-${i}`,
			eventCount: i,
			gatheringCount: i,
			span: { from: '2020-08-09', to: '2020-08-16' }
		}));
		const packed = packCities(rows);
		expect(typeof packed.ids).toBe('string');
		expect(packed.numbers).toBeInstanceOf(Float64Array);
		expect(packed.dates).toEqual(['2020-08-09', '2020-08-16']);
	});
});
