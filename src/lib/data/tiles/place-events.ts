/**
 * A tiled dataset's panel: one place's events, read from the details Parquet (sorted by place) by
 * range requests for the row groups that hold its rows, and read back into events by the
 * importer's own GeoJSON reader, so that a panel shows what the import kept, as for any dataset.
 */
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { readGeoJsonFeature } from '../import/geojson';
import type { LocationDraft, RowContext, RowDraft } from '../import/report';
import type { Place, ProtestEvent } from '../schema';

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

/**
 * The place and events of rows [row, row + rows), in the file's order (date within the place).
 * The place is made from its first row's location, as the importer makes places.
 */
export async function placeEvents(
	details: DetailsFile,
	row: number,
	rows: number,
	placeId: string
): Promise<{ place: Place; events: ProtestEvent[] } | undefined> {
	const metadata = await details.metadata;
	const records = await parquetReadObjects({ file: details.file, metadata, rowStart: row, rowEnd: row + rows });
	const events: ProtestEvent[] = [];
	let place: Place | undefined;
	records.forEach((record, i) => {
		const draft = draftOfRecord(record, row + i + 1);
		if (!draft) return;
		place ??= placeOfLocation(draft.location, placeId);
		events.push({ ...draft.event, id: draft.event.id ?? `row-${row + i + 1}`, place: placeId } as ProtestEvent);
	});
	return place && { place, events };
}

function placeOfLocation(location: LocationDraft, id: string): Place {
	return {
		type: 'Feature',
		id,
		geometry: { type: 'Point', coordinates: location.coordinates! },
		properties: {
			names: { en: location.name, ...location.names },
			aliases: [],
			kind: location.kind,
			city: id,
			precision: location.precision,
			...(location.country ? { country: location.country } : {}),
			...(location.region ? { region: location.region } : {}),
			sources: []
		}
	};
}

/** A details row as the importer reads it; undefined for a row it would not keep (none, once published). */
function draftOfRecord(record: Record<string, unknown>, line: number): RowDraft | undefined {
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
	return draft && !rejected ? draft : undefined;
}
