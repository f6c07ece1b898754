/**
 * `npm run bench:formats`: what each way of publishing the same synthetic events costs: bytes,
 * gzipped bytes and the time to read what the map needs, in Node, on this machine, in one run.
 * Writes its table into docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetReadObjects } from 'hyparquet';
import { importCsv } from '../../../src/lib/data/import/run';
import { toParquet } from '../../../src/lib/data/parquet';
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
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

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
	`in Node ${process.version}. Details files are read one at a time, as panels ask; the time is for one file.`,
	table
);
