/**
 * A published dataset: one self-contained JSON file that the app fetches from its own origin
 * (`static/data/<slug>.json`), written by the importer after full validation. The page itself
 * only checks its structure, cheaply, since every record was checked when it was written.
 */
import { z } from 'zod';
import { IsoDate, LanguageTag, Slug, type Place, type ProtestEvent } from './schema';

export const PUBLISHED_FORMAT = 'protest-atlas-dataset';
export const PUBLISHED_VERSION = 1;

export const PublishedHeader = z.object({
	format: z.literal(PUBLISHED_FORMAT),
	version: z.literal(PUBLISHED_VERSION),
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
		.optional()
});
export type PublishedHeader = z.infer<typeof PublishedHeader>;

/** The whole file, whose records are checked one by one after this outline. */
export const PublishedFile = PublishedHeader.extend({
	places: z.array(z.unknown()),
	events: z.array(z.unknown())
}).strict();

export interface PublishedDataset extends PublishedHeader {
	places: Place[];
	events: ProtestEvent[];
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

export function listingOf(dataset: PublishedDataset): DatasetListing {
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
export function checkPublishedShape(value: unknown): PublishedDataset {
	if (!isObject(value) || value.format !== PUBLISHED_FORMAT)
		throw new Error('This file is not a Protest Atlas dataset.');
	if (value.version !== PUBLISHED_VERSION)
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
	return value as unknown as PublishedDataset;
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
