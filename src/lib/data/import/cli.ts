/**
 * `npm run import -- <file> [--format acled|ccc|geojson|atlas] [--name <slug>] [--title "…"]
 * [--strict] [--out static/data] [--gazetteer geo/places.geojson] [--generalise <km> [--all]]
 * [--encoding utf-8|cp1251|latin1] [--date-order dmy|mdy]`
 *
 * An import completes or changes nothing: what it would publish is first checked against the
 * same schema as `npm run validate`, then written to temporary files that are moved into place
 * together, the index last.
 *
 * `--generalise <km>` snaps the coordinates of rows marked sensitive (a `sensitive` column or
 * property), or of every row with `--all`, to the centre of a grid cell `km` wide.
 *
 * Writes a published dataset (`<out>/<slug>.json`, with `<out>/<slug>.details/` when it is large, and
 * `<out>/<slug>.parquet` for research tools) and lists it in `<out>/index.json`. Prints
 * every rejected row and warning as `line N: field: reason`, then `N rows read, M imported, K rejected`.
 * Exit status 0 when at least one row was imported; 1 when none was, or with --strict and any rejection.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { readGazetteer } from '../load';
import { toParquet } from '../parquet';
import { listingOf, publishedFiles, type DatasetIndex } from '../published';
import { withListing, type PublishedIndexFile } from '../published-shape';
import { overviewOf } from '../view/build-overview';
import { validateFiles } from '../validate-files';
import { DATE_ORDERS, type DateOrder } from './dates';
import { isEncoding, type Encoding } from './decode';
import { IMPORT_FORMATS, reportLines, slugify, summaryLine, type ImportFormat } from './importer';
import { importFile, type FileOptions, type ImportSource } from './run';
import { writeTogether } from './write-together';

const USAGE =
	'usage: npm run import -- <file> [--format acled|ccc|geojson|atlas] [--name <slug>] [--title "…"] [--strict] [--out <dir>] [--gazetteer <file>] [--default] [--generalise <km> [--all]] [--encoding utf-8|cp1251|latin1] [--date-order dmy|mdy]';

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

/** A file on disk as an import source, read in chunks. */
function fileSource(file: string): ImportSource {
	return {
		name: path.basename(file),
		size: statSync(file).size,
		async head() {
			const handle = await open(file, 'r');
			try {
				const buffer = Buffer.alloc(8192);
				const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
				return buffer.subarray(0, bytesRead);
			} finally {
				await handle.close();
			}
		},
		chunks: () => createReadStream(file, { highWaterMark: 1 << 20 })
	};
}

async function main(): Promise<number> {
	const { args, files } = parseArgs(process.argv.slice(2));
	const file = files[0];
	if (!file || files.length > 1) {
		console.error(USAGE);
		return 1;
	}
	if (!existsSync(file) || !statSync(file).isFile()) {
		console.error(`${file}: no such file`);
		return 1;
	}
	const format = args.format as ImportFormat | undefined;
	if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
		console.error(`--format: expected ${IMPORT_FORMATS.join(', ')}, got "${String(args.format)}"`);
		return 1;
	}
	const encoding = args.encoding as Encoding | undefined;
	if (encoding !== undefined && !isEncoding(encoding)) {
		console.error(`--encoding: expected utf-8, cp1251 or latin1, got "${String(args.encoding)}"`);
		return 1;
	}
	const dateOrder = args['date-order'] as DateOrder | undefined;
	if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder)) {
		console.error(`--date-order: expected dmy (15/08/2020) or mdy (08/15/2020), got "${String(args['date-order'])}"`);
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
	const source = fileSource(file);
	const progress = progressBar(source.size);
	const folder = path.dirname(path.resolve(file));
	const options: FileOptions = {
		...(format ? { format } : {}),
		...(encoding ? { encoding } : {}),
		...(dateOrder ? { dateOrder } : {}),
		slug,
		title: typeof args.title === 'string' ? args.title : slug,
		gazetteer,
		file: path.basename(file),
		// A dataset's gazetteer, by a path that gazetteerPathProblem has held inside its folder.
		readFile: (named) => {
			const target = path.resolve(folder, named);
			if (path.relative(folder, target).startsWith('..') || !existsSync(target) || !statSync(target).isFile())
				return undefined;
			return readFileSync(target, 'utf8');
		},
		onProgress: progress,
		...(km ? { generalise: { km, all: args.all === true } } : {})
	};
	const result = await importFile(source, options);
	progress(source.size);
	const { dataset, report } = result;
	for (const line of reportLines(report)) console.log(line);

	if (report.imported > 0) {
		const out = typeof args.out === 'string' ? args.out : 'static/data';
		const files: { path: string; data: string | Uint8Array }[] = publishedFiles(dataset).map((f) => ({
			path: f.path,
			data: f.text
		}));
		// What the first view draws, for the page to show while its worker reads the whole index.
		const index = files.find((f) => f.path === `${slug}.json`)!;
		const overview = overviewOf(JSON.parse(index.data as string) as PublishedIndexFile);
		files.push({ path: `${slug}.overview.json`, data: `${JSON.stringify(overview)}\n` });
		// The same events for research tools, which open Parquet as it is.
		files.push({
			path: `${slug}.parquet`,
			data: new Uint8Array(toParquet(dataset.events, dataset.places, dataset.timeZone))
		});
		const indexPath = path.join(out, 'index.json');
		const list = withListing(
			existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as DatasetIndex) : undefined,
			listingOf(dataset)
		);
		if (args.default) list.default = slug;
		files.push({ path: 'index.json', data: `${JSON.stringify(list, null, '\t')}\n` });
		// What would be published passes the validator's own checks, or nothing is written.
		const texts = new Map<string, string>();
		for (const f of files) if (typeof f.data === 'string') texts.set(`${out}/${f.path}`, f.data);
		const check = validateFiles([`${out}/${slug}.json`], (name) => texts.get(name.replace(/\\/g, '/')));
		if (check.errors > 0) {
			for (const line of check.lines) console.log(line);
			console.log(summaryLine(report));
			console.error('The dataset does not pass validation, so nothing was written.');
			return 1;
		}
		mkdirSync(out, { recursive: true });
		writeTogether(out, files, 'index.json');
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
