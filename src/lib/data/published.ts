/**
 * A published dataset: a JSON file that the app fetches from its own origin
 * (`static/data/<slug>.json`), written by the importer after full validation. The page itself
 * only checks its structure, cheaply, since every record was checked when it was written.
 * A large dataset keeps its events' texts and sources apart, in `<slug>.details/<n>.json`
 * (see details.ts), so that the file the map needs first holds only what it draws.
 */
import { z } from 'zod';
import { splitDetails, type DetailsOutline } from './details';
import { compareText } from './order';
import { IsoDate, LanguageTag, Slug, type IndexedEvent, type Place, type ProtestEvent } from './schema';

export const PUBLISHED_FORMAT = 'protest-atlas-dataset';
/** Version 2 added details in separate files; version 1 files are read as they are. */
export const PUBLISHED_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

export const PublishedHeader = z.object({
	format: z.literal(PUBLISHED_FORMAT),
	version: z.union([z.literal(1), z.literal(2)]),
	slug: Slug,
	title: z.string().min(1),
	description: z.string().optional(),
	/** The language place names fall back to when the reader's is missing. */
	defaultLanguage: LanguageTag,
	/** The IANA time zone of events' local times. */
	timeZone: z.string().min(1),
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	dateRange: z.object({ from: IsoDate, to: IsoDate }),
	/** Who made the data and under what terms, shown with the map. */
	attribution: z.array(z.string().min(1)).default([]),
	/** How the file was made: the importer's counts, so a reader can see nothing was lost. */
	provenance: z
		.object({
			format: z.string(),
			file: z.string().optional(),
			rowsRead: z.number().int().nonnegative(),
			imported: z.number().int().nonnegative(),
			rejected: z.number().int().nonnegative()
		})
		.optional(),
	/** Present when the events' texts and sources are in `<slug>.details/<n>.json`. */
	details: z.object({ chunkSize: z.number().int().positive(), chunks: z.number().int().nonnegative() }).optional()
});
export type PublishedHeader = z.infer<typeof PublishedHeader>;

/** The whole file, whose records are checked one by one after this outline. */
export const PublishedFile = PublishedHeader.extend({
	places: z.array(z.unknown()),
	events: z.array(z.unknown())
}).strict();

/** A dataset with every event whole, as the importer makes it. */
export interface PublishedDataset extends PublishedHeader {
	places: Place[];
	events: ProtestEvent[];
}

/** A published file as the page reads it: whole events, or an index whose details are apart. */
export interface PublishedIndexFile extends PublishedHeader {
	places: Place[];
	events: IndexedEvent[];
	details?: DetailsOutline;
}

/** Where the details of a split dataset's chunk n are, beside its index file. */
export function detailsPath(slug: string, n: number): string {
	return `${slug}.details/${n}.json`;
}

/** The list of published datasets (`static/data/index.json`) that the picker shows. */
export interface DatasetListing {
	slug: string;
	title: string;
	from: string;
	to: string;
	events: number;
}
export interface DatasetIndex {
	default: string;
	datasets: DatasetListing[];
}

export function listingOf(dataset: PublishedHeader & { events: readonly unknown[] }): DatasetListing {
	return {
		slug: dataset.slug,
		title: dataset.title,
		from: dataset.dateRange.from,
		to: dataset.dateRange.to,
		events: dataset.events.length
	};
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The cheap check the page runs on a fetched file: the right format and version, and records of
 * the right outline. Throws with a plain message when the file is not a published dataset.
 */
export function checkPublishedShape(value: unknown): PublishedIndexFile {
	if (!isObject(value) || value.format !== PUBLISHED_FORMAT)
		throw new Error('This file is not a Protest Atlas dataset.');
	if (!READABLE_VERSIONS.includes(value.version))
		throw new Error(`This dataset has version ${String(value.version)}; this app reads version ${PUBLISHED_VERSION}.`);
	const { places, events, dateRange, bbox } = value;
	if (!Array.isArray(places) || !Array.isArray(events) || !isObject(dateRange) || !Array.isArray(bbox))
		throw new Error('This dataset is incomplete: it lacks its places, events, dates or extent.');
	for (const place of places)
		if (!isObject(place) || typeof place.id !== 'string' || !isObject(place.geometry) || !isObject(place.properties))
			throw new Error('This dataset has a malformed place.');
	for (const event of events)
		if (!isObject(event) || typeof event.id !== 'string' || typeof event.place !== 'string' || !isObject(event.when))
			throw new Error('This dataset has a malformed event.');
	const { details } = value;
	if (
		details !== undefined &&
		(!isObject(details) ||
			typeof details.chunkSize !== 'number' ||
			details.chunkSize < 1 ||
			details.chunks !== Math.ceil(events.length / details.chunkSize))
	)
		throw new Error('This dataset’s details do not match its events.');
	return value as unknown as PublishedIndexFile;
}

/** The dataset a `?data=` value names, if it is a slug the index lists; anything else is refused. */
export function resolveDatasetParam(
	value: string | null,
	index: DatasetIndex
): { slug: string } | { refused: string } | undefined {
	if (value === null) return undefined;
	const listed = index.datasets.find((d) => d.slug === value);
	if (listed && Slug.safeParse(value).success) return { slug: listed.slug };
	return { refused: value };
}

/** From this many events on, a published dataset keeps its events' details in separate files. */
export const SPLIT_DETAILS_FROM = 2000;
export const DETAILS_CHUNK_SIZE = 250;

/**
 * The files that publish a dataset, by path relative to the data folder: `<slug>.json` alone, or
 * for a large dataset an index and its details in chunks. Split events are ordered by city, place
 * and time, so that a panel's events share a chunk or two.
 */
export function publishedFiles(
	dataset: PublishedDataset,
	{ splitFrom = SPLIT_DETAILS_FROM, chunkSize = DETAILS_CHUNK_SIZE } = {}
): { path: string; text: string }[] {
	const file = `${dataset.slug}.json`;
	if (dataset.events.length < splitFrom) return [{ path: file, text: `${JSON.stringify(dataset)}\n` }];
	const cityOf = new Map(dataset.places.map((p) => [p.id, p.properties.city]));
	const key = (e: ProtestEvent) => `${cityOf.get(e.place) ?? ''}\u0000${e.place}\u0000${e.when.start}\u0000${e.id}`;
	const ordered = dataset.events
		.map((event) => ({ event, key: key(event) }))
		.sort((a, b) => compareText(a.key, b.key))
		.map(({ event }) => event);
	const { index, chunks, outline } = splitDetails(ordered, chunkSize);
	const header: PublishedIndexFile = { ...dataset, version: PUBLISHED_VERSION, events: index, details: outline };
	return [
		{ path: file, text: `${JSON.stringify(header)}\n` },
		...chunks.map((chunk, n) => ({ path: detailsPath(dataset.slug, n), text: `${JSON.stringify(chunk)}\n` }))
	];
}
