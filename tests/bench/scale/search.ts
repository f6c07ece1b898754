/**
 * `npm run bench:search`: place search over 100,000 places, in Node: the first query (which builds
 * the index), then queries typed letter by letter. Writes its table into docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGeocoder } from '../../../src/lib/data/geocoder';
import { readGazetteer } from '../../../src/lib/data/load';
import type { Place } from '../../../src/lib/data/schema';
import { writeDocBlock } from './doc-block';

const root = path.resolve(import.meta.dirname, '../../..');
const COUNT = 100_000;
// The gazetteer's own names, numbered, so that keys are realistic and distinct.
const gazetteer = readGazetteer(JSON.parse(readFileSync(path.join(root, 'geo/places.geojson'), 'utf8')), 'geo').places;
const places: Place[] = Array.from({ length: COUNT }, (_, i) => {
	const base = gazetteer[i % gazetteer.length]!;
	const n = Math.floor(i / gazetteer.length);
	const names = Object.fromEntries(Object.entries(base.properties.names).map(([lang, name]) => [lang, `${name} ${n}`]));
	return { ...base, id: `${base.id}-${n}`, properties: { ...base.properties, names, aliases: [], city: base.id } };
});

const geocoder = createGeocoder(places);
const start = performance.now();
geocoder.suggest('Pushkinskaya 120');
const first = performance.now() - start;
const typed: number[] = [];
for (const query of [
	'Пушкінская 1203',
	'Nezalezhnasci 77',
	'Uruchcha',
	'Grodno 9',
	'Zhodzino 450',
	'Kastrychnitskaja 31'
]) {
	for (let end = 1; end <= query.length; end++) {
		const t = performance.now();
		geocoder.suggest(query.slice(0, end));
		typed.push(performance.now() - t);
	}
}
typed.sort((a, b) => a - b);
const at = (q: number) => typed[Math.min(typed.length - 1, Math.floor(q * typed.length))]!;
const ms = (n: number) => `${n < 1 ? '< 1' : Math.round(n).toLocaleString('en-GB')} ms`;
const table = [
	`| ${COUNT.toLocaleString('en-GB')} places (${(places.length * 4).toLocaleString('en-GB')} names) | time |`,
	'|---|---|',
	`| the first query, which keys every name and builds the letter-triple index | ${ms(first)} |`,
	`| a query as the reader types: median | ${ms(at(0.5))} |`,
	`| a query as the reader types: slowest of ${typed.length} | ${ms(typed.at(-1)!)} |`
].join('\n');
console.log(table);
await writeDocBlock('search', `in Node ${process.version}.`, table);
