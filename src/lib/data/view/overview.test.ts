import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventFixture, placeFixture } from '$lib/data/fixtures/factories';
import { maxCrowd } from '$lib/data/aggregate';
import type { PublishedIndexFile } from '$lib/data/published-shape';
import { Place, ProtestEvent } from '$lib/data/schema';
import { OVERVIEW_PLACES_MAX, overviewOf } from './build-overview';
import { CITY_CLUSTER_MIN, CITY_SPLIT_ZOOM } from './markers';
import { INLINE_OVERVIEW_MAX_BYTES, isOverview, overviewAnswer, overviewToInline } from './overview';
import { createViewModel } from './view-model';

const published = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedIndexFile;

/** A town every half degree over a stretch of Europe: enough cities for them to group far out. */
function manyTowns(): PublishedIndexFile {
	const places = Array.from({ length: CITY_CLUSTER_MIN + 60 }, (_, i) =>
		Place.parse(
			placeFixture(
				{ id: `t${i}`, geometry: { type: 'Point', coordinates: [10 + (i % 40) * 0.5, 45 + Math.floor(i / 40) * 0.5] } },
				{ city: `t${i}` }
			)
		)
	);
	const events = places.flatMap((town, i) =>
		Array.from({ length: 1 + (i % 3) }, (_, n) =>
			ProtestEvent.parse(
				eventFixture({
					id: `${town.id}-${n}`,
					place: town.id,
					type: n ? 'strike' : 'rally',
					crowd: { low: 100 * (i + 1), high: 200 * (i + 1), text: 'hundreds' }
				})
			)
		)
	);
	return { ...published, slug: 'towns', places, events, dateRange: { from: '2020-08-09', to: '2020-08-16' } };
}

/** Cities without events, to pass the limit on places. */
const extraCities = (n: number) =>
	Array.from({ length: n }, (_, i) =>
		Place.parse(
			placeFixture({ id: `x${i}`, geometry: { type: 'Point', coordinates: [-60, -30 + i * 0.01] } }, { city: `x${i}` })
		)
	);

describe('a dataset’s overview', () => {
	for (const [name, file] of [
		['the default dataset', published],
		['many towns, grouped far out', manyTowns()]
	] as const)
		it(`draws at every zoom below the split what the view model's first answer draws there: ${name}`, () => {
			const overview = overviewOf(file);
			for (let zoom = 0; zoom < CITY_SPLIT_ZOOM; zoom++) {
				const answer = createViewModel(file)({ zoom, language: 'en' }, { deferHidden: true });
				const early = overviewAnswer(overview, zoom + 0.6)!;
				expect(early.markers.cities).toEqual(answer.markers!.cities);
				expect(early.markers.proGovernment).toEqual(answer.markers!.proGovernment);
				expect(early.markers.cityIds).toEqual(answer.markers!.cities.features.map((f) => f.properties.id));
				expect(early.typeCounts).toEqual(answer.typeCounts);
				expect(early.bins).toEqual(answer.bins);
				expect(early.shownCount).toBe(file.events.length);
			}
			// At and past the split zoom places are drawn, which the overview does not have.
			expect(overviewAnswer(overview, CITY_SPLIT_ZOOM)).toBeUndefined();
		});

	it('groups differently with the zoom, and keeps each distinct set of markers once', () => {
		const overview = overviewOf(manyTowns());
		expect(new Set(overview.citiesAtZoom).size).toBe(overview.cities.length);
		expect(overview.cities.length).toBeGreaterThan(1);
		// Every group adds up its members: no event is lost or counted twice at any zoom.
		for (const cities of overview.cities)
			expect(cities.features.reduce((n, f) => n + f.properties.count, 0)).toBe(manyTowns().events.length);
	});

	it('holds the cities only, with the figures the whole dataset gives', () => {
		const overview = overviewOf(published);
		expect(overview.outline.file.places.every((p) => p.id === p.properties.city)).toBe(true);
		expect(overview.outline.file.places.length).toBeLessThan(published.places.length);
		expect(overview.outline.eventCount).toBe(published.events.length);
		expect(overview.outline.maxCrowd).toBe(maxCrowd(published.events));
		expect(isOverview(JSON.parse(JSON.stringify(overview)))).toBe(true);
		expect(isOverview({ ...overview, version: 2 })).toBe(false);
		expect(isOverview(null)).toBe(false);
	});

	it('leaves the places out when there are too many cities for it to stay small, never the markers', () => {
		const towns = manyTowns();
		const overview = overviewOf({ ...towns, places: [...towns.places, ...extraCities(OVERVIEW_PLACES_MAX)] });
		expect(overview.outline.file.places).toEqual([]);
		expect(overview.cities.every((c) => c.features.length > 0)).toBe(true);
		expect(overviewOf(towns).outline.file.places).toHaveLength(towns.places.length);
	});

	it('is published beside the default dataset as the importer writes it', () => {
		const written = JSON.parse(readFileSync('static/data/belarus-2020-08.overview.json', 'utf8')) as unknown;
		expect(written).toEqual(JSON.parse(JSON.stringify(overviewOf(published))));
	});

	it('is written into the page for the index’s default dataset only, when it is small and whole', () => {
		const text = JSON.stringify(overviewOf(published));
		const slug = published.slug;
		expect(overviewToInline({ default: slug }, text)).toEqual(JSON.parse(text));
		// Another default, no default, no file, a broken file or too large a file: the page fetches it.
		expect(overviewToInline({ default: 'another' }, text)).toBeUndefined();
		expect(overviewToInline({}, text)).toBeUndefined();
		expect(overviewToInline({ default: slug }, undefined)).toBeUndefined();
		expect(overviewToInline({ default: slug }, text.slice(0, -1))).toBeUndefined();
		expect(overviewToInline({ default: slug }, JSON.stringify({ ...JSON.parse(text), version: 2 }))).toBeUndefined();
		const padded = text.replace(/}$/, `,"pad":"${'é'.repeat(INLINE_OVERVIEW_MAX_BYTES / 2)}"}`);
		expect(padded.length).toBeLessThan(INLINE_OVERVIEW_MAX_BYTES + text.length);
		expect(overviewToInline({ default: slug }, padded)).toBeUndefined();
	});
});
