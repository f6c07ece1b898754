/**
 * From the events table (load-rows.ts) to a tiled dataset: DuckDB sums every place's figures per
 * day and type, then every grid cell's per zoom; each cell becomes a point of a vector tile
 * (vt-pbf) holding its figures per day, gzipped into one PMTiles archive (pmtiles-writer.ts); the events are written once
 * more as Parquet sorted by place, so that a panel reads one place's rows by range requests.
 *
 * The grid, the properties and the summary are tile-figures.ts. The same SQL runs on any engine
 * that has these columns (docs/tiles.md shows it on a distributed one).
 */
import {
	closeSync,
	copyFileSync,
	createReadStream,
	createWriteStream,
	fstatSync,
	openSync,
	readSync,
	statSync
} from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { EVENT_TYPE_IDS, noneOfEachType, type EventType } from '../vocabulary';
import { PARQUET_COLUMNS } from '../parquet';
import { daysBetween } from '../timeline';
import { EVENTS_TABLE, sqlText } from './load-rows';
import { archiveHead, tileIdOf, type TileEntry } from './pmtiles-writer';
import {
	CELLS_PER_TILE,
	TILE_EXTENT,
	TILE_LAYER,
	TILES_FORMAT,
	TILES_VERSION,
	TYPE_FIGURES,
	figureKey,
	isCount,
	wholeKey,
	type TypeFigure,
	type TiledSummary
} from './tile-figures';

/**
 * The aggregation, in plain SQL over the events' columns: every place's figures per day and type,
 * every place, and the events per type by first and last day. The tile writer reads only these
 * three tables, so any engine that runs this SQL can make them (docs/tiles.md).
 */
export const AGGREGATION_SQL = [
	`CREATE OR REPLACE TABLE place_days AS
	SELECT place, strftime(day, '%Y-%m-%d') AS day, type,
		count(*)::INTEGER AS n,
		coalesce(sum(low) FILTER (WHERE gathering = 1), 0)::BIGINT AS l,
		coalesce(sum(high) FILTER (WHERE gathering = 1), 0)::BIGINT AS h,
		count(*) FILTER (WHERE gathering = 1 AND high IS NULL)::INTEGER AS u,
		coalesce(sum(low) FILTER (WHERE gathering = 2), 0)::BIGINT AS pl,
		coalesce(sum(high) FILTER (WHERE gathering = 2), 0)::BIGINT AS ph
	FROM (
		SELECT place, type, gathering, low, high,
			unnest(generate_series(first_day::DATE, last_day::DATE, INTERVAL 1 DAY)) AS day
		FROM ${EVENTS_TABLE}
	)
	GROUP BY ALL`,
	// Where each place's rows start in the details, which are sorted by place.
	`CREATE OR REPLACE TABLE places AS
	SELECT place, any_value(location) AS name, avg(x) AS x, avg(y) AS y,
		min(longitude) AS west, min(latitude) AS south, max(longitude) AS east, max(latitude) AS north,
		count(*)::INTEGER AS events, (sum(count(*)) OVER (ORDER BY place) - count(*))::BIGINT AS first_row
	FROM ${EVENTS_TABLE} GROUP BY place`,
	`CREATE OR REPLACE TABLE spans AS
	SELECT first_day, last_day, type, count(*)::INTEGER AS n FROM ${EVENTS_TABLE} GROUP BY ALL`
];

/** The tables the tile writer reads, whichever engine made them. */
export const AGGREGATED_TABLES = ['place_days', 'places', 'spans'] as const;

/** One row per cell (a place at the deepest zoom), day and type, in the order of their tiles and cells. */
function cellDaysSql(zoom: number, deepest: boolean, firstDay: string): string {
	const scale = 2 ** zoom * (deepest ? 1 : CELLS_PER_TILE);
	const cell = deepest ? 'p.place' : `floor(p.x * ${scale})::BIGINT || ',' || floor(p.y * ${scale})::BIGINT`;
	return `
		WITH cells AS (
			SELECT ${cell} AS cell, sum(p.x * p.events) / sum(p.events) AS x, sum(p.y * p.events) / sum(p.events) AS y,
				arg_max(p.name, p.events) AS name, count(*)::INTEGER AS places,
				min(p.first_row)::BIGINT AS row, sum(p.events)::BIGINT AS rows
			FROM places p GROUP BY ALL
		)
		SELECT * FROM (
		SELECT c.cell, c.x, c.y, c.name, c.places, c.row, c.rows, d.type,
			date_diff('day', ${sqlText(firstDay)}::DATE, d.day::DATE)::INTEGER AS day,
			${TYPE_FIGURES.map((f) => `sum(d.${f})::BIGINT AS ${f}`).join(', ')}
		FROM place_days d JOIN places p USING (place) JOIN cells c ON c.cell = ${cell}
		GROUP BY ALL
		) ORDER BY floor(x * ${2 ** zoom}), floor(y * ${2 ** zoom}), cell, day`;
}

type TileFeature = { type: 1; geometry: [number, number][]; tags: Record<string, string | number> };

export interface BuildSettings {
	slug: string;
	title: string;
	minZoom: number;
	maxZoom: number;
	/** Where the archive's tiles are gathered before the head is known. */
	tilesFile: string;
	archiveFile: string;
	detailsFile: string;
	attribution: string[];
	timeZone: string;
	/**
	 * A folder of the aggregation's tables as Parquet (place_days, places, spans) and the events
	 * sorted by place (events.parquet), made by another engine: tiled as they are.
	 */
	aggregated?: string;
	/** Rows per row group of the details: what a panel reads at least, and how large the footer grows. */
	rowGroupSize?: number;
	onZoom?: (zoom: number, tiles: number) => void;
}

/** Writes the archive and the details; returns the summary to write beside them. */
export async function buildTiles(connection: DuckDBConnection, settings: BuildSettings): Promise<TiledSummary> {
	if (settings.aggregated)
		for (const table of AGGREGATED_TABLES)
			await connection.run(
				`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_parquet(${sqlText(path.join(settings.aggregated, `${table}.parquet`))})`
			);
	else for (const sql of AGGREGATION_SQL) await connection.run(sql);
	const summary = await summaryOf(connection, settings);
	const entries: TileEntry[] = [];
	const tiles = createWriteStream(settings.tilesFile);
	let offset = 0;
	for (let zoom = settings.minZoom; zoom <= settings.maxZoom; zoom++) {
		const result = await connection.stream(cellDaysSql(zoom, zoom === settings.maxZoom, summary.days[0]!));
		const names = result.columnNames();
		let tileKey = '';
		let features: TileFeature[] = [];
		let cell: CellFigures | undefined;
		let count = 0;
		const flush = async () => {
			if (cell) features.push(cell.feature());
			cell = undefined;
			if (!features.length) return;
			const [x, y] = tileKey.split('/').map(Number) as [number, number];
			const bytes = gzipSync(
				fromGeojsonVt({ [TILE_LAYER]: { features } } as never, { version: 2, extent: TILE_EXTENT })
			);
			entries.push({ tileId: tileIdOf(zoom, x, y), offset, length: bytes.length });
			offset += bytes.length;
			count++;
			if (!tiles.write(bytes)) await once(tiles, 'drain');
			features = [];
		};
		for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk())
			for (const row of chunk.getRowObjects(names)) {
				const worldX = Number(row.x) * 2 ** zoom;
				const worldY = Number(row.y) * 2 ** zoom;
				const tx = Math.min(2 ** zoom - 1, Math.floor(worldX));
				const ty = Math.min(2 ** zoom - 1, Math.floor(worldY));
				const key = `${tx}/${ty}`;
				if (key !== tileKey) {
					await flush();
					tileKey = key;
				}
				if (cell?.id !== String(row.cell)) {
					if (cell) features.push(cell.feature());
					cell = new CellFigures(String(row.cell), [
						Math.round((worldX - tx) * TILE_EXTENT),
						Math.round((worldY - ty) * TILE_EXTENT)
					]);
					cell.describe(row, zoom === settings.maxZoom);
				}
				cell.add(row);
			}
		await flush();
		settings.onZoom?.(zoom, count);
	}
	tiles.end();
	await once(tiles, 'finish');

	const [west, south, east, north] = summary.bbox;
	const head = archiveHead(entries, offset, {
		minZoom: settings.minZoom,
		maxZoom: settings.maxZoom,
		bounds: summary.bbox,
		center: [(west + east) / 2, (south + north) / 2, settings.minZoom],
		metadata: {
			name: settings.title,
			attribution: settings.attribution.join('; '),
			vector_layers: [{ id: TILE_LAYER, minzoom: settings.minZoom, maxzoom: settings.maxZoom, fields: {} }]
		},
		gzip: (bytes) => gzipSync(bytes),
		tilesGzipped: true
	});
	await writeArchive(settings, head);
	if (settings.aggregated) copyFileSync(path.join(settings.aggregated, 'events.parquet'), settings.detailsFile);
	else
		await connection.run(
			`COPY (SELECT ${PARQUET_COLUMNS.map(([name]) => `"${name}"`).join(', ')} FROM ${EVENTS_TABLE} ORDER BY place, date, id)
		TO ${sqlText(settings.detailsFile)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${settings.rowGroupSize ?? 16_384})`
		);
	return {
		...summary,
		detailsBytes: statSync(settings.detailsFile).size,
		detailsFooter: footerLength(settings.detailsFile)
	};
}

/** The Parquet footer's length and its last 8 bytes: what a reader fetches before any row. */
function footerLength(file: string): number {
	const handle = openSync(file, 'r');
	try {
		const tail = Buffer.alloc(8);
		readSync(handle, tail, 0, 8, fstatSync(handle).size - 8);
		return tail.readUInt32LE(0) + 8;
	} finally {
		closeSync(handle);
	}
}

/**
 * One cell's feature: its figures per day, for every type together and for each type, and the
 * whole dataset's largest days, which draw the first view with no sum over days.
 */
class CellFigures {
	private tags: Record<string, string | number> = {};
	private dayTotals = new Map<number, Record<TypeFigure, number>>();
	constructor(
		readonly id: string,
		private point: [number, number]
	) {}

	describe(row: Record<string, unknown>, deepest: boolean) {
		this.tags.name = String(row.name ?? '');
		this.tags.places = Number(row.places);
		if (deepest) {
			this.tags.row = Number(row.row);
			this.tags.rows = Number(row.rows);
		}
	}

	add(row: Record<string, unknown>) {
		const day = Number(row.day);
		const type = row.type as EventType;
		const totals = this.dayTotals.get(day) ?? { n: 0, l: 0, h: 0, u: 0, pl: 0, ph: 0 };
		for (const figure of TYPE_FIGURES) {
			const value = Number(row[figure] ?? 0);
			if (!value) continue;
			this.tags[figureKey(figure, day, type)] = value;
			totals[figure] += value;
		}
		this.dayTotals.set(day, totals);
	}

	feature(): TileFeature {
		const whole = (key: string, figure: TypeFigure, value: number) => {
			if (!value) return;
			const now = Number(this.tags[key] ?? 0);
			// Events and unknown sizes are summed over the days; sizes keep their largest day.
			this.tags[key] = isCount(figure) ? now + value : Math.max(now, value);
		};
		for (const [day, totals] of this.dayTotals)
			for (const figure of TYPE_FIGURES) {
				if (!totals[figure]) continue;
				this.tags[figureKey(figure, day)] = totals[figure];
				whole(wholeKey(figure), figure, totals[figure]);
				for (const type of EVENT_TYPE_IDS) {
					const own = Number(this.tags[figureKey(figure, day, type)] ?? 0);
					whole(wholeKey(figure, type), figure, own);
					// Counts of the other types are the whole less this type's: kept for sizes only.
					if (!isCount(figure)) whole(wholeKey(figure, type, 'without'), figure, totals[figure] - own);
				}
			}
		return { type: 1, geometry: [this.point], tags: this.tags };
	}
}

async function writeArchive(settings: BuildSettings, head: Uint8Array): Promise<void> {
	const out = createWriteStream(settings.archiveFile);
	out.write(head);
	for await (const chunk of createReadStream(settings.tilesFile)) if (!out.write(chunk)) await once(out, 'drain');
	out.end();
	await once(out, 'finish');
}

async function summaryOf(
	connection: DuckDBConnection,
	settings: BuildSettings
): Promise<Omit<TiledSummary, 'detailsBytes' | 'detailsFooter'>> {
	const rows = async (sql: string) => (await connection.run(sql)).getRowObjectsJS();
	const [extent] = await rows(`
		SELECT (SELECT min(first_day) FROM spans) AS first, (SELECT max(last_day) FROM spans) AS last,
			sum(events)::BIGINT AS events, count(*)::INTEGER AS places,
			min(west) AS west, min(south) AS south, max(east) AS east, max(north) AS north
		FROM places`);
	const days = daysBetween(String(extent!.first), String(extent!.last));
	const dayIndex = new Map(days.map((day, i) => [day, i]));
	const dayCounts = days.map(() => noneOfEachType());
	for (const row of await rows('SELECT day, type, sum(n)::INTEGER AS n FROM place_days GROUP BY ALL'))
		dayCounts[dayIndex.get(String(row.day))!]![row.type as EventType] = Number(row.n);
	const spans = (await rows('SELECT first_day, last_day, type, n FROM spans ORDER BY ALL')).map(
		(r) =>
			[dayIndex.get(String(r.first_day))!, dayIndex.get(String(r.last_day))!, r.type as EventType, Number(r.n)] as [
				number,
				number,
				EventType,
				number
			]
	);
	// The scale spans the dataset's largest single-day turnout, protest or pro-government (maxCrowd).
	const [largest] = await rows(`
		SELECT greatest(coalesce(max(h), 0), coalesce(max(ph), 0))::BIGINT AS largest
		FROM (SELECT day, sum(h) AS h, sum(ph) AS ph FROM place_days GROUP BY day)`);
	return {
		format: TILES_FORMAT,
		version: TILES_VERSION,
		slug: settings.slug,
		title: settings.title,
		events: Number(extent!.events),
		places: Number(extent!.places),
		days,
		bbox: [Number(extent!.west), Number(extent!.south), Number(extent!.east), Number(extent!.north)],
		minZoom: settings.minZoom,
		maxZoom: settings.maxZoom,
		largest: Number(largest!.largest),
		dayCounts,
		spans,
		archive: `${settings.slug}.pmtiles`,
		details: `${settings.slug}.events.parquet`,
		attribution: settings.attribution,
		timeZone: settings.timeZone
	};
}
