/**
 * `npm run tiles -- <file or slug> --name <slug> [--title "…"] [--out static/data] [--format acled|ccc]
 * [--encoding utf-8|cp1251|latin1] [--gazetteer geo/places.geojson] [--max-zoom 10] [--strict] [--memory 2GB]`
 *
 * Publishes a dataset too large for a browser to hold as a tiled dataset: `<slug>.pmtiles` (the
 * markers, a cell's figures per day), `<slug>.events.parquet` (every event, sorted by place, for the
 * panels) and `<slug>.tiles.json` (the key's and timeline's counts), listed in `<out>/index.json`.
 * The input is an ACLED or CCC CSV, a Parquet file in the published columns, or the slug of a
 * published dataset (its Parquet). Rows are streamed through the importer into DuckDB, never all
 * held: the report is the importer's (`line N: field: reason`, a Parquet's rows numbered from 1,
 * then `N rows read, M imported, K rejected`). Exit status as for `npm run import`.
 *
 * `npm run tiles -- --aggregated <folder> --name <slug> [--time-zone <zone>]` tiles another engine's
 * aggregation as it is: place_days, places and spans as Parquet, and events.parquet sorted by place
 * (docs/tiles.md shows the SQL, for Spark SQL or Trino over published Parquet).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { reportLines, summaryLine } from '../import/importer';
import { readGazetteer } from '../load';
import { isEncoding } from '../import/decode';
import { writeTogether } from '../import/write-together';
import { withListing, type DatasetIndex } from '../published-shape';
import { SLUG_PATTERN } from '../vocabulary';
import { buildTiles } from './build';
import { loadRows, type RowSource } from './load-rows';

const USAGE =
	'usage: npm run tiles -- (<file or slug> | --aggregated <folder>) --name <slug> [--title "…"] [--out <dir>] [--format acled|ccc] [--encoding utf-8|cp1251|latin1] [--gazetteer <file>] [--max-zoom <n>] [--strict] [--memory <size>]';

function parseArgs(argv: string[]) {
	const args: Record<string, string | true> = {};
	const inputs: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') continue;
		if (arg === '--strict') args.strict = true;
		else if (arg.startsWith('--')) {
			const value = argv[++i];
			if (value === undefined) throw new Error(`${arg} needs a value`);
			args[arg.slice(2)] = value;
		} else inputs.push(arg);
	}
	return { args, inputs };
}

/** Progress on stderr: a line rewritten in place on a terminal, a line per stage elsewhere. */
function progress(text: string, stage = false) {
	if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}${stage ? '\n' : ''}`);
	else if (stage) process.stderr.write(`${text}\n`);
}

function inputOf(input: string, out: string): Pick<RowSource, 'file' | 'kind'> {
	if (existsSync(input)) return { file: input, kind: /\.parquet$/i.test(input) ? 'parquet' : 'csv' };
	const published = path.join(out, `${input}.parquet`);
	if (SLUG_PATTERN.test(input) && existsSync(published)) return { file: published, kind: 'parquet' };
	throw new Error(`${input} is neither a file nor a published dataset in ${out}`);
}

async function main(): Promise<number> {
	const { args, inputs } = parseArgs(process.argv.slice(2));
	const slug = typeof args.name === 'string' ? args.name : undefined;
	const aggregated = typeof args.aggregated === 'string' ? args.aggregated : undefined;
	if (inputs.length !== (aggregated ? 0 : 1) || !slug) {
		console.error(USAGE);
		return 1;
	}
	if (!SLUG_PATTERN.test(slug)) throw new Error(`--name ${slug}: expected lower-case letters, digits and hyphens`);
	const out = typeof args.out === 'string' ? args.out : 'static/data';
	const format = args.format === 'acled' || args.format === 'ccc' ? args.format : undefined;
	const encoding = typeof args.encoding === 'string' && isEncoding(args.encoding) ? args.encoding : undefined;
	const maxZoom = Number(args['max-zoom'] ?? 10);
	if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 14) throw new Error('--max-zoom: expected 1 to 14');
	const title = typeof args.title === 'string' ? args.title : slug;
	const input = aggregated ? undefined : inputOf(inputs[0]!, out);
	// Rows without coordinates are found by name, as `npm run import` finds them.
	const gazetteerPath = typeof args.gazetteer === 'string' ? args.gazetteer : 'geo/places.geojson';
	const gazetteer = existsSync(gazetteerPath)
		? readGazetteer(JSON.parse(readFileSync(gazetteerPath, 'utf8')), gazetteerPath).places
		: undefined;
	mkdirSync(out, { recursive: true });

	const work = mkdtempSync(path.join(tmpdir(), 'atlas-tiles-'));
	const suffix = `.importing-${process.pid}`;
	const archiveFile = path.join(out, `${slug}.pmtiles${suffix}`);
	const detailsFile = path.join(out, `${slug}.events.parquet${suffix}`);
	const started = Date.now();
	try {
		// On disk, with a memory limit: DuckDB spills what does not fit rather than holding every row.
		const instance = await DuckDBInstance.create(path.join(work, 'tiles.duckdb'), {
			memory_limit: typeof args.memory === 'string' ? args.memory : '2GB',
			temp_directory: path.join(work, 'spill'),
			preserve_insertion_order: 'false'
		});
		const connection = await instance.connect();
		const read = input
			? await loadRows(connection, {
					...input,
					...(format ? { format } : {}),
					...(encoding ? { encoding } : {}),
					slug,
					title,
					...(gazetteer ? { gazetteer } : {}),
					onProgress: (rows) => progress(`read ${rows.toLocaleString('en')} rows`)
				})
			: undefined;
		if (read) {
			const { report } = read;
			progress(`read ${report.rowsRead.toLocaleString('en')} rows in ${seconds(started)}`, true);
			for (const line of reportLines(report)) console.log(line);
			if (report.imported === 0 || (args.strict && report.rejected > 0)) {
				console.log(summaryLine(report));
				return 1;
			}
		}
		const report = read?.report;
		const summary = await buildTiles(connection, {
			slug,
			title,
			minZoom: 0,
			maxZoom,
			tilesFile: path.join(work, 'tiles.bin'),
			timeZone: read?.timeZone ?? (typeof args['time-zone'] === 'string' ? args['time-zone'] : 'UTC'),
			...(aggregated ? { aggregated } : {}),
			archiveFile,
			detailsFile,
			attribution: [
				report?.format === 'ccc' ? 'Crowd Counting Consortium' : report?.format === 'acled' ? 'ACLED' : title
			],
			onZoom: (zoom, tiles) => progress(`zoom ${zoom}: ${tiles.toLocaleString('en')} tiles (${seconds(started)})`, true)
		});
		connection.closeSync();
		instance.closeSync();
		const indexPath = path.join(out, 'index.json');
		const list = withListing(
			existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as DatasetIndex) : undefined,
			{ slug, title, from: summary.days[0]!, to: summary.days.at(-1)!, events: summary.events, tiles: true }
		);
		renameSync(archiveFile, path.join(out, summary.archive));
		renameSync(detailsFile, path.join(out, summary.details));
		writeTogether(
			out,
			[
				{ path: `${slug}.tiles.json`, data: `${JSON.stringify(summary)}\n` },
				{ path: 'index.json', data: `${JSON.stringify(list, null, '\t')}\n` }
			],
			'index.json'
		);
		console.log(
			`wrote ${path.join(out, summary.archive)}, ${summary.details} and ${slug}.tiles.json in ${seconds(started)}`
		);
		// maxRSS is in KiB: the process's peak, DuckDB's memory included, as it runs in it.
		progress(`peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`, true);
		if (report) console.log(summaryLine(report));
		return 0;
	} finally {
		rmSync(work, { recursive: true, force: true });
		rmSync(archiveFile, { force: true });
		rmSync(detailsFile, { force: true });
	}
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
);
