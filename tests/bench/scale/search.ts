/**
 * `npm run bench:search`: place search over 100,000 places, in Node: the first query (which builds
 * the index), preparing the index ahead of it, then queries typed letter by letter. Writes its table into docs/benchmarks.md.
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

const timed = (run: () => unknown) => {
	const start = performance.now();
	run();
	return performance.now() - start;
};
const first = timed(() => createGeocoder(places).suggest('Pushkinskaya 120'));
// The app prepares the index in its worker when the search box is focused.
const geocoder = createGeocoder(places);
const prepared = timed(() => geocoder.prepare());
const firstAfterPrepare = timed(() => geocoder.suggest('Pushkinskaya 120'));
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
	`| the first query, unprepared: it keys every name and builds the letter-triple index | ${ms(first)} |`,
	`| preparing (keying and indexing), in the worker when the search box is focused | ${ms(prepared)} |`,
	`| the first query once prepared | ${ms(firstAfterPrepare)} |`,
	`| a query as the reader types: median | ${ms(at(0.5))} |`,
	`| a query as the reader types: slowest of ${typed.length} | ${ms(typed.at(-1)!)} |`
].join('\n');
console.log(table);
await writeDocBlock('search', 'Finding a place among 100,000', `In Node ${process.version}.`, table);
