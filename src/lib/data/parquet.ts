/**
 * A dataset as Apache Parquet: one row per event, in the GeoJSON export's columns plus the place's
 * longitude and latitude, so that DuckDB, pandas, R, Arrow and QGIS open it as it is.
 */
import { parquetWriteBuffer, type BasicType } from 'hyparquet-writer';
import { toGeoJson } from './export';
import type { Place, ProtestEvent } from './schema';

/** Every column, its Parquet type, in order. */
export const PARQUET_COLUMNS: readonly [string, BasicType][] = [
	['id', 'STRING'],
	['title', 'STRING'],
	['date', 'STRING'],
	['end', 'STRING'],
	['precision', 'STRING'],
	['type', 'STRING'],
	['status', 'STRING'],
	['stance', 'STRING'],
	['size_low', 'INT32'],
	['size_high', 'INT32'],
	['size_text', 'STRING'],
	['size_convention', 'STRING'],
	['detained', 'INT32'],
	['killed', 'INT32'],
	['description', 'STRING'],
	['location', 'STRING'],
	['names', 'JSON'],
	['city', 'STRING'],
	['region', 'STRING'],
	['country', 'STRING'],
	['longitude', 'DOUBLE'],
	['latitude', 'DOUBLE'],
	['radius_m', 'INT32'],
	['route_sourced', 'BOOLEAN'],
	['source', 'STRING'],
	['url', 'STRING'],
	['language', 'STRING'],
	['quote', 'STRING'],
	['quote_kind', 'STRING']
];

export function toParquet(events: readonly ProtestEvent[], places: readonly Place[], timeZone: string): ArrayBuffer {
	const byId = new Map(places.map((p) => [p.id, p]));
	const rows = toGeoJson(events, places, timeZone).features.map((feature, i) => {
		const [longitude, latitude] = byId.get(events[i]!.place)!.geometry.coordinates;
		return { ...feature.properties, longitude, latitude } as Record<string, unknown>;
	});
	return parquetWriteBuffer({
		columnData: PARQUET_COLUMNS.map(([name, type]) => ({ name, type, data: rows.map((row) => row[name] ?? null) })),
		kvMetadata: [{ key: 'time_zone', value: timeZone }]
	});
}
