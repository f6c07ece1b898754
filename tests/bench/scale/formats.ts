/**
 * `npm run bench:formats`: what each way of publishing the same synthetic events costs: bytes,
 * gzipped bytes and the time to read what the map needs, in Node, on this machine, in one run.
 * Writes its table into docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { geojson as flatGeobuf } from 'flatgeobuf';
import type { FeatureCollection, Point } from 'geojson';
import { parquetReadObjects } from 'hyparquet';
import { toGeoJson } from '../../../src/lib/data/export';
import { importCsv } from '../../../src/lib/data/import/run';
import { PARQUET_COLUMNS, toParquet } from '../../../src/lib/data/parquet';
import { publishedFiles } from '../../../src/lib/data/published';
import { writeDocBlock } from './doc-block';
import { writeSyntheticAcled } from './synthetic';

const root = path.resolve(import.meta.dirname, '../../..');
const SIZE = Number(process.env.BENCH_FORMAT_SIZE ?? 100_000);
const INDEX_COLUMNS = [
	'id',
	'date',
	'end',
	'type',
	'status',
	'stance',
	'size_low',
	'size_high',
	'longitude',
	'latitude'
];

function median(times: number[]): number {
	return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
function time(run: () => unknown, rounds = 5): number {
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	return median(times);
}
async function timeAsync(run: () => Promise<unknown>, rounds = 5): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const start = performance.now();
		await run();
		times.push(performance.now() - start);
	}
	return median(times);
}
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const work = path.join(root, '.bench');
mkdirSync(work, { recursive: true });
const csv = path.join(work, `synthetic-${SIZE}.csv`);
if (!existsSync(csv)) await writeSyntheticAcled(csv, SIZE);
const { dataset } = await importCsv(readFileSync(csv, 'utf8'), {
	format: 'acled',
	slug: 'synthetic',
	title: 'Synthetic'
});

const whole = publishedFiles(dataset, { splitFrom: Infinity })[0]!.text;
const split = publishedFiles(dataset);
const index = split[0]!.text;
const details = split.slice(1).map((f) => f.text);
const parquet = toParquet(dataset.events, dataset.places, dataset.timeZone);

// The same rows and columns as the Parquet file, for the other columnar candidates.
const placeById = new Map(dataset.places.map((p) => [p.id, p]));
const features = toGeoJson(dataset.events, dataset.places, dataset.timeZone).features.map((feature, i) => {
	const { names, ...rest } = feature.properties as Record<string, unknown>;
	return {
		type: 'Feature' as const,
		geometry: placeById.get(dataset.events[i]!.place)!.geometry,
		properties: { ...rest, names: names === undefined ? null : JSON.stringify(names) }
	};
});
const columnOf = (name: string, type: string): unknown[] =>
	features.map((f) =>
		name === 'longitude' || name === 'latitude'
			? f.geometry.coordinates[name === 'longitude' ? 0 : 1]
			: ((f.properties as Record<string, unknown>)[name] ?? (type === 'STRING' || type === 'JSON' ? null : undefined))
	);
// Arrow JS makes strings dictionary-encoded and numbers Float64; nulls stay nulls.
const arrow = tableToIPC(
	tableFromArrays(
		Object.fromEntries(
			PARQUET_COLUMNS.map(([name, type]) => {
				const values = columnOf(name, type);
				if (type === 'STRING' || type === 'JSON') return [name, values.map((v) => (v == null ? null : String(v)))];
				if (type === 'BOOLEAN') return [name, values.map((v) => (v == null ? null : Boolean(v)))];
				return [name, Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN))];
			})
		) as Parameters<typeof tableFromArrays>[0]
	),
	'file'
);
const readArrowColumns = () => {
	const table = tableFromIPC(arrow);
	return INDEX_COLUMNS.map((name) => table.getChild(name)?.toArray());
};
const fgb = flatGeobuf.serialize({
	type: 'FeatureCollection',
	features: features.map((f) => ({
		...f,
		properties: Object.fromEntries(Object.entries(f.properties).filter(([, v]) => v !== undefined && v !== null))
	}))
} as FeatureCollection<Point>);

const rows = [
	['one JSON file (format version 1)', whole.length, gzipSync(whole).length, time(() => JSON.parse(whole), 3)],
	['JSON index, as the app reads it', index.length, gzipSync(index).length, time(() => JSON.parse(index))],
	[
		`JSON details, ${details.length} files`,
		details.reduce((n, t) => n + t.length, 0),
		details.reduce((n, t) => n + gzipSync(t).length, 0),
		time(() => JSON.parse(details[0]!))
	],
	[
		'Parquet, every column (the map’s columns read)',
		parquet.byteLength,
		gzipSync(Buffer.from(parquet)).length,
		await timeAsync(() => parquetReadObjects({ file: parquet, columns: INDEX_COLUMNS }))
	],
	[
		'Arrow IPC file, every column (the map’s columns read)',
		arrow.byteLength,
		gzipSync(arrow).length,
		time(readArrowColumns)
	],
	[
		'FlatGeobuf, every column (whole features read)',
		fgb.byteLength,
		gzipSync(fgb).length,
		await timeAsync(async () => {
			const read = [];
			for await (const feature of flatGeobuf.deserialize(fgb)) read.push(feature);
			if (read.length !== features.length) throw new Error('FlatGeobuf lost features');
		}, 3)
	]
] as const;

const table = [
	`| ${SIZE.toLocaleString('en-GB')} synthetic events | bytes | gzipped | read what the map needs (median) |`,
	'|---|---|---|---|',
	...rows.map(
		([name, bytes, gz, ms]) =>
			`| ${name} | ${mb(bytes)} | ${mb(gz)} | ${ms < 1 ? '< 1' : Math.round(ms).toLocaleString('en-GB')} ms |`
	)
].join('\n');
console.log(table);
await writeDocBlock(
	'formats',
	'How to publish the events: bytes and reading time of each format',
	`In Node ${process.version}. Details files are read one at a time, as panels ask; the time is for one file.`,
	table
);
