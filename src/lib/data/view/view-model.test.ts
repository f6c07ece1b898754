import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortCities, summariseCities, summarisePlaces, type PlaceSummary } from '$lib/data/aggregate';
import { DAYS, dataset, filter } from '$lib/data/fixtures/arbitraries';
import { filterEvents } from '$lib/data/filter';
import { placeName } from '$lib/data/names';
import type { PublishedDataset } from '$lib/data/published';
import { binByDay, daysBetween } from '$lib/data/timeline';
import { eventFixture, placeFixture } from '$lib/data/fixtures/factories';
import { Place, ProtestEvent } from '$lib/data/schema';
import { CITY_CLUSTER_MIN, CITY_SPLIT_ZOOM } from './markers';
import { countByType, createViewModel, groupPlaces, type ViewData, type ViewRequest } from './view-model';

const published = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedDataset;
const data = (): ViewData => ({ events: published.events, places: published.places, dateRange: published.dateRange });
const first: ViewRequest = { zoom: 6, language: 'en' };

describe('the view model', () => {
	it('answers first with every part, agreeing with the data layer', () => {
		const update = createViewModel(data())(first);
		const places = summarisePlaces(published.events, published.places);
		const cities = summariseCities(places, published.places);
		expect(update.shownCount).toBe(published.events.length);
		expect(update.placeCount).toBe(places.length);
		expect(update.placeGroups).toEqual([]);
		const ranked = cities.map((c) => ({ id: c.city.id, gatheringCount: c.gatherings.length, peak: c.peak }));
		const byName = (c: { id: string }) =>
			placeName(
				published.places.find((p) => p.id === c.id)!,
				'en'
			);
		expect(update.cities?.map((c) => [c.id, c.gatheringCount, c.peak?.high])).toEqual(
			sortCities(ranked, 'count', byName).map((c) => [c.id, c.gatheringCount, c.peak?.high])
		);
		const days = daysBetween(published.dateRange.from, published.dateRange.to);
		expect(update.bins).toEqual(binByDay(published.events, days));
		expect(update.range).toEqual({ from: days[0], to: days.at(-1) });
		expect(update.markers?.cities.features.length).toBeGreaterThan(0);
		expect(update.selectedPlace).toBeUndefined();
	});

	it('sends again only what a step changes', () => {
		const view = createViewModel(data());
		view(first);
		expect(view(first)).toEqual({});
		// Below the split zoom places group as at it: nothing to redraw.
		expect(view({ ...first, zoom: CITY_SPLIT_ZOOM - 2 })).toEqual({});
		expect(Object.keys(view({ ...first, zoom: CITY_SPLIT_ZOOM + 3 }))).toEqual(['markers']);
		expect(Object.keys(view({ ...first, zoom: CITY_SPLIT_ZOOM + 3, place: 'stela' }))).toEqual(['selectedPlace']);
		// Hiding a type leaves the legend's counts, which ignore the type filter, as they were.
		const hidden = view({ ...first, zoom: CITY_SPLIT_ZOOM + 3, place: 'stela', types: ['strike'] });
		expect(hidden).not.toHaveProperty('typeCounts');
		expect(hidden.shownCount).toBe(filterEvents(published.events, { types: ['strike'] }).length);
		// A date step leaves the timeline's bars, which ignore the dates, as they were.
		const day = view({ ...first, from: '2020-08-10', to: '2020-08-10', types: ['strike'] });
		expect(day).not.toHaveProperty('bins');
		expect(day.range).toEqual({ from: '2020-08-10', to: '2020-08-10' });
	});

	it('keeps the legend’s counts free of the type filter and the timeline’s bars free of the dates, step after step', () => {
		const view = createViewModel(data());
		const days = daysBetween(published.dateRange.from, published.dateRange.to);
		const steps: ViewRequest[] = [
			first,
			{ ...first, types: ['rally'] },
			{ ...first, types: ['rally'], from: '2020-08-10', to: '2020-08-12' },
			{ ...first, from: '2020-08-10', to: '2020-08-12' },
			{ ...first, from: '2020-08-11', to: '2020-08-11', status: ['reported'] },
			{ ...first, status: ['reported'] },
			{ ...first, types: ['strike', 'vigil'], status: ['reported'] }
		];
		let shown = view(steps[0]!);
		for (const step of steps.slice(1)) {
			shown = { ...shown, ...view(step) };
			expect(shown.typeCounts).toEqual(countByType(filterEvents(published.events, { ...step, types: undefined })));
			expect(shown.bins).toEqual(
				binByDay(filterEvents(published.events, { ...step, from: undefined, to: undefined }), days)
			);
			expect(shown.shownCount).toBe(filterEvents(published.events, step).length);
		}
	});

	it('far out, can leave the unseen place markers for later, and brings them up to date when asked', () => {
		const view = createViewModel(data());
		const far = { ...first, zoom: CITY_SPLIT_ZOOM - 3 };
		const quick = view(far, { deferHidden: true });
		expect(quick.markers?.places.features).toEqual([]);
		expect(quick.markers?.cities.features.length).toBeGreaterThan(0);
		const rest = view(far);
		expect(Object.keys(rest)).toEqual(['markers']);
		const complete = createViewModel(data())(far).markers!;
		expect(rest.markers).toEqual(complete);
		// A step far out answers at once with the new cities, keeping the places it had made unchanged.
		const hidden = { ...far, types: ['strike' as const] };
		const step = view(hidden, { deferHidden: true });
		expect(step.markers?.places).toBe(rest.markers?.places);
		expect(step.markers?.cities).toEqual(createViewModel(data())(hidden).markers?.cities);
		expect(view(hidden).markers?.places).toEqual(createViewModel(data())(hidden).markers?.places);
		// Near the split zoom nothing is left out.
		const near = { ...first, zoom: CITY_SPLIT_ZOOM };
		expect(createViewModel(data())(near, { deferHidden: true }).markers?.places).toEqual(
			createViewModel(data())(near).markers?.places
		);
		expect(createViewModel(data())(near).markers?.places.features.length).toBeGreaterThan(0);
	});

	it('gives a selected place with its events, and a place without any under the filters as empty', () => {
		const view = createViewModel(data());
		const selected = view({ ...first, place: 'stela' }).selectedPlace;
		expect(selected?.events.map((e) => e.id)).toEqual(
			published.events.filter((e) => e.place === 'stela').map((e) => e.id)
		);
		const none = view({ ...first, place: 'stela', types: [] }).selectedPlace;
		expect(none?.place.id).toBe('stela');
		expect(none?.events).toEqual([]);
		expect(view({ ...first, city: 'minsk' }).selectedCity?.city.id).toBe('minsk');
	});

	it('gives a selected city with its shown events and figures, summed from the events themselves', () => {
		const request: ViewRequest = { ...first, city: 'minsk', types: ['rally', 'human-chain', 'strike'] };
		const selected = createViewModel(data())(request).selectedCity;
		const places = summarisePlaces(filterEvents(published.events, request), published.places, published.dateRange);
		const minsk = summariseCities(places, published.places).find((c) => c.city.id === 'minsk')!;
		expect(selected?.events.map((e) => e.id)).toEqual(minsk.events.map((e) => e.id));
		expect(selected?.places.map((p) => p.place.id)).toEqual(minsk.places.map((p) => p.place.id));
		expect([selected?.peak, selected?.span, selected?.gatheringCount]).toEqual([
			minsk.peak,
			minsk.span,
			minsk.gatherings.length
		]);
		expect(minsk.places.length).toBeGreaterThan(1);
	});

	it('orders the cities list as the reader chose, sending only the list again', () => {
		const view = createViewModel(data());
		const byCount = view(first).cities!;
		const bySize = view({ ...first, citySort: 'size' });
		expect(Object.keys(bySize)).toEqual(['cities']);
		const highs = bySize.cities!.map((c) => c.peak?.high ?? 0);
		expect(highs).toEqual([...highs].sort((a, b) => b - a));
		expect(bySize.cities!.map((c) => c.id).sort()).toEqual(byCount.map((c) => c.id).sort());
	});

	it('makes the places list only while it is open', () => {
		const view = createViewModel(data());
		view(first);
		const opened = view({ ...first, placeList: true }).placeGroups!;
		expect(opened.flatMap((g) => g.places).length).toBe(summarisePlaces(published.events, published.places).length);
		expect(view({ ...first, placeList: true, language: 'be' })).toHaveProperty('placeGroups');
		expect(view({ ...first, placeList: false }).placeGroups).toEqual([]);
	});

	it('lists places under their cities in the order of the reader’s language', () => {
		const places = summarisePlaces(published.events, published.places);
		const byId = new Map(published.places.map((p) => [p.id, p]));
		for (const language of ['en', 'be', 'ru']) {
			const groups = groupPlaces(places, byId, language);
			const names = groups.map((g) => placeName(byId.get(g.city)!, language));
			expect(names).toEqual([...names].sort(new Intl.Collator(language).compare));
			expect(groups.flatMap((g) => g.places).length).toBe(places.length);
			for (const group of groups)
				expect(group.places.every((p) => byId.get(p.id)!.properties.city === group.city)).toBe(true);
		}
	});

	it('groups cities far out once there are many, counting every event once at every zoom', () => {
		// A town every half degree over a stretch of Europe, each with one gathering or two.
		const towns = Array.from({ length: CITY_CLUSTER_MIN + 100 }, (_, i) =>
			Place.parse(
				placeFixture(
					{
						id: `t${i}`,
						geometry: { type: 'Point', coordinates: [10 + (i % 40) * 0.5, 45 + Math.floor(i / 40) * 0.5] }
					},
					{ city: `t${i}` }
				)
			)
		);
		const events = towns.flatMap((town, i) =>
			Array.from({ length: 1 + (i % 2) }, (_, n) =>
				ProtestEvent.parse(eventFixture({ id: `${town.id}-${n}`, place: town.id, type: n ? 'strike' : 'rally' }))
			)
		);
		const view = createViewModel({ events, places: towns, dateRange: { from: '2020-08-09', to: '2020-08-16' } });
		const far = view({ zoom: 3, language: 'en' }).markers!.cities.features;
		expect(far.length).toBeLessThan(towns.length / 4);
		expect(far.some((f) => f.properties.cluster && f.properties.groupOf === 'cities')).toBe(true);
		expect(far.reduce((n, f) => n + f.properties.count, 0)).toBe(events.length);
		const nearer = view({ zoom: CITY_SPLIT_ZOOM - 1, language: 'en' }).markers!.cities;
		expect(nearer.features.length).toBeGreaterThan(far.length);
		expect(nearer.features.reduce((n, f) => n + f.properties.count, 0)).toBe(events.length);
		// From the split zoom cities are not drawn: zooming further in leaves them as they were.
		expect(view({ zoom: CITY_SPLIT_ZOOM + 2, language: 'en' }).markers?.cities).toBe(nearer);
		// Filtered to fewer towns than the threshold, they still group where they grouped: nothing jumps.
		const strikes = view({ zoom: 3, language: 'en', types: ['strike'] }).markers!.cities.features;
		expect(strikes.some((f) => f.properties.cluster)).toBe(true);
		expect(strikes.reduce((n, f) => n + f.properties.count, 0)).toBe(events.filter((e) => e.type === 'strike').length);
		const groupsOf = (features: typeof far) =>
			new Map(features.filter((f) => f.properties.cluster).map((f) => [f.properties.id, f.geometry.coordinates]));
		const before = groupsOf(far);
		for (const [id, at] of groupsOf(strikes)) expect(before.get(id)).toEqual(at);
		// Fewer towns than the threshold: each is drawn on its own.
		const some = createViewModel({ events: events.slice(0, 20), places: towns, dateRange: published.dateRange });
		expect(some({ zoom: 3, language: 'en' }).markers!.cities.features.every((f) => !f.properties.cluster)).toBe(true);
	});
});

describe('one engine: the panels and exports come from the columns, and agree with the object sums', () => {
	const placeOf = ({ place, events, gatherings, proGovernment, days, ...figures }: PlaceSummary) => ({
		id: place.id,
		events: events.map((e) => e.id),
		gatherings: gatherings.map((e) => e.id),
		proGovernment: proGovernment.map((e) => e.id),
		days: [...days].sort(),
		...figures
	});

	it('gives every place’s and city’s panel as summarisePlaces and summariseCities do', () => {
		fc.assert(
			fc.property(dataset, filter, ({ events, places }, asked) => {
				const model = createViewModel({ events, places, dateRange: { from: DAYS[0]!, to: DAYS.at(-1)! } });
				// Dates in order, as the address gives them (parseViewState swaps reversed ones).
				const chosen =
					asked.from && asked.to && asked.from > asked.to ? { ...asked, from: asked.to, to: asked.from } : asked;
				const from = chosen.from ?? DAYS[0]!;
				const to = chosen.to ?? DAYS.at(-1)!;
				const kept = filterEvents(events, chosen);
				const oracle = summarisePlaces(kept, places, { from, to });
				for (const expected of oracle) {
					const answer = model({ ...first, ...chosen, place: expected.place.id });
					expect(placeOf(answer.selectedPlace!)).toEqual(placeOf(expected));
				}
				for (const expected of summariseCities(oracle, places)) {
					const city = model({ ...first, ...chosen, city: expected.city.id }).selectedCity!;
					expect(city.events.map((e) => e.id)).toEqual(expected.events.map((e) => e.id));
					expect(city.gatherings.map((e) => e.id)).toEqual(expected.gatherings.map((e) => e.id));
					expect(city.places.map(placeOf)).toEqual(expected.places.map(placeOf));
					expect([city.peak, city.span, city.eventCount]).toEqual([expected.peak, expected.span, expected.eventCount]);
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('exports the events filterEvents keeps, in the file’s order', () => {
		fc.assert(
			fc.property(dataset, filter, ({ events, places }, chosen) => {
				const model = createViewModel({ events, places, dateRange: { from: DAYS[0]!, to: DAYS.at(-1)! } });
				expect(model.exportEvents(chosen).map((e) => e.id)).toEqual(filterEvents(events, chosen).map((e) => e.id));
			}),
			{ numRuns: 300 }
		);
	});
});
