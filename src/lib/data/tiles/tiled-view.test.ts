import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAYS, dataset, filter } from '../fixtures/arbitraries';
import { filterEvents } from '../filter';
import { binByDay } from '../timeline';
import type { IndexedEvent } from '../schema';
import { EVENT_TYPE_IDS, type EventType } from '../vocabulary';
import { TILES_FORMAT, TILES_VERSION, type TiledSummary } from './tile-figures';
import { placePanel, tiledView } from './tiled-view';
import { summarisePlaces } from '../aggregate';

/** A summary as `npm run tiles` writes it, made here from the events directly. */
function summaryOf(events: readonly IndexedEvent[]): TiledSummary {
	const spans = new Map<string, [number, number, EventType, number]>();
	for (const e of events) {
		const first = DAYS.indexOf(e.when.start.slice(0, 10));
		const last = DAYS.indexOf((e.when.end ?? e.when.start).slice(0, 10));
		const key = `${first},${last},${e.type}`;
		const span = spans.get(key) ?? [first, last, e.type, 0];
		span[3]++;
		spans.set(key, span);
	}
	return {
		format: TILES_FORMAT,
		version: TILES_VERSION,
		slug: 's',
		title: 's',
		events: events.length,
		places: 1,
		days: DAYS,
		bbox: [0, 0, 1, 1],
		minZoom: 0,
		maxZoom: 10,
		largest: 1,
		dayCounts: binByDay(events, DAYS).map((b) => b.counts),
		spans: [...spans.values()],
		archive: 's.pmtiles',
		details: 's.events.parquet',
		detailsBytes: 0,
		detailsFooter: 0,
		attribution: [],
		timeZone: 'UTC'
	};
}

describe('tiledView', () => {
	it('counts what the engine counts for the dates and types chosen', () => {
		fc.assert(
			fc.property(dataset, filter, ({ events }, chosen) => {
				const { from, to, types } = chosen;
				// Status, side and size are named as not applied, and do not change the counts.
				const view = tiledView(summaryOf(events), chosen);
				const range = from && to && from > to ? { from: to, to: from } : { from, to };
				const shown = filterEvents(events, { ...range, ...(types ? { types } : {}) });
				expect(view.shownCount).toBe(shown.length);
				const inRange = filterEvents(events, range);
				for (const type of EVENT_TYPE_IDS)
					expect(view.typeCounts[type]).toBe(inRange.filter((e) => e.type === type).length);
				const bins = binByDay(filterEvents(events, types ? { types } : {}), DAYS);
				expect(view.bins).toEqual(bins);
				expect(view.unsupported).toEqual(
					(['status', 'stance', 'min'] as const).filter((key) => chosen[key] !== undefined)
				);
			})
		);
	});
});

describe('placePanel', () => {
	it('sums a place’s events for the dates and types shown, and shows none outside them', () => {
		fc.assert(
			fc.property(dataset, filter, ({ places, events }, chosen) => {
				const place = places[0]!;
				const own = events.filter((e) => e.place === place.id);
				const view = tiledView(summaryOf(events), chosen);
				const panel = placePanel(place, own, view);
				// Shown: of the dates (an event of several days meets the range) and types chosen.
				const shown = own.filter(
					(e) =>
						view.types.includes(e.type) &&
						e.when.start.slice(0, 10) <= view.range.to &&
						(e.when.end ?? e.when.start).slice(0, 10) >= view.range.from
				);
				expect(panel.place).toBe(place);
				expect(panel.events.map((e) => e.id).sort()).toEqual(shown.map((e) => e.id).sort());
				const peak = summarisePlaces(shown, [place], view.range)[0]?.peak;
				expect(panel.peak).toEqual(peak);
			})
		);
	});
});
