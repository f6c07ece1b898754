/**
 * The tile writer takes another engine's output as it is: the aggregation's tables and the events
 * sorted by place, written as Parquet (as Spark or Trino would write them), tile to the same
 * features and summary as a build that aggregates itself.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { VectorTile } from '@mapbox/vector-tile';
import fc from 'fast-check';
import { PbfReader } from 'pbf';
import { PMTiles } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { dataset } from '../fixtures/arbitraries';
import { PARQUET_COLUMNS, toParquet } from '../parquet';
import { AGGREGATED_TABLES, AGGREGATION_SQL, buildTiles } from './build';
import { EVENTS_TABLE, loadRows, sqlText } from './load-rows';
import { TILE_LAYER } from './tile-figures';

const work = mkdtempSync(path.join(tmpdir(), 'aggregated-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const MAX_ZOOM = 2;

async function connect() {
	const instance = await DuckDBInstance.create(':memory:');
	return { instance, connection: await instance.connect() };
}

/** Every tile's features, as sorted JSON, by tile. */
async function tilesOf(archive: string): Promise<Record<string, string[]>> {
	const bytes = readFileSync(archive);
	const reader = new PMTiles({
		getKey: () => archive,
		getBytes: async (offset, length) => ({
			data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length)
		})
	});
	const out: Record<string, string[]> = {};
	for (let z = 0; z <= MAX_ZOOM; z++)
		for (let x = 0; x < 2 ** z; x++)
			for (let y = 0; y < 2 ** z; y++) {
				const tile = await reader.getZxy(z, x, y);
				if (!tile) continue;
				const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[TILE_LAYER]!;
				out[`${z}/${x}/${y}`] = Array.from({ length: layer.length }, (_, i) => {
					const feature = layer.feature(i);
					const properties = Object.entries(feature.properties).sort(([a], [b]) => a.localeCompare(b));
					return JSON.stringify([feature.loadGeometry(), properties]);
				}).sort();
			}
	return out;
}

describe('tiling another engine’s aggregation', () => {
	let run = 0;
	it('gives the same tiles and summary as aggregating here', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, async ({ places, events: all }) => {
				const events = all.filter((e) => places.some((p) => p.id === e.place));
				fc.pre(events.length > 0);
				const name = `set-${run++}`;
				const input = path.join(work, `${name}.parquet`);
				writeFileSync(input, new Uint8Array(toParquet(events, places, 'Europe/Minsk')));
				const settings = (suffix: string) => ({
					slug: name,
					title: name,
					minZoom: 0,
					maxZoom: MAX_ZOOM,
					tilesFile: path.join(work, `${name}-${suffix}.bin`),
					archiveFile: path.join(work, `${name}-${suffix}.pmtiles`),
					detailsFile: path.join(work, `${name}-${suffix}.events.parquet`),
					attribution: [],
					timeZone: 'Europe/Minsk'
				});

				const here = await connect();
				await loadRows(here.connection, { file: input, kind: 'parquet', slug: name, title: name });
				const direct = await buildTiles(here.connection, settings('here'));
				// The other engine's output: the same SQL's tables and the events sorted by place.
				const folder = path.join(work, `${name}-engine`);
				mkdirSync(folder);
				for (const sql of AGGREGATION_SQL) await here.connection.run(sql);
				for (const table of AGGREGATED_TABLES)
					await here.connection.run(
						`COPY ${table} TO ${sqlText(path.join(folder, `${table}.parquet`))} (FORMAT parquet)`
					);
				await here.connection.run(
					`COPY (SELECT ${PARQUET_COLUMNS.map(([c]) => `"${c}"`).join(', ')} FROM ${EVENTS_TABLE} ORDER BY place, date, id) TO ${sqlText(path.join(folder, 'events.parquet'))} (FORMAT parquet)`
				);
				here.connection.closeSync();

				const elsewhere = await connect();
				const taken = await buildTiles(elsewhere.connection, { ...settings('engine'), aggregated: folder });
				elsewhere.connection.closeSync();
				// The details are the engine's own file: only their length and footer differ.
				const withoutFile = ({ detailsBytes, detailsFooter, ...rest }: typeof direct) =>
					detailsBytes > 0 && detailsFooter > 0 ? rest : undefined;
				expect(withoutFile(taken)).toEqual(withoutFile(direct));
				expect(await tilesOf(settings('engine').archiveFile)).toEqual(await tilesOf(settings('here').archiveFile));
			}),
			{ numRuns: 8 }
		);
	}, 120_000);
});
