/**
 * What the reader sees, written out: ACLED-column CSV, CCC-column CSV and GeoJSON (RFC 7946).
 * Each carries the events' own words (crowd text, quotes) beside the numbers, and no more
 * precision than the published data holds. Importing an export gives back the same events.
 */
import Papa from 'papaparse';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { ACLED_COLUMNS, ACLED_GEO_PRECISION, ACLED_NUMERIC } from './import/acled';
import { CCC_COLUMNS, CCC_NUMERIC } from './import/ccc';
import { placeName } from './names';
import type { EventOrigin, Place, ProtestEvent } from './schema';
import { spreadsheetSafe } from './spreadsheet-cells';
import { EVENT_TYPES } from './vocabulary';

/** `protest-atlas-<dataset>-<from>-<to>.<ext>` */
export function exportFileName(slug: string, range: { from: string; to: string }, ext: string): string {
	return `protest-atlas-${slug}-${range.from}-${range.to}.${ext}`;
}

/** Place and city of each event, looked up once. */
function locator(places: readonly Place[]) {
	const byId = new Map(places.map((p) => [p.id, p]));
	return (event: ProtestEvent) => {
		const place = byId.get(event.place);
		if (!place) throw new Error(`event ${event.id} names a place that is not in the dataset: ${event.place}`);
		return { place, city: byId.get(place.properties.city) ?? place };
	};
}

/** Tag values cannot hold the tag separator: it is written %3B (and % itself %25), as in a URL. */
const tagValue = (text: string) => text.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/\r?\n/g, ' ');

/**
 * ACLED's `tags` for an event: the crowd size in words ACLED uses ("between 200 and 300"), and,
 * so that a round trip keeps them, the source's own words, the convention, our type and a span of days.
 */
function acledTags(event: ProtestEvent): string {
	const { low, high, text, convention } = event.crowd;
	let size: string | undefined;
	if (low !== undefined && high !== undefined) size = low === high ? `around ${low}` : `between ${low} and ${high}`;
	else if (low !== undefined) size = `more than ${low}`;
	else if (high !== undefined) size = `up to ${high}`;
	else if (text) size = tagValue(text);
	// Nothing known, nothing said: an empty size would come back as the words "no report".
	const tags = size ? [`crowd size=${size}`] : [];
	if (text && (low !== undefined || high !== undefined)) tags.push(`crowd words=${tagValue(text)}`);
	if (convention) tags.push(`crowd convention=${convention}`);
	tags.push(`atlas type=${event.type}`);
	if (event.when.precision === 'days') tags.push(`atlas days=${event.when.start}/${event.when.end}`);
	return tags.join('; ');
}

function acledGeoPrecision(place: Place): string {
	if (place.properties.kind === 'region') return '3';
	const { precision } = place.properties;
	if (precision.kind === 'exact') return '1';
	return precision.radiusM <= (ACLED_GEO_PRECISION['2']!.radiusM ?? 0) ? '2' : '3';
}

function acledSplit(event: ProtestEvent): [string, string] {
	const own = event.sourceType?.split(' / ');
	if (own?.length === 2) return own as [string, string];
	return [...EVENT_TYPES[event.type].acled];
}

const eventDay = (event: ProtestEvent) => event.when.start.slice(0, 10);

/**
 * A format's CSV. An event imported from that format gives back its source row: every column with
 * its original value, and the file's own extra columns after the format's. Our values fill only
 * the cells the source left empty. Every cell is made safe for a spreadsheet.
 */
function formatCsv(
	format: EventOrigin['format'],
	columns: readonly string[],
	numeric: ReadonlySet<string>,
	events: readonly ProtestEvent[],
	ours: (event: ProtestEvent) => Record<string, string>
): string {
	const known = new Set(columns);
	const extra = new Set<string>();
	for (const event of events)
		if (event.origin?.format === format)
			for (const column of Object.keys(event.origin.row)) if (!known.has(column)) extra.add(column);
	const fields = [...columns, ...extra];
	const data = events.map((event) => {
		const row = ours(event);
		if (event.origin?.format === format) Object.assign(row, event.origin.row);
		return fields.map((column) => spreadsheetSafe(row[column] ?? '', numeric.has(column)));
	});
	return Papa.unparse({ fields: fields.map((f) => spreadsheetSafe(f)), data }, { newline: '\r\n' }) + '\r\n';
}

/** One CSV with ACLED's columns. Spans of days are written as their first day with time_precision 2. */
export function toAcledCsv(events: readonly ProtestEvent[], places: readonly Place[]): string {
	const locate = locator(places);
	return formatCsv('acled', ACLED_COLUMNS, ACLED_NUMERIC, events, (event) => {
		const { place } = locate(event);
		const [eventType, subEventType] = acledSplit(event);
		const [lon, lat] = place.geometry.coordinates;
		const quote = event.sources.find((s) => s.quote)?.quote ?? event.description ?? '';
		const row: Record<string, string> = {
			event_id_cnty: event.id,
			event_date: eventDay(event),
			year: eventDay(event).slice(0, 4),
			time_precision: event.when.precision === 'days' ? '2' : '1',
			event_type: eventType,
			sub_event_type: subEventType,
			actor1: event.actors[0] ?? '',
			assoc_actor_1: event.actors.slice(1).join('; '),
			country: place.properties.country ?? '',
			admin1: place.properties.region ?? '',
			location: placeName(place),
			latitude: String(lat),
			longitude: String(lon),
			geo_precision: acledGeoPrecision(place),
			source: event.sources.map((s) => s.publisher).join('; '),
			notes: quote,
			fatalities: String(event.killed?.low ?? 0),
			tags: acledTags(event)
		};
		return row;
	});
}

/** One CSV with the Crowd Counting Consortium's columns. */
export function toCccCsv(events: readonly ProtestEvent[], places: readonly Place[]): string {
	const locate = locator(places);
	return formatCsv('ccc', CCC_COLUMNS, CCC_NUMERIC, events, (event) => {
		const { place, city } = locate(event);
		const [lon, lat] = place.geometry.coordinates;
		const urls = event.sources.flatMap((s) => (s.url ? [s.url] : [])).slice(0, 3);
		const own = place.id === city.id;
		const { low, high } = event.crowd;
		const row: Record<string, string> = {
			date: eventDay(event),
			locality: placeName(city),
			state: place.properties.region ?? '',
			location: own ? '' : placeName(place),
			type: event.sourceType && !event.sourceType.includes(' / ') ? event.sourceType : event.type,
			actors: event.actors.join('; '),
			claims: event.sources.find((s) => s.quote)?.quote ?? '',
			size_low: low === undefined ? '' : String(low),
			size_high: high === undefined ? '' : String(high),
			size_text: event.crowd.text ?? '',
			arrests: event.detained?.low === undefined ? '' : String(event.detained.low),
			source_1: urls[0] ?? '',
			source_2: urls[1] ?? '',
			source_3: urls[2] ?? '',
			misc: event.description ?? '',
			lat: String(lat),
			lon: String(lon),
			resolved_locality: placeName(city),
			resolved_state: place.properties.region ?? ''
		};
		return row;
	});
}

type ExportProperties = Record<string, string | number | boolean | Record<string, string> | undefined>;

/** GeoJSON (RFC 7946): one feature per event, a route as its LineString, properties in common names. */
export function toGeoJson(
	events: readonly ProtestEvent[],
	places: readonly Place[],
	timeZone?: string
): FeatureCollection<Point | LineString> & { time_zone?: string } {
	const locate = locator(places);
	return {
		type: 'FeatureCollection',
		// A foreign member (RFC 7946 §6.1): local times are in this zone.
		...(timeZone ? { time_zone: timeZone } : {}),
		features: events.map((event): Feature<Point | LineString> => {
			const { place, city } = locate(event);
			return {
				type: 'Feature',
				geometry: event.path ?? place.geometry,
				properties: exportProperties(event, place, city)
			};
		})
	};
}

/** An event's properties in the GeoJSON and Parquet exports' common names; none is undefined. */
export function exportProperties(event: ProtestEvent, place: Place, city: Place): ExportProperties {
	const source = event.sources[0]!;
	const { precision } = place.properties;
	const properties: ExportProperties = {
		id: event.id,
		title: event.title,
		date: event.when.start,
		end: event.when.end,
		precision: event.when.precision,
		route_sourced: event.path ? event.pathSourced === true : undefined,
		type: event.type,
		status: event.status,
		stance: event.stance,
		size_low: event.crowd.low,
		size_high: event.crowd.high,
		size_text: event.crowd.text,
		size_convention: event.crowd.convention,
		detained: event.detained?.low,
		killed: event.killed?.low,
		description: event.description,
		location: placeName(place),
		names: place.properties.names,
		city: placeName(city),
		region: place.properties.region,
		country: place.properties.country,
		radius_m: precision.kind === 'approximate' ? precision.radiusM : undefined,
		source: source.publisher,
		url: source.url,
		language: source.language,
		quote: source.quote,
		quote_kind: source.quoteKind
	};
	for (const key of Object.keys(properties)) if (properties[key] === undefined) delete properties[key];
	return properties;
}

/** The import report as CSV: every rejected row and warning with its line, field and reason. */
export function reportCsv(report: {
	rejections: readonly { line: number; field: string; message: string }[];
	warnings: readonly { line: number; field: string; message: string }[];
}): string {
	const rows = [
		...report.rejections.map((i) => ['rejected', String(i.line), i.field, i.message]),
		...report.warnings.map((i) => ['warning', String(i.line), i.field, i.message])
	].map((row) => row.map((cell, column) => spreadsheetSafe(cell, column === 1)));
	return Papa.unparse({ fields: ['outcome', 'line', 'field', 'reason'], data: rows }, { newline: '\r\n' }) + '\r\n';
}

/** An export of the shown events as a file: its name (with the dataset and dates), text and type. */
export function exportFile(
	kind: 'acled' | 'ccc' | 'geojson',
	events: readonly ProtestEvent[],
	dataset: { slug: string; places: readonly Place[]; timeZone: string },
	range: { from: string; to: string }
): { name: string; content: string; type: string } {
	const name = (ext: string) => exportFileName(dataset.slug, range, ext);
	const csv = 'text/csv;charset=utf-8';
	if (kind === 'acled') return { name: name('acled.csv'), content: toAcledCsv(events, dataset.places), type: csv };
	if (kind === 'ccc') return { name: name('ccc.csv'), content: toCccCsv(events, dataset.places), type: csv };
	const geojson = toGeoJson(events, dataset.places, dataset.timeZone);
	return { name: name('geojson'), content: JSON.stringify(geojson), type: 'application/geo+json' };
}
