import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { toGeoJson } from './export';
import { readFileSync } from 'node:fs';
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
});
