import dataset from '$geo/events/belarus-2020-08.json';
import gazetteer from '$geo/places.geojson?raw';
import { buildAtlasData } from '$lib/data/atlas-data';
import type { PageLoad } from './$types';

/** The embedded default dataset, validated at build time and again in the browser. */
export const load: PageLoad = () =>
	buildAtlasData(JSON.parse(gazetteer), dataset, {
		gazetteer: 'geo/places.geojson',
		dataset: 'geo/events/belarus-2020-08.json'
	});
