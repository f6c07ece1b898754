import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	byStart,
	summariseCities,
	summarisePlaces,
	totalCities,
	type CityTotals,
	type DaySums,
	type PlaceTotals
} from './aggregate';
import {
	binRows,
	countRowTypes,
	createEventTable,
	dayNumber,
	eventsWhere,
	selectRows,
	totalPlaces
} from './event-table';
import { filterEvents } from './filter';
import { DAYS, dataset, day, filter } from './fixtures/arbitraries';
import { binByDay } from './timeline';
import { EVENT_TYPE_IDS } from './vocabulary';

const ids = (events: readonly { id: string }[]) => events.map((e) => e.id).sort();
const entries = (days: DaySums) => [...days].sort((a, b) => (a[0] < b[0] ? -1 : 1));

/** What a marker, list or group reads of a place or a city, whichever way it was summed. */
function placeFigures(t: PlaceTotals) {
	const { place, days, eventCount, gatheringCount, knownCount, peak, headlineType } = t;
	const { proGovernmentCount, proGovernmentPeak, span } = t;
	return {
		id: place.id,
		days: entries(days),
		...{ eventCount, gatheringCount, knownCount, peak, headlineType, proGovernmentCount, proGovernmentPeak, span }
	};
}
function cityFigures(c: CityTotals) {
	const { city, places, days, eventCount, gatheringCount, peak, span } = c;
	return {
		id: city.id,
		places: places.map((p) => p.place.id).sort(),
		days: entries(days),
		eventCount,
		gatheringCount,
		peak,
		span
	};
}

describe('the event table', () => {
	it('selects the events that filterEvents keeps', () => {
		fc.assert(
			fc.property(dataset, filter, ({ events, places }, chosen) => {
				const table = createEventTable(events, places);
				const rows = selectRows(table, chosen);
				expect(ids(eventsWhere(table, rows, () => true))).toEqual(ids(filterEvents(events, chosen)));
			}),
			{ numRuns: 300 }
		);
	});

	it('counts types and bins days as the events are counted and binned', () => {
		fc.assert(
			fc.property(dataset, filter, ({ events, places }, chosen) => {
				const table = createEventTable(events, places);
				const rows = selectRows(table, chosen);
				const kept = filterEvents(events, chosen);
				expect(binRows(table, rows, DAYS)).toEqual(binByDay(kept, DAYS));
				const counts = countRowTypes(table, rows);
				for (const type of EVENT_TYPE_IDS) expect(counts[type]).toBe(kept.filter((e) => e.type === type).length);
			}),
			{ numRuns: 200 }
		);
	});

	it('sums each place and city as the event summaries do, within any range', () => {
		fc.assert(
			fc.property(dataset, filter, fc.option(fc.tuple(day, day), { nil: undefined }), (data, chosen, ends) => {
				const { events, places } = data;
				const range = ends && { from: DAYS[Math.min(...ends)]!, to: DAYS[Math.max(...ends)]! };
				const table = createEventTable(events, places);
				const totals = totalPlaces(table, selectRows(table, chosen), range);
				const summaries = summarisePlaces(filterEvents(events, chosen), places, range);
				const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
				expect(byId(totals.map(placeFigures))).toEqual(byId(summaries.map(placeFigures)));
				expect(byId(totalCities(totals, places).map(cityFigures))).toEqual(
					byId(summariseCities(summaries, places).map(cityFigures))
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps places in the date order of their first events in the dataset, whatever is filtered', () => {
		fc.assert(
			fc.property(dataset, filter, ({ events, places }, chosen) => {
				const table = createEventTable(events, places);
				const firstSeen = [...new Set([...events].sort(byStart).map((e) => e.place))];
				const shown = totalPlaces(table, selectRows(table, chosen)).map((t) => t.place.id);
				expect(shown).toEqual(firstSeen.filter((id) => shown.includes(id)));
			}),
			{ numRuns: 200 }
		);
	});
});

describe('day numbers', () => {
	// Counted by hand: whole years since 1970 at 365 days plus one per leap day, then the months.
	it.each([
		['1970-01-01', 0, 'the epoch itself'],
		['1969-12-31', -1, 'the day before'],
		['2000-02-29', 11_016, '30 years (7 leap days: 1972…1996) = 10,957, + 31 (January) + 28'],
		['2000-03-01', 11_017, 'the day after 29 February 2000, a leap day (divisible by 400)'],
		['2020-08-09', 18_483, '50 years (12 leap days) = 18,262, + 213 (January to July of a leap year) + 8'],
		['1900-03-01', -25_508, '70 years back (17 leap days; 1900 is none) = −25,567, + 31 + 28'],
		['2100-03-01', 47_541, '130 years (32 leap days; 2100 is none) = 47,482, + 31 + 28'],
		['0001-01-01', -719_162, '1,969 years back at 365.2425 days, as the proleptic Gregorian calendar counts'],
		['9999-12-31', 2_932_896, 'the last four-digit day']
	])('%s is day %i (%s)', (ymd, day) => {
		expect(dayNumber(ymd)).toBe(day);
		expect(createEventTable([], []).dayName(day)).toBe(ymd);
	});

	it('go up by one from each calendar day to the next, and name each day back, for any four-digit year', () => {
		const table = createEventTable([], []);
		fc.assert(
			fc.property(
				fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
				(date) => {
					const ymd = date.toISOString().slice(0, 10);
					const next = new Date(date.getTime());
					next.setUTCDate(next.getUTCDate() + 1);
					expect(dayNumber(next.toISOString().slice(0, 10)) - dayNumber(ymd)).toBe(1);
					expect(table.dayName(dayNumber(ymd))).toBe(ymd);
				}
			)
		);
	});
});
