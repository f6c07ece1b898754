/**
 * Streams a large file's rows through the importer into a DuckDB table, one at a time, never
 * holding them: an ACLED or CCC CSV, or a Parquet file in the published columns (parquet.ts).
 * Every row is checked by the importer's own rules and is either added or reported; repeated ids,
 * which the importer would find by holding every id, are found in the table with the same words.
 */
import { createReadStream } from 'node:fs';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { crowdBounds, isProGovernmentGathering, isProtestGathering } from '../aggregate';
import { exportProperties } from '../export';
import { PARQUET_COLUMNS } from '../parquet';
import type { IndexedEvent, Place, ProtestEvent } from '../schema';
import { decodeChunks, type Encoding } from '../import/decode';
import { readGeoJsonFeature } from '../import/geojson';
import { createImporter, repeatedId, type ImportReport, type RowDraft } from '../import/importer';
import { headerDelimiter } from '../import/csv';
import { detectFormat, importCsv } from '../import/run';
import { mercator } from './tile-figures';

/** The columns the aggregation reads, before the published ones. */
const FIGURE_COLUMNS = [
	['line', 'UBIGINT'],
	['place', 'VARCHAR'],
	['x', 'DOUBLE'],
	['y', 'DOUBLE'],
	['first_day', 'VARCHAR'],
	['last_day', 'VARCHAR'],
	['low', 'INTEGER'],
	['high', 'INTEGER'],
	// 1: a protest gathering; 2: a pro-government gathering; 0: any other event.
	['gathering', 'TINYINT']
] as const;

const SQL_TYPES: Record<string, string> = {
	STRING: 'VARCHAR',
	JSON: 'VARCHAR',
	INT32: 'INTEGER',
	DOUBLE: 'DOUBLE',
	BOOLEAN: 'BOOLEAN'
};

export const EVENTS_TABLE = 'events';

async function createEventsTable(connection: DuckDBConnection): Promise<void> {
	const columns = [
		...FIGURE_COLUMNS.map(([name, type]) => `"${name}" ${type}`),
		...PARQUET_COLUMNS.map(([name, type]) => `"${name}" ${SQL_TYPES[type]}`)
	];
	await connection.run(`CREATE OR REPLACE TABLE ${EVENTS_TABLE} (${columns.join(', ')})`);
}

/** A minimal place for a draft's location, in the shape the export reads its names from. */
function placeOfDraft(draft: RowDraft, language: string): { place: Place; city: Place } {
	const loc = draft.location;
	const place: Place = {
		type: 'Feature',
		id: 'place',
		geometry: { type: 'Point', coordinates: loc.coordinates! },
		properties: {
			names: { [language]: loc.name, ...loc.names },
			aliases: [],
			kind: loc.kind,
			city: '',
			precision: loc.precision,
			...(loc.country ? { country: loc.country } : {}),
			...(loc.region ? { region: loc.region } : {}),
			sources: []
		}
	};
	const city =
		loc.city && loc.city !== loc.name
			? { ...place, properties: { ...place.properties, names: { [language]: loc.city } } }
			: place;
	return { place, city };
}

/** Appends one kept row: its figures, then its published columns. */
function appendDraft(appender: DuckDBAppender, line: number, draft: RowDraft, language: string): void {
	const event = { ...draft.event, id: draft.event.id ?? `row-${line}`, place: 'place' } as ProtestEvent;
	const { place, city } = placeOfDraft(draft, language);
	const [lon, lat] = draft.location.coordinates!;
	const [x, y] = mercator(lon, lat);
	const bounds = crowdBounds(event.crowd);
	const indexed = event as IndexedEvent;
	appender.appendUBigInt(BigInt(line));
	appender.appendVarchar(`${draft.location.name}\u0000${lon},${lat}`);
	appender.appendDouble(x);
	appender.appendDouble(y);
	appender.appendVarchar(event.when.start.slice(0, 10));
	appender.appendVarchar((event.when.end ?? event.when.start).slice(0, 10));
	if (bounds) {
		appender.appendInteger(bounds.low);
		appender.appendInteger(bounds.high);
	} else for (let i = 0; i < 2; i++) appender.appendNull();
	appender.appendTinyInt(isProtestGathering(indexed) ? 1 : isProGovernmentGathering(indexed) ? 2 : 0);
	const properties: Record<string, unknown> = {
		...exportProperties(event, place, city),
		longitude: lon,
		latitude: lat
	};
	for (const [name, type] of PARQUET_COLUMNS) {
		const value = properties[name];
		if (value === undefined || value === null) appender.appendNull();
		else if (type === 'JSON') appender.appendVarchar(JSON.stringify(value));
		else if (type === 'STRING') appender.appendVarchar(String(value));
		else if (type === 'INT32') appender.appendInteger(Number(value));
		else if (type === 'DOUBLE') appender.appendDouble(Number(value));
		else appender.appendBoolean(value === true);
	}
	appender.endRow();
}

export interface RowSource {
	file: string;
	kind: 'csv' | 'parquet';
	format?: 'acled' | 'ccc';
	encoding?: Encoding;
	slug: string;
	title: string;
	gazetteer?: readonly Place[];
	onProgress?: (rows: number) => void;
}

/**
 * Reads every row into the events table; returns the importer's report, repeated ids included, and
 * the time zone of the rows' local times (a Parquet file's own, else UTC, as the importer assumes).
 */
export async function loadRows(
	connection: DuckDBConnection,
	source: RowSource
): Promise<{ report: ImportReport; timeZone: string }> {
	await createEventsTable(connection);
	const appender = await connection.createAppender(EVENTS_TABLE);
	let language = 'en';
	let timeZone = 'UTC';
	let handed = 0;
	const handOff = (line: number, draft: RowDraft) => {
		appendDraft(appender, line, draft, language);
		if (++handed % 100_000 === 0) {
			appender.flushSync();
			source.onProgress?.(handed);
		}
	};
	const options = {
		slug: source.slug,
		title: source.title,
		handOff,
		file: source.file,
		...(source.gazetteer ? { gazetteer: source.gazetteer } : {})
	};
	let report: ImportReport;
	if (source.kind === 'csv') {
		const head = await readHead(source.file);
		const chunks = decodeChunks(createReadStream(source.file) as AsyncIterable<Uint8Array>, source.encoding);
		// Told from the header as the importer tells it; what is neither is refused, as there.
		const format = source.format ?? detectFormat(head);
		if (format !== 'acled' && format !== 'ccc')
			throw new Error(
				`${source.file} is not an ACLED or Crowd Counting Consortium CSV, nor Parquet. Name its format (--format acled|ccc) if it is one of them; publish GeoJSON or a Protest Atlas dataset with npm run import.`
			);
		report = (await importCsv(chunks, { ...options, format, delimiter: headerDelimiter(head) })).report;
	} else {
		const setting = await parquetSetting(connection, source.file);
		language = setting.language;
		timeZone = setting.timeZone ?? timeZone;
		const importer = createImporter('geojson', options);
		const result = await connection.stream(`SELECT * FROM read_parquet(${sqlText(source.file)})`);
		const names = result.columnNames();
		let line = 0;
		for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk())
			for (const row of chunk.getRows()) {
				line++;
				const feature = featureOfRow(names, row);
				importer.add(line, (ctx) => readGeoJsonFeature(feature, ctx, setting));
			}
		report = importer.finish().report;
	}
	appender.closeSync();
	source.onProgress?.(handed);
	return { report: await withRepeatedIds(connection, report), timeZone };
}

async function readHead(file: string): Promise<string> {
	for await (const chunk of createReadStream(file, { start: 0, end: 8191, encoding: 'latin1' })) return String(chunk);
	return '';
}

export const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A Parquet file's time zone (our export writes it as key-value metadata) and language. */
async function parquetSetting(connection: DuckDBConnection, file: string) {
	const rows = await (
		await connection.run(
			`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${sqlText(file)}) WHERE decode(key) = 'time_zone'`
		)
	).getRowObjectsJS();
	const timeZone = rows[0]?.value;
	return { language: 'en', ...(typeof timeZone === 'string' ? { timeZone } : {}) };
}

/** A Parquet row as the GeoJSON feature our export would have written for it. */
function featureOfRow(names: readonly string[], row: readonly unknown[]): unknown {
	const properties: Record<string, unknown> = {};
	let lon: unknown;
	let lat: unknown;
	names.forEach((name, i) => {
		let value = row[i];
		if (value === null || value === undefined) return;
		if (typeof value === 'bigint') value = Number(value);
		else if (typeof value === 'object' && 'toString' in value) value = String(value);
		if (name === 'longitude') lon = value;
		else if (name === 'latitude') lat = value;
		else if (name === 'names' && typeof value === 'string') {
			try {
				properties.names = JSON.parse(value);
			} catch {
				properties.names = value;
			}
		} else properties[name] = value;
	});
	return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

/** Rejects every row whose id an earlier row has (case aside), as the importer would, and drops it. */
async function withRepeatedIds(connection: DuckDBConnection, report: ImportReport): Promise<ImportReport> {
	const repeats = await (
		await connection.run(`
			SELECT line, id, first_line, first_id FROM (
				SELECT line, id,
					first_value(line) OVER byId AS first_line,
					first_value(id) OVER byId AS first_id
				FROM ${EVENTS_TABLE}
				WINDOW byId AS (PARTITION BY lower(id) ORDER BY line)
			) WHERE line <> first_line ORDER BY line`)
	).getRowObjectsJS();
	if (!repeats.length) return report;
	await connection.run(`
		DELETE FROM ${EVENTS_TABLE} WHERE line IN (
			SELECT line FROM (SELECT line, min(line) OVER (PARTITION BY lower(id)) AS first FROM ${EVENTS_TABLE}) WHERE line <> first)`);
	const rejections = [
		...report.rejections,
		...repeats.map((r) => ({
			line: Number(r.line),
			field: 'id',
			message: repeatedId({ line: Number(r.first_line), id: String(r.first_id) }, String(r.id))
		}))
	].sort((a, b) => a.line - b.line);
	return {
		...report,
		imported: report.imported - repeats.length,
		rejected: report.rejected + repeats.length,
		rejections
	};
}
