import { describe, expect, it } from 'vitest';
import { eventFixture } from './fixtures/factories';
import { filterEvents } from './filter';
import { ProtestEvent } from './schema';

const event = (id: string, overrides: Record<string, unknown>) =>
	ProtestEvent.parse(eventFixture({ id, ...overrides }));
function events() {
	return [
		event('thu-chain', { type: 'human-chain', when: { precision: 'day', start: '2020-08-13' }, crowd: {} }),
		event('fri-rally', { type: 'rally', when: { precision: 'day', start: '2020-08-14' }, crowd: { low: 2000 } }),
		event('sat-memorial', {
			type: 'funeral',
			when: { precision: 'exact', start: '2020-08-15T12:00+03:00' },
			crowd: { low: 2000 }
		}),
		event('week-strike', {
			type: 'strike',
			when: { precision: 'days', start: '2020-08-12', end: '2020-08-14' },
			crowd: {}
		}),
		event('called', {
			type: 'rally',
			status: 'called',
			when: { precision: 'day', start: '2020-08-16' },
			crowd: { low: 100000, high: 400000 }
		})
	];
}
const ids = (list: ProtestEvent[]) => list.map((e) => e.id);

describe('filtering events', () => {
	it('keeps everything with no filter', () => {
		expect(filterEvents(events(), {})).toHaveLength(5);
	});

	it('keeps events on or overlapping a date range', () => {
		expect(ids(filterEvents(events(), { from: '2020-08-14', to: '2020-08-14' }))).toEqual(['fri-rally', 'week-strike']);
		expect(ids(filterEvents(events(), { from: '2020-08-15' }))).toEqual(['sat-memorial', 'called']);
	});

	it('keeps the chosen types and statuses', () => {
		expect(ids(filterEvents(events(), { types: ['rally'] }))).toEqual(['fri-rally', 'called']);
		expect(ids(filterEvents(events(), { status: ['called'] }))).toEqual(['called']);
		expect(filterEvents(events(), { types: [] })).toEqual([]);
	});

	it('drops unknown sizes and smaller crowds under a minimum', () => {
		expect(ids(filterEvents(events(), { min: 2000 }))).toEqual(['fri-rally', 'sat-memorial', 'called']);
		expect(ids(filterEvents(events(), { min: 50000 }))).toEqual(['called']);
	});
});
