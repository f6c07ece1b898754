import { describe, expect, it } from 'vitest';
import { eventFixture, placeFixture } from './fixtures/factories';
import { EVENT_TYPES, Place, ProtestEvent } from './schema';

describe('event schema', () => {
	it('accepts a complete event and infers its defaults', () => {
		const parsed = ProtestEvent.parse(eventFixture({ actors: undefined }));
		expect(parsed.actors).toEqual([]);
	});

	it('keeps an unknown crowd size distinct from zero', () => {
		const unknown = ProtestEvent.parse(eventFixture({ crowd: undefined }));
		expect(unknown.crowd.low).toBeUndefined();
		expect(unknown.crowd.high).toBeUndefined();
		const zero = ProtestEvent.parse(eventFixture({ crowd: { low: 0, high: 0 } }));
		expect(zero.crowd.low).toBe(0);
	});

	it('accepts a range with only a lower bound ("more than 10,000")', () => {
		expect(
			ProtestEvent.parse(eventFixture({ crowd: { low: 10000, text: 'more than 10,000' } })).crowd.high
		).toBeUndefined();
	});

	it.each([
		['a low estimate above the high one', { crowd: { low: 5, high: 1 } }, 'crowd.low'],
		['a javascript: URL', { sources: [{ ...eventFixture().sources[0], url: 'javascript:alert(1)' }] }, 'sources.0.url'],
		['a time without its UTC offset', { when: { precision: 'exact', start: '2020-08-15T12:00' } }, 'when.start'],
		['a day-precision date with a time', { when: { precision: 'day', start: '2020-08-15T12:00+03:00' } }, 'when.start'],
		['several days without an end', { when: { precision: 'days', start: '2020-08-13' } }, 'when.end'],
		['an end before the start', { when: { precision: 'days', start: '2020-08-13', end: '2020-08-12' } }, 'when.end'],
		['a date that does not exist', { when: { precision: 'day', start: '2020-02-30' } }, 'when.start'],
		['a type outside the taxonomy', { type: 'riot' }, 'type'],
		['no source', { sources: [] }, 'sources'],
		[
			'a source without its quoted sentence',
			{ sources: [{ publisher: 'AFP', language: 'en', quoteKind: 'verbatim' }] },
			'sources.0.quote'
		],
		[
			'a source that does not say what kind its quote is',
			{ sources: [{ publisher: 'AFP', language: 'en', quote: 'Words.' }] },
			'sources.0.quoteKind'
		],
		['an id that is not a slug', { id: 'Minsk Rally' }, 'id']
	])('rejects %s', (_label, overrides, field) => {
		const result = ProtestEvent.safeParse(eventFixture(overrides));
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
	});

	it('maps every event type to an ACLED event type', () => {
		for (const type of Object.values(EVENT_TYPES)) {
			expect(['Protests', 'Violence against civilians', 'Strategic developments', 'Riots']).toContain(type.acled[0]);
		}
	});
});

describe('place schema', () => {
	it('accepts an approximate place with its radius', () => {
		const parsed = Place.parse(placeFixture({}, { precision: { kind: 'approximate', radiusM: 700 } }));
		expect(parsed.properties.precision).toEqual({ kind: 'approximate', radiusM: 700 });
	});

	it('rejects an approximate place without a radius', () => {
		expect(Place.safeParse(placeFixture({}, { precision: { kind: 'approximate' } })).success).toBe(false);
	});

	it('rejects a latitude out of range', () => {
		expect(Place.safeParse(placeFixture({ geometry: { type: 'Point', coordinates: [27.5, 153.9] } })).success).toBe(
			false
		);
	});
});
