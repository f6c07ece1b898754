import fc from 'fast-check';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { daySums, peakOf, summariseCities, summarisePlaces } from '$lib/data/aggregate';
import { eventFixture, minskFixture, placeFixture } from '$lib/data/fixtures/factories';
import { Place, ProtestEvent } from '$lib/data/schema';
import type { PlaceSummary } from '$lib/data/aggregate';
import {
	CITY_SPLIT_ZOOM,
	CLUSTER_MAX_ZOOM,
	cityFeatures,
	createCityClusters,
	createPlaceClusters,
	type MarkerClusters,
	type Held,
	labelLargest,
	type MarkerProperties,
	pathFeatures,
	placeFeatures,
	proGovernmentFeatures,
	shownCities,
	shownPlaces
} from './markers';

const data = minskFixture;

describe('marker features', () => {
	it('gives one feature per place with events, leaving country-wide figures to the lists', () => {
		const features = placeFeatures(data().summaries).features;
		expect(features.map((f) => f.properties.id).sort()).toEqual(['minsk', 'stela']);
		expect(features.find((f) => f.properties.id === 'stela')?.properties).toMatchObject({
			low: 100000,
			high: 400000,
			known: true
		});
		const unknown = features.find((f) => f.properties.id === 'minsk')?.properties;
		expect(unknown).toMatchObject({ known: false, type: 'repression' });
		expect(unknown).not.toHaveProperty('low');
	});

	it('gives one feature per city with its largest single-day turnout', () => {
		const features = cityFeatures(data().cities).features;
		expect(features.map((f) => f.properties.id)).toEqual(['minsk']);
		expect(features[0]?.properties).toMatchObject({ count: 2, known: true, low: 100000, high: 400000 });
	});
});

describe('route features', () => {
	it('draw the path of each event that has one, coloured by its type', () => {
		const path = {
			type: 'LineString',
			coordinates: [
				[27.53816, 53.9159],
				[27.5478, 53.8956]
			]
		};
		const events = [...data().events, ProtestEvent.parse(eventFixture({ id: 'march-route', place: 'stela', path }))];
		expect(pathFeatures(events).features).toEqual([
			{ type: 'Feature', geometry: path, properties: { id: 'march-route', type: 'rally', sourced: false } }
		]);
	});
});

describe('grouped places', () => {
	/** Two squares a few hundred metres apart, with gatherings on the same day and on another. */
	function nearby() {
		const places = ['a', 'b'].map((id, i) =>
			Place.parse(
				placeFixture({ id, geometry: { type: 'Point', coordinates: [27.55 + i * 0.003, 53.9] } }, { kind: 'square' })
			)
		);
		const on = (id: string, place: string, start: string, low: number, high: number) =>
			ProtestEvent.parse(eventFixture({ id, place, when: { precision: 'day', start }, crowd: { low, high } }));
		const events = [
			on('a1', 'a', '2020-08-15', 1000, 2000),
			on('b1', 'b', '2020-08-15', 500, 1000),
			on('b2', 'b', '2020-08-16', 2500, 2500)
		];
		return summarisePlaces(events, [Place.parse(placeFixture()), ...places]);
	}

	it('give a cluster the same figure a city gets: the largest day of its places’ summed days, not its largest member', () => {
		const clusters = createPlaceClusters(nearby().map((s) => s.place)).at(9, shownPlaces(nearby())).features;
		expect(clusters).toHaveLength(1);
		// 15 Aug: 1,000–2,000 at a plus 500–1,000 at b; 16 Aug: 2,500 at b. High 3,000 on the 15th, low 2,500 on the 16th.
		expect(clusters[0]!.properties).toMatchObject({ cluster: true, point_count: 2, count: 3, low: 2500, high: 3000 });
		expect(clusters[0]!.properties.expansionZoom).toBeGreaterThan(9);
	});

	it('split into places when zoomed in', () => {
		const places = createPlaceClusters(nearby().map((s) => s.place)).at(16, shownPlaces(nearby())).features;
		expect(places.map((f) => f.properties.id).sort()).toEqual(['a', 'b']);
	});
});

describe('every group, at every zoom', () => {
	/** Squares (each its own town, for the city groups) on a grid, and gatherings on three days. */
	const scattered = fc.record({
		spots: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })), {
			minLength: 2,
			maxLength: 25
		}),
		gatherings: fc.array(
			fc.record({ spot: fc.nat(), day: fc.integer({ min: 14, max: 16 }), low: fc.nat(5000), extra: fc.nat(5000) }),
			{ minLength: 1, maxLength: 60 }
		)
	});

	type Scattered = typeof scattered extends fc.Arbitrary<infer T> ? T : never;

	/** `step`: the grid's spacing in degrees of longitude (half as much in latitude). */
	function summaries({ spots, gatherings }: Scattered, step: number) {
		const places = spots.map(([x, y], i) =>
			Place.parse(
				placeFixture(
					{ id: `p${i}`, geometry: { type: 'Point', coordinates: [27.5 + x * step, 53.9 + (y * step) / 2] } },
					{ kind: 'square', city: `p${i}` }
				)
			)
		);
		const events = gatherings.map((g, i) =>
			ProtestEvent.parse(
				eventFixture({
					id: `e${i}`,
					place: `p${g.spot % spots.length}`,
					when: { precision: 'day', start: `2020-08-${g.day}` },
					crowd: { low: g.low, high: g.low + g.extra }
				})
			)
		);
		return summarisePlaces(events, places);
	}

	/**
	 * Each group's count and figure are those of the shown members it holds, added day by day; a
	 * group of one shown member is drawn as it; every shown marker is drawn once and no other.
	 */
	function holdsItsMembers<T extends Held>(
		clusters: MarkerClusters<T>,
		zoom: number,
		shown: ReadonlyMap<string, T>,
		byId: Map<string, PlaceSummary>
	) {
		const drawnAlone: string[] = [];
		const drawnInGroups: string[] = [];
		for (const { properties: marker } of clusters.at(zoom, shown).features) {
			if (!marker.cluster) {
				drawnAlone.push(marker.id);
				continue;
			}
			const ids = clusters.members(marker.id).filter((id) => shown.has(id));
			drawnInGroups.push(...ids);
			const members = ids.map((id) => byId.get(id)!);
			expect(members.length).toBe(marker.point_count!);
			expect(members.length).toBeGreaterThan(1);
			expect(marker.count).toBe(members.reduce((n, s) => n + s.events.length, 0));
			const peak = peakOf(daySums(members.flatMap((s) => s.gatherings)));
			expect([marker.low, marker.high]).toEqual([peak?.low, peak?.high]);
		}
		expect([...drawnAlone, ...drawnInGroups].sort()).toEqual([...shown.keys()].sort());
	}

	/** The summaries of the places not hidden: what a filter leaves shown. */
	const shownOf = (all: PlaceSummary[], hidden: boolean[]) => all.filter((_, i) => !hidden[i]);

	it('of places shows the largest day of its own shown places’ summed days, whatever is hidden', () => {
		fc.assert(
			fc.property(scattered, fc.array(fc.boolean()), (input, hidden) => {
				// Four kilometres across: places group differently at each city zoom.
				const all = summaries(input, 0.0002);
				const clusters = createPlaceClusters(all.map((s) => s.place));
				const shown = shownOf(all, hidden);
				const byId = new Map(shown.map((s) => [s.place.id, s]));
				for (let zoom = CITY_SPLIT_ZOOM; zoom <= CLUSTER_MAX_ZOOM; zoom++)
					holdsItsMembers(clusters, zoom, shownPlaces(shown), byId);
			}),
			{ numRuns: 60 }
		);
	});

	it('of cities does the same far out, where towns group', () => {
		fc.assert(
			fc.property(scattered, fc.array(fc.boolean()), (input, hidden) => {
				// Four degrees across: towns group differently at each zoom far out.
				const all = summaries(input, 0.01);
				const places = all.map((s) => s.place);
				const clusters = createCityClusters(places);
				// Each town is its one square here, so a town's summary is its square's.
				const shown = shownOf(all, hidden);
				const byId = new Map(shown.map((s) => [s.place.id, s]));
				const cities = shownCities(summariseCities(shown, places));
				for (let zoom = 0; zoom < CITY_SPLIT_ZOOM; zoom++) holdsItsMembers(clusters, zoom, cities, byId);
				expect(clusters.at(CITY_SPLIT_ZOOM, cities).features.every((f) => !f.properties.cluster)).toBe(true);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('pro-government gatherings', () => {
	it('are features of their own, never part of the protest markers', () => {
		const places = [Place.parse(placeFixture())];
		const rally = ProtestEvent.parse(
			eventFixture({ id: 'pro', place: 'minsk', crowd: { low: 5000, high: 65000 }, stance: 'pro-government' })
		);
		const summaries = summarisePlaces([rally], places);
		expect(placeFeatures(summaries).features[0]!.properties).toMatchObject({ known: false, gatherings: 0 });
		expect(proGovernmentFeatures(summaries).features[0]!.properties).toMatchObject({
			proGovernment: true,
			low: 5000,
			high: 65000
		});
	});
});

describe('labels on a crowded map', () => {
	const marker = (id: string, high: number | undefined, count: number): Feature<Point, MarkerProperties> => ({
		type: 'Feature' as const,
		geometry: { type: 'Point' as const, coordinates: [0, 0] },
		properties: {
			id,
			name: id,
			name_be: id,
			name_ru: id,
			count,
			gatherings: count,
			known: high !== undefined,
			...(high === undefined ? {} : { low: high, high }),
			openEnded: false,
			radiusM: 0
		}
	});

	it('go to the largest markers only, by crowd then by count, never more than the limit', () => {
		const collection = {
			type: 'FeatureCollection' as const,
			features: [
				marker('small', 10, 1),
				marker('unknown-busy', undefined, 50),
				marker('big', 5000, 2),
				marker('mid', 300, 9)
			]
		};
		labelLargest(collection, 2, 3);
		const labelled = collection.features.filter((f) => f.properties.labelled).map((f) => f.properties.id);
		expect(labelled).toEqual(['big', 'mid']);
		const footprinted = collection.features.filter((f) => f.properties.footprint).map((f) => f.properties.id);
		expect(footprinted).toEqual(['small', 'big', 'mid']);
	});

	it('go to every marker when there are few', () => {
		const collection = { type: 'FeatureCollection' as const, features: [marker('a', undefined, 1), marker('b', 3, 1)] };
		expect(labelLargest(collection, 5).features.every((f) => f.properties.labelled)).toBe(true);
	});
});
