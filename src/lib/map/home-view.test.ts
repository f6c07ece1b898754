import { describe, expect, it } from 'vitest';
import { placeFixture } from '$lib/data/fixtures/factories';
import type { Place } from '$lib/data/schema';
import { BELARUS_BOUNDS } from './basemap-style';
import { citiesOnMap, homeView } from './home-view';

const place = (id: string, city: string, kind: string, coordinates: [number, number]) =>
	placeFixture({ id, geometry: { type: 'Point', coordinates } }, { city, kind }) as unknown as Place;
const city = (id: string, coordinates: [number, number]) => place(id, id, 'city', coordinates);

describe('the home view', () => {
	const cities = citiesOnMap([
		city('grodno', [23.83, 53.69]),
		city('gomel', [30.98, 52.43]),
		city('novopolotsk', [28.65, 55.53]),
		city('brussels', [4.35, 50.85]),
		place('pushkinskaya', 'minsk', 'metro station', [27.5, 53.91])
	]);

	it('spans the cities on the basemap, not those far abroad nor places within a city', () => {
		expect(cities).toEqual([23.83, 52.43, 30.98, 55.53]);
	});

	it('is all of Belarus on a wide map, and the cities on a tall one', () => {
		const extent: [number, number, number, number] = [24, 52, 30, 55];
		expect(homeView(extent, cities, { width: 1280, height: 800 }).bounds).toEqual(BELARUS_BOUNDS);
		expect(homeView(extent, cities, { width: 390, height: 635 })).toMatchObject({ bounds: cities });
	});

	it('is the data’s own extent, padded, for data beyond the basemap', () => {
		const { bounds } = homeView([-10, 40, 10, 50], undefined, { width: 390, height: 635 });
		expect(bounds).toEqual([-11, 39, 11, 51]);
	});
});
