/**
 * A tiled dataset's panel: one place's events, read from the details Parquet (sorted by place) by
 * range requests for the row groups that hold its rows, and read back into events by the
 * importer's own GeoJSON reader, so that a panel shows what the import kept, as for any dataset.
 */
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { readGeoJsonFeature } from '../import/geojson';
import type { RowContext } from '../import/report';
import type { ProtestEvent } from '../schema';

/** A Parquet file read by ranges, whose footer is read once. */
export interface DetailsFile {
	file: AsyncBuffer;
	metadata: Promise<FileMetaData>;
}

/** `footer`: the footer's length with its last 8 bytes (the summary's detailsFooter), read in one request. */
export function detailsFile(file: AsyncBuffer, footer?: number): DetailsFile {
	return { file, metadata: parquetMetadataAsync(file, footer ? { initialFetchSize: footer } : {}) };
}

/** A file at an address, read by HTTP range requests; its length is known from the summary. */
export function rangedFile(url: string, byteLength: number): AsyncBuffer {
	return {
		byteLength,
		async slice(start, end) {
			const response = await fetch(url, {
				credentials: 'omit',
				headers: { Range: `bytes=${start}-${(end ?? byteLength) - 1}` }
			});
			if (response.status !== 206 && response.status !== 200)
				throw new Error(`${response.status} ${response.statusText}`);
			const bytes = await response.arrayBuffer();
			// A host that ignores ranges sends the whole file.
			return response.status === 200 ? bytes.slice(start, end) : bytes;
		}
	};
}

/** The events of rows [row, row + rows), in the file's order (date within the place). */
export async function placeEvents(
	details: DetailsFile,
	row: number,
	rows: number,
	placeId: string
): Promise<ProtestEvent[]> {
	const metadata = await details.metadata;
	const records = await parquetReadObjects({ file: details.file, metadata, rowStart: row, rowEnd: row + rows });
	const events: ProtestEvent[] = [];
	records.forEach((record, i) => {
		const event = eventOfRecord(record, row + i + 1, placeId);
		if (event) events.push(event);
	});
	return events;
}

/** A details row as an event; undefined for a row the importer would not keep (none, once published). */
export function eventOfRecord(
	record: Record<string, unknown>,
	line: number,
	placeId: string
): ProtestEvent | undefined {
	const properties: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		if (value === null || value === undefined || key === 'longitude' || key === 'latitude') continue;
		properties[key] = typeof value === 'bigint' ? Number(value) : value;
	}
	if (typeof properties.names === 'string') {
		try {
			properties.names = JSON.parse(properties.names);
		} catch {
			delete properties.names;
		}
	}
	let rejected = false;
	const ctx: RowContext = {
		line,
		reject: () => void (rejected = true),
		warn: () => undefined,
		need: () => undefined
	};
	const feature = {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [Number(record.longitude), Number(record.latitude)] },
		properties
	};
	const draft = readGeoJsonFeature(feature, ctx);
	if (!draft || rejected) return undefined;
	return { ...draft.event, id: draft.event.id ?? `row-${line}`, place: placeId } as ProtestEvent;
}
