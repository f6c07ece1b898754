/**
 * Runs an import from text, a browser File or a Node stream: detects the format, streams CSV rows
 * through the importer, and reads JSON files record by record with their line numbers.
 */
import { readDataset, readGazetteer, readPublished, type Problem } from '../load';
import { PUBLISHED_FORMAT, PUBLISHED_VERSION, type PublishedDataset } from '../published';
import type { Place } from '../schema';
import { ACLED_REQUIRED, readAcledRow } from './acled';
import { CCC_REQUIRED, readCccRow } from './ccc';
import { headerDelimiter, readCsv } from './csv';
import { readGeoJsonFeature } from './geojson';
import {
	createImporter,
	type ImportFormat,
	type ImportOptions,
	type ImportReport,
	type RowDraft,
	type RowContext
} from './importer';
import { readJsonRecords } from './json-records';
import { fromSpreadsheetCell } from '../spreadsheet-cells';
import { isTimeZone } from '../time';

export interface ImportResult {
	dataset: PublishedDataset;
	report: ImportReport;
}

/** The format a file's first characters show: a CSV header's columns, or a JSON document's shape. */
export function detectFormat(head: string): ImportFormat | undefined {
	const text = head.replace(/^\uFEFF/, '').trimStart();
	if (text.startsWith('{') || text.startsWith('[')) {
		if (/"type"\s*:\s*"FeatureCollection"/.test(text) || /"features"\s*:/.test(text)) return 'geojson';
		if (text.includes(`"${PUBLISHED_FORMAT}"`) || /"gazetteer"\s*:/.test(text) || /"events"\s*:/.test(text))
			return 'atlas';
		return undefined;
	}
	const header = text.split(/\r?\n/, 1)[0]!.toLowerCase();
	const columns = new Set(header.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '')));
	if (columns.has('event_id_cnty') || (columns.has('event_type') && columns.has('sub_event_type'))) return 'acled';
	if (columns.has('size_low') || (columns.has('locality') && columns.has('claims'))) return 'ccc';
	return undefined;
}

type CsvRowReader = (row: Record<string, string>, ctx: RowContext) => RowDraft | undefined;
const CSV_FORMATS: Partial<Record<ImportFormat, { read: CsvRowReader; required: readonly string[] }>> = {
	acled: { read: readAcledRow, required: ACLED_REQUIRED },
	ccc: { read: readCccRow, required: CCC_REQUIRED }
};

export interface RunOptions extends ImportOptions {
	format: ImportFormat;
	/** Characters (or bytes) read so far. */
	onProgress?: (read: number) => void;
	/** Called with the run's abort function once it starts. */
	onStart?: (abort: () => void) => void;
	/** A CSV's delimiter, found from its first line; read from the text itself when it is text. */
	delimiter?: string;
	/** Reads another file by path, for a hand-authored dataset's gazetteer (command line only). */
	readFile?: (path: string) => string | undefined;
}

/** Imports a CSV from text, a File or a stream, one row at a time. */
export async function importCsv(
	input: string | Blob | NodeJS.ReadableStream,
	options: RunOptions
): Promise<ImportResult> {
	const placeSource = options.format === 'acled' ? 'ACLED' : 'Crowd Counting Consortium';
	const importer = createImporter(options.format, { placeSource, ...options });
	const spec = CSV_FORMATS[options.format];
	if (!spec) throw new Error(`${options.format} is not a CSV format`);
	const csvFormat = options.format as 'acled' | 'ccc';
	let columns: string[] = [];
	const run = readCsv(
		input,
		{
			header(names) {
				columns = names;
				const missing = spec.required.filter((c) => !names.includes(c));
				if (missing.length)
					importer.fail(
						'header',
						`expected the ${options.format.toUpperCase()} columns ${missing.join(', ')}, but they are missing`
					);
				return missing.length === 0;
			},
			row(fields, line) {
				if (fields.length !== columns.length)
					return importer.rejectRow(line, 'row', `expected ${columns.length} fields, got ${fields.length}`);
				const record: Record<string, string> = {};
				columns.forEach((name, i) => (record[name] = fromSpreadsheetCell(fields[i]!)));
				importer.add(line, (ctx) => withOrigin(spec.read(record, ctx), csvFormat, record));
			},
			broken(line, reason) {
				importer.rejectRow(line, 'row', reason);
			},
			progress: options.onProgress
		},
		options.delimiter ?? (typeof input === 'string' ? headerDelimiter(input.slice(0, 8192)) : ',')
	);
	options.onStart?.(run.abort);
	await run.done;
	return importer.finish();
}

/** Keeps the source row beside the event, its empty cells left out, for an export in its format. */
function withOrigin(draft: RowDraft | undefined, format: 'acled' | 'ccc', record: Record<string, string>) {
	if (!draft) return draft;
	const row = Object.fromEntries(Object.entries(record).filter(([column, value]) => column && value !== ''));
	draft.event.origin = { format, row };
	return draft;
}

/** Imports a GeoJSON FeatureCollection: each feature is a row, found on the line it starts. */
export function importGeoJson(text: string, options: RunOptions): ImportResult {
	const parsed = readJsonRecords(text, ['features']);
	const zone = 'root' in parsed ? (parsed.root as { time_zone?: unknown }).time_zone : undefined;
	const timeZone = options.timeZone ?? (typeof zone === 'string' && isTimeZone(zone) ? zone : undefined);
	const importer = createImporter('geojson', {
		placeSource: options.title,
		...options,
		...(timeZone ? { timeZone } : {})
	});
	if ('message' in parsed) importer.fail('file', `line ${parsed.line}: ${parsed.message}`);
	else if ((parsed.root as { type?: unknown })?.type !== 'FeatureCollection')
		importer.fail('type', 'expected a GeoJSON FeatureCollection');
	else for (const { value, line } of parsed.records) importer.add(line, (ctx) => readGeoJsonFeature(value, ctx));
	return importer.finish();
}

/** Imports the app's own JSON: a published dataset, or a hand-authored dataset with its gazetteer. */
export function importAtlas(text: string, options: RunOptions): ImportResult {
	const importer = createImporter('atlas', options);
	const parsed = readJsonRecords(text, ['events']);
	if ('message' in parsed) {
		importer.fail('file', `line ${parsed.line}: ${parsed.message}`);
		return importer.finish();
	}
	const root = parsed.root as { format?: unknown; gazetteer?: unknown };
	const file = options.file ?? 'dataset';
	let dataset: PublishedDataset | undefined;
	let problems: Problem[];
	if (root?.format === PUBLISHED_FORMAT) {
		const result = readPublished(parsed.root, file);
		dataset = result.dataset;
		problems = result.problems;
	} else {
		const gazetteerText = typeof root?.gazetteer === 'string' ? options.readFile?.(root.gazetteer) : undefined;
		if (gazetteerText === undefined) {
			importer.fail('gazetteer', `expected a readable gazetteer file, got ${JSON.stringify(root?.gazetteer ?? null)}`);
			return importer.finish();
		}
		const gazetteer = readGazetteer(JSON.parse(gazetteerText), String(root.gazetteer));
		const result = readDataset(parsed.root, file, gazetteer.places);
		problems = [...gazetteer.problems, ...result.problems];
		if (result.header)
			dataset = placesInUse(
				{
					slug: options.slug,
					title: options.title || result.header.name,
					description: options.description ?? result.header.description,
					timeZone: result.header.timeZone,
					bbox: result.header.bbox,
					dateRange: result.header.dateRange
				},
				gazetteer.places,
				result.events
			);
	}
	return atlasResult(importer, parsed.records, problems, dataset, options);
}

/** A published dataset holding only the places its events use, and their cities. */
function placesInUse(
	header: Pick<PublishedDataset, 'slug' | 'title' | 'description' | 'timeZone' | 'bbox' | 'dateRange'>,
	places: readonly Place[],
	events: PublishedDataset['events']
): PublishedDataset {
	const byId = new Map(places.map((p) => [p.id, p]));
	const used = new Set<string>();
	for (const event of events) {
		const place = byId.get(event.place);
		if (!place) continue;
		used.add(place.id);
		used.add(place.properties.city);
	}
	return {
		format: PUBLISHED_FORMAT,
		version: PUBLISHED_VERSION,
		...header,
		description: header.description,
		defaultLanguage: 'en',
		attribution: [],
		places: places.filter((p) => used.has(p.id)),
		events
	};
}

function atlasResult(
	importer: ReturnType<typeof createImporter>,
	records: { line: number }[],
	problems: Problem[],
	dataset: PublishedDataset | undefined,
	options: RunOptions
): ImportResult {
	const rejectedEvents = new Set<number>();
	for (const problem of problems) {
		const isEvent = problem.record?.startsWith('event') && problem.index !== undefined;
		if (isEvent) rejectedEvents.add(problem.index!);
		const line = isEvent ? (records[problem.index!]?.line ?? 1) : 1;
		importer.rejectRow(line, [problem.record, problem.field].filter(Boolean).join(' › ') || 'file', problem.message);
	}
	const base = importer.finish();
	const events = dataset?.events ?? [];
	const rowsRead = records.length;
	const report: ImportReport = {
		...base.report,
		rowsRead,
		imported: events.length,
		rejected: rowsRead - events.length
	};
	if (!dataset) return { dataset: base.dataset, report };
	return {
		dataset: {
			...dataset,
			slug: options.slug,
			title: options.title || dataset.title,
			provenance: {
				format: 'atlas',
				...(options.file ? { file: options.file } : {}),
				rowsRead,
				imported: events.length,
				rejected: report.rejected
			}
		},
		report
	};
}

/** Imports text of any format: the one given, else the one the text shows. */
export async function importText(
	text: string,
	options: Omit<RunOptions, 'format'> & { format?: ImportFormat }
): Promise<ImportResult> {
	const format = options.format ?? detectFormat(text.slice(0, 8192));
	if (!format)
		throw new Error('The file is not a format Protest Atlas reads: an ACLED or CCC CSV, GeoJSON, or an atlas dataset.');
	const run = { ...options, format };
	if (format === 'geojson') return importGeoJson(text, run);
	if (format === 'atlas') return importAtlas(text, run);
	return importCsv(text, run);
}
