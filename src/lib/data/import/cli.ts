/**
 * `npm run import -- <file> [--format acled|ccc|geojson|atlas] [--name <slug>] [--title "…"]
 * [--strict] [--out static/data] [--gazetteer geo/places.geojson] [--generalise <km> [--all]]`
 *
 * `--generalise <km>` snaps the coordinates of rows marked sensitive (a `sensitive` column or
 * property), or of every row with `--all`, to the centre of a grid cell `km` wide.
 *
 * Writes a published dataset (`<out>/<slug>.json`, with `<out>/<slug>.details/` when it is large, and
 * `<out>/<slug>.parquet` for research tools) and lists it in `<out>/index.json`. Prints
 * every rejected row and warning as `line N: field: reason`, then `N rows read, M imported, K rejected`.
 * Exit status 0 when at least one row was imported; 1 when none was, or with --strict and any rejection.
 */
import {
	closeSync,
	createReadStream,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { readGazetteer } from '../load';
import { toParquet } from '../parquet';
import { listingOf, publishedFiles, type DatasetIndex } from '../published';
import { headerDelimiter } from './csv';
import { IMPORT_FORMATS, formatIssue, slugify, summaryLine, type ImportFormat } from './importer';
import { detectFormat, importAtlas, importCsv, importGeoJson, type ImportResult, type RunOptions } from './run';

const USAGE =
	'usage: npm run import -- <file> [--format acled|ccc|geojson|atlas] [--name <slug>] [--title "…"] [--strict] [--out <dir>] [--gazetteer <file>] [--default] [--generalise <km> [--all]]';

function parseArgs(argv: string[]) {
	const args: Record<string, string | boolean> = {};
	const files: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') continue;
		if (arg === '--strict' || arg === '--default' || arg === '--all') args[arg.slice(2)] = true;
		else if (arg.startsWith('--')) {
			const value = argv[++i];
			if (value === undefined) throw new Error(`${arg} needs a value`);
			args[arg.slice(2)] = value;
		} else files.push(arg);
	}
	return { args, files };
}

/** A bar on stderr, only on a terminal and only for a file big enough to wait for. */
function progressBar(total: number): (done: number) => void {
	if (!process.stderr.isTTY || total < 5_000_000) return () => undefined;
	let last = -1;
	return (done) => {
		const percent = Math.min(100, Math.floor((done / total) * 100));
		if (percent === last) return;
		last = percent;
		const width = 30;
		const filled = Math.round((percent / 100) * width);
		process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent}%`);
		if (percent === 100) process.stderr.write('\n');
	};
}

/** The first few kilobytes of a file, enough to tell its format, without reading it all. */
function readHead(file: string): string {
	const fd = openSync(file, 'r');
	try {
		const buffer = Buffer.alloc(8192);
		const bytes = readSync(fd, buffer, 0, buffer.length, 0);
		return buffer.subarray(0, bytes).toString('utf8');
	} finally {
		closeSync(fd);
	}
}

async function main(): Promise<number> {
	const { args, files } = parseArgs(process.argv.slice(2));
	const file = files[0];
	if (!file || files.length > 1) {
		console.error(USAGE);
		return 1;
	}
	if (!existsSync(file)) {
		console.error(`${file}: no such file`);
		return 1;
	}
	const head = readHead(file);
	const format = (args.format as ImportFormat | undefined) ?? detectFormat(head);
	if (!format || !IMPORT_FORMATS.includes(format)) {
		console.error(`${file}: cannot tell the format; give --format ${IMPORT_FORMATS.join('|')}`);
		return 1;
	}
	const slug = typeof args.name === 'string' ? args.name : slugify(path.basename(file).replace(/\.[^.]+$/, ''));
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
		console.error(`--name: expected a slug of lower-case letters, digits and hyphens, got "${slug}"`);
		return 1;
	}
	const gazetteerPath = typeof args.gazetteer === 'string' ? args.gazetteer : 'geo/places.geojson';
	const gazetteer = existsSync(gazetteerPath)
		? readGazetteer(JSON.parse(readFileSync(gazetteerPath, 'utf8')), gazetteerPath).places
		: [];
	const km = typeof args.generalise === 'string' ? Number(args.generalise) : undefined;
	if (km !== undefined && !(km > 0)) {
		console.error(`--generalise: expected a number of kilometres > 0, got "${String(args.generalise)}"`);
		return 1;
	}
	const size = statSync(file).size;
	const progress = progressBar(size);
	const options: RunOptions = {
		format,
		slug,
		title: typeof args.title === 'string' ? args.title : slug,
		gazetteer,
		file: path.basename(file),
		readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
		delimiter: headerDelimiter(head),
		...(km ? { generalise: { km, all: args.all === true } } : {})
	};
	let result: ImportResult;
	if (format === 'acled' || format === 'ccc') {
		const stream = createReadStream(file, { encoding: 'utf8' });
		let bytes = 0;
		stream.on('data', (chunk) => progress((bytes += Buffer.byteLength(chunk))));
		result = await importCsv(stream, options);
		progress(size);
	} else {
		const text = readFileSync(file, 'utf8');
		result = format === 'geojson' ? importGeoJson(text, options) : importAtlas(text, options);
	}
	const { dataset, report } = result;
	for (const issue of report.rejections) console.log(formatIssue(issue));
	for (const issue of report.warnings) console.log(`${formatIssue(issue)} (warning)`);

	if (report.imported > 0) {
		const out = typeof args.out === 'string' ? args.out : 'static/data';
		mkdirSync(out, { recursive: true });
		// Details from an earlier publication of the same slug must not outlive it.
		rmSync(path.join(out, `${slug}.details`), { recursive: true, force: true });
		for (const { path: relative, text } of publishedFiles(dataset)) {
			mkdirSync(path.dirname(path.join(out, relative)), { recursive: true });
			writeFileSync(path.join(out, relative), text);
		}
		// The same events for research tools, which open Parquet as it is.
		writeFileSync(
			path.join(out, `${slug}.parquet`),
			Buffer.from(toParquet(dataset.events, dataset.places, dataset.timeZone))
		);
		const indexPath = path.join(out, 'index.json');
		const index: DatasetIndex = existsSync(indexPath)
			? (JSON.parse(readFileSync(indexPath, 'utf8')) as DatasetIndex)
			: { default: slug, datasets: [] };
		index.datasets = [...index.datasets.filter((d) => d.slug !== slug), listingOf(dataset)].sort((a, b) =>
			a.slug.localeCompare(b.slug)
		);
		if (args.default) index.default = slug;
		writeFileSync(indexPath, `${JSON.stringify(index, null, '\t')}\n`);
		console.log(`wrote ${path.join(out, `${slug}.json`)}`);
	}
	console.log(summaryLine(report));
	if (report.imported === 0) return 1;
	return args.strict && report.rejected > 0 ? 1 : 0;
}

main().then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	}
);
