/**
 * Runs an import from text, a browser File or a Node stream: detects the format, streams CSV rows
 * through the importer, and reads JSON files record by record with their line numbers.
 */
import { readDataset, readGazetteer, readPublished, type Problem } from '../load';
import { PUBLISHED_FORMAT, PUBLISHED_VERSION, type PublishedDataset } from '../published';
import type { Place } from '../schema';
import { ACLED_REQUIRED, readAcledRow } from './acled';
import { CCC_REQUIRED, readCccRow } from './ccc';
import { headerDelimiter, readCsv, type CsvHandlers } from './csv';
import { decodeChunks, ENCODINGS, NotText, type Encoding } from './decode';
import { isRecord, kindOf, quoted } from '../file-values';
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
import { gazetteerPathProblem } from '../gazetteer-path';
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
		// Our own format says so; its places are GeoJSON Features, so it is told first.
		if (text.includes(`"${PUBLISHED_FORMAT}"`)) return 'atlas';
		if (/"type"\s*:\s*"Feature(?:Collection)?"/.test(text) || /"features"\s*:/.test(text)) return 'geojson';
		if (/"gazetteer"\s*:/.test(text) || /"events"\s*:/.test(text)) return 'atlas';
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
	/** Characters read so far. */
	onProgress?: (read: number) => void;
	/** A CSV's delimiter, found from its first line when unset. */
	delimiter?: string;
	/** Reads a file the dataset names (its gazetteer), by a path relative to the dataset's own folder. */
	readFile?: (path: string) => string | undefined;
}

/** A file to import, however it is held: its first bytes, to tell its format, and all its bytes in chunks. */
export interface ImportSource {
	name: string;
	size: number;
	head(): Promise<Uint8Array>;
	chunks(): AsyncIterable<Uint8Array>;
}

const HEAD_BYTES = 8192;

/** Text in memory, as a source (tests, and text already read). */
function textSource(text: string, name = 'text'): ImportSource {
	const bytes = new TextEncoder().encode(text);
	return {
		name,
		size: bytes.length,
		head: async () => bytes.subarray(0, HEAD_BYTES),
		async *chunks() {
			for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
		}
	};
}

/** A browser File or Blob, read in chunks. */
export function blobSource(blob: Blob, name: string): ImportSource {
	return {
		name,
		size: blob.size,
		head: async () => new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer()),
		async *chunks() {
			const reader = blob.stream().getReader();
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return;
				yield value;
			}
		}
	};
}

export type FileOptions = Omit<RunOptions, 'format'> & { format?: ImportFormat; encoding?: Encoding };

/**
 * Imports a file of any format, the one dispatch that the command line, the browser's worker and
 * the tests share: the format is the one given or the one the file's first bytes show.
 */
export async function importFile(source: ImportSource, options: FileOptions): Promise<ImportResult> {
	const encoding = options.encoding ?? 'utf-8';
	const head = new TextDecoder(ENCODINGS[encoding]).decode(await source.head());
	const format = options.format ?? detectFormat(head);
	if (!format)
		throw new Error(
			`${source.name} is not a format Protest Atlas reads: an ACLED or Crowd Counting Consortium CSV, GeoJSON, or a Protest Atlas dataset. Name its format (--format acled|ccc|geojson|atlas) if it is one of them.`
		);
	const run: RunOptions = { ...options, format };
	const text = decodeChunks(source.chunks(), encoding);
	if (format === 'acled' || format === 'ccc') return importCsv(text, { delimiter: headerDelimiter(head), ...run });
	let whole = '';
	try {
		for await (const chunk of text) whole += chunk;
	} catch (error) {
		if (!(error instanceof NotText)) throw error;
		const importer = createImporter(format, run);
		importer.abandon('file', error.message, 'encoding', error.line);
		return importer.finish();
	}
	return format === 'geojson' ? importGeoJson(whole, run) : importAtlas(whole, run);
}

/** Imports a CSV, one record at a time as its text arrives. */
export async function importCsv(input: string | AsyncIterable<string>, options: RunOptions): Promise<ImportResult> {
	const placeSource = options.format === 'acled' ? 'ACLED' : 'Crowd Counting Consortium';
	const importer = createImporter(options.format, { placeSource, ...options });
	const spec = CSV_FORMATS[options.format];
	if (!spec) throw new Error(`${options.format} is not a CSV format`);
	const csvFormat = options.format as 'acled' | 'ccc';
	let columns: string[] = [];
	const handlers: CsvHandlers = {
		header(names) {
			columns = names;
			const problem = headerProblem(names, spec.required, options.format);
			if (problem) importer.fail('header', problem);
			return !problem;
		},
		row(fields, line) {
			if (fields.every((field) => field.trim() === '')) return importer.rejectRow(line, 'row', 'every field is empty');
			if (fields.length !== columns.length)
				return importer.rejectRow(
					line,
					'row',
					`expected ${columns.length} fields, as the header has, got ${fields.length}`
				);
			const record: Record<string, string> = {};
			columns.forEach((name, i) => (record[name] = fromSpreadsheetCell(fields[i]!)));
			importer.add(line, (ctx) => withOrigin(spec.read(record, ctx), csvFormat, record));
		},
		broken(line, reason) {
			importer.rejectRow(line, 'row', reason);
		},
		progress: options.onProgress
	};
	const delimiter =
		options.delimiter ?? (typeof input === 'string' ? headerDelimiter(input.slice(0, HEAD_BYTES)) : ',');
	try {
		await readCsv(input, handlers, delimiter);
	} catch (error) {
		if (!(error instanceof NotText)) throw error;
		// Text that is not what it claims to be: nothing of the file is imported.
		importer.abandon('file', error.message, 'encoding', error.line);
	}
	return importer.finish();
}

/** What is wrong with a CSV header: a required column missing, or a column named twice. */
function headerProblem(
	names: readonly string[],
	required: readonly string[],
	format: ImportFormat
): string | undefined {
	const seen = new Map<string, number>();
	const twice: string[] = [];
	names.forEach((name, i) => {
		const first = seen.get(name);
		if (first !== undefined) twice.push(`"${name}" (columns ${first + 1} and ${i + 1})`);
		else seen.set(name, i);
	});
	if (twice.length)
		return `expected each column once, but ${twice.join(', ')} appear${twice.length === 1 ? 's' : ''} twice; rename or remove one, so that no value is silently chosen over another`;
	const missing = required.filter((c) => !names.includes(c));
	if (missing.length)
		return `expected the ${format.toUpperCase()} columns ${missing.join(', ')}, but ${missing.length === 1 ? 'it is' : 'they are'} missing`;
	return undefined;
}

/** Keeps the source row beside the event, its empty cells left out, for an export in its format. */
function withOrigin(draft: RowDraft | undefined, format: 'acled' | 'ccc', record: Record<string, string>) {
	if (!draft) return draft;
	const row = Object.fromEntries(Object.entries(record).filter(([column, value]) => column && value !== ''));
	draft.event.origin = { format, row };
	return draft;
}

/** Imports a GeoJSON FeatureCollection: each feature is a row, named by its number (and id) and found on the line it starts. */
function importGeoJson(text: string, options: RunOptions): ImportResult {
	const parsed = readJsonRecords(text, ['features']);
	const zone = 'root' in parsed && isRecord(parsed.root) ? parsed.root.time_zone : undefined;
	const timeZone = options.timeZone ?? (typeof zone === 'string' && isTimeZone(zone) ? zone : undefined);
	const importer = createImporter('geojson', {
		placeSource: options.title,
		...options,
		...(timeZone ? { timeZone } : {})
	});
	const language = options.defaultLanguage ?? 'en';
	if ('message' in parsed) importer.fail('file', parsed.message, parsed.line);
	else if (!isRecord(parsed.root) || parsed.root.type !== 'FeatureCollection')
		importer.fail(
			'type',
			`expected a GeoJSON FeatureCollection, got ${isRecord(parsed.root) ? `type ${JSON.stringify(String(parsed.root.type ?? 'none')).slice(0, 40)}` : kindOf(parsed.root)}`
		);
	else if (!('features' in parsed.root))
		importer.fail('features', 'expected a "features" list, but the collection has none');
	else if (parsed.notArray !== undefined || !Array.isArray(parsed.root.features))
		importer.fail('features', `expected a list of features, got ${kindOf(parsed.root.features)}`);
	else
		parsed.records.forEach(({ value, line }, i) => {
			const id =
				isRecord(value) && (typeof value.id === 'string' || typeof value.id === 'number') ? String(value.id) : '';
			const name = `feature ${i + 1}${id ? ` (id ${JSON.stringify(id.slice(0, 40))})` : ''}`;
			importer.add(
				line,
				(ctx) => readGeoJsonFeature(value, ctx, { language, ...(timeZone ? { timeZone } : {}) }),
				name
			);
		});
	return importer.finish();
}

/** Imports the app's own JSON: a published dataset, or a hand-authored dataset with its gazetteer. */
function importAtlas(text: string, options: RunOptions): ImportResult {
	const importer = createImporter('atlas', options);
	const parsed = readJsonRecords(text, ['events']);
	if ('message' in parsed) {
		importer.fail('file', parsed.message, parsed.line);
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
		const named = root?.gazetteer;
		if (typeof named !== 'string') {
			importer.fail(
				'gazetteer',
				`expected the name of a gazetteer file beside the dataset, got ${kindOf(named ?? null)}`
			);
			return importer.finish();
		}
		const problem = gazetteerPathProblem(named);
		if (problem) {
			importer.fail('gazetteer', problem);
			return importer.finish();
		}
		const gazetteerText = options.readFile?.(named);
		if (gazetteerText === undefined) {
			importer.fail(
				'gazetteer',
				`expected a gazetteer file "${quoted(named)}" in the dataset's own folder, but there is none`
			);
			return importer.finish();
		}
		let gazetteerJson: unknown;
		try {
			gazetteerJson = JSON.parse(gazetteerText);
		} catch {
			// The parser's message quotes the file's text, which is not the report's to show.
			importer.fail('gazetteer', `expected the gazetteer "${quoted(named)}" to be a JSON file, but it is not`);
			return importer.finish();
		}
		const gazetteer = readGazetteer(gazetteerJson, named);
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
export function importText(text: string, options: FileOptions): Promise<ImportResult> {
	return importFile(textSource(text, options.file ?? 'text'), options);
}
