// Builds geo/basemap/world.geojson: Natural Earth 1:110m countries (world-atlas), the offline
// basemap's land beyond Belarus's region, so that imported data anywhere has a map beneath it.
// Run with `npm run geo:world`; the output is small and committed.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const geoDir = path.dirname(fileURLToPath(import.meta.url));
const sourcesDir = path.join(geoDir, 'sources');
if (!existsSync(path.join(sourcesDir, 'node_modules'))) {
	console.log('Installing the basemap sources into geo/sources …');
	execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: sourcesDir, stdio: 'inherit' });
}
const requireSource = createRequire(path.join(sourcesDir, 'package.json'));
const topojson = requireSource('topojson-client');
const topology = requireSource('world-atlas/countries-110m.json');

const round = (n) => Math.round(n * 1e2) / 1e2;
const roundCoords = (value) => (typeof value[0] === 'number' ? value.map(round) : value.map(roundCoords));
const features = topojson
	.feature(topology, topology.objects.countries)
	.features.filter((f) => f.geometry)
	.map((f) => ({
		type: 'Feature',
		properties: { name: f.properties.name },
		geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) }
	}));
writeFileSync(
	path.join(geoDir, 'basemap', 'world.geojson'),
	JSON.stringify({ type: 'FeatureCollection', features }) + '\n'
);
console.log(`world: ${features.length} countries`);
