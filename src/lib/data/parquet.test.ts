import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { toGeoJson } from './export';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { PublishedDataset } from './published';
import { PARQUET_COLUMNS, toParquet } from './parquet';

describe('the dataset as Parquet', () => {
	it('holds every event, in the GeoJSON export’s values, with the place’s coordinates', async () => {
		const { events, places, timeZone } = JSON.parse(
			readFileSync('static/data/belarus-2020-08.json', 'utf8')
		) as PublishedDataset;
		const file = toParquet(events, places, timeZone);
		const rows = await parquetReadObjects({ file });
		expect(rows).toHaveLength(events.length);
		expect(Object.keys(rows[0]!)).toEqual(PARQUET_COLUMNS.map(([name]) => name));
		const features = toGeoJson(events, places, timeZone).features;
		rows.forEach((row, i) => {
			const { names, ...properties } = features[i]!.properties as Record<string, unknown>;
			for (const [key, value] of Object.entries(properties)) expect(row[key], `${key} of ${row.id}`).toEqual(value);
			expect(row.names).toEqual(names);
			const place = places.find((p) => p.id === events[i]!.place)!;
			expect([row.longitude, row.latitude]).toEqual(place.geometry.coordinates);
		});
		// Absent values are nulls, not empty strings or zeros.
		expect(rows.some((row) => row.size_low === null)).toBe(true);
		expect(parquetMetadata(file).key_value_metadata).toContainEqual({ key: 'time_zone', value: timeZone });
	});

	it('reads back in DuckDB, another Parquet reader, with the same values and types', async () => {
		const { events, places, timeZone } = JSON.parse(
			readFileSync('static/data/belarus-2020-08.json', 'utf8')
		) as PublishedDataset;
		const folder = mkdtempSync(path.join(os.tmpdir(), 'atlas-parquet-'));
		try {
			const file = path.join(folder, 'events.parquet');
			writeFileSync(file, Buffer.from(toParquet(events, places, timeZone)));
			const connection = await (await DuckDBInstance.create(':memory:')).connect();
			const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
			const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
			expect(reader.columnNames()).toEqual(PARQUET_COLUMNS.map(([name]) => name));
			expect(rows).toHaveLength(events.length);
			const features = toGeoJson(events, places, timeZone).features;
			rows.forEach((row, i) => {
				const { names, ...properties } = features[i]!.properties as Record<string, unknown>;
				for (const [key, value] of Object.entries(properties)) expect(row[key], `${key} of ${row.id}`).toEqual(value);
				expect(typeof row.names === 'string' ? JSON.parse(row.names) : row.names).toEqual(names);
			});
			const types = await connection.runAndReadAll(
				`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`
			);
			const typeOf = Object.fromEntries(types.getRows().map(([name, type]) => [String(name), String(type)]));
			expect(typeOf).toMatchObject({
				size_low: 'INTEGER',
				longitude: 'DOUBLE',
				route_sourced: 'BOOLEAN',
				id: 'VARCHAR'
			});
			const zone = await connection.runAndReadAll(
				`SELECT decode(value) AS zone FROM parquet_kv_metadata('${file}') WHERE decode(key) = 'time_zone'`
			);
			expect(zone.getRowObjectsJson()).toEqual([{ zone: timeZone }]);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
