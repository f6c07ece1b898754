/**
 * What the page needs of a published dataset, without zod: the cheap check of a fetched file's
 * outline, where a split dataset's details are, and the index of datasets. The full schemas are in
 * published.ts, for the importer and the validator.
 */
import type { DetailsOutline } from './details';
import { isRecord } from './file-values';
import type { PublishedHeader } from './published-header';
import type { IndexedEvent, Place } from './schema';
import { PUBLISHED_FORMAT, PUBLISHED_VERSION, SLUG_PATTERN } from './vocabulary';

export { PUBLISHED_FORMAT, PUBLISHED_VERSION } from './vocabulary';
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

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
	/** Published by `npm run tiles`: a tile archive, its summary and its details, not a JSON dataset. */
	tiles?: true;
}
export interface DatasetIndex {
	default: string;
	datasets: DatasetListing[];
}

/**
 * The cheap check the page runs on a fetched file: the right format and version, and records of
 * the right outline. Throws with a plain message when the file is not a published dataset.
 */
export function checkPublishedShape(value: unknown): PublishedIndexFile {
	if (!isRecord(value) || value.format !== PUBLISHED_FORMAT)
		throw new Error('This file is not a Protest Atlas dataset.');
	if (!READABLE_VERSIONS.includes(value.version))
		throw new Error(`This dataset has version ${String(value.version)}; this app reads version ${PUBLISHED_VERSION}.`);
	const { places, events, dateRange, bbox } = value;
	if (!Array.isArray(places) || !Array.isArray(events) || !isRecord(dateRange) || !Array.isArray(bbox))
		throw new Error('This dataset is incomplete: it lacks its places, events, dates or extent.');
	for (const place of places)
		if (!isRecord(place) || typeof place.id !== 'string' || !isRecord(place.geometry) || !isRecord(place.properties))
			throw new Error('This dataset has a malformed place.');
	for (const event of events)
		if (!isRecord(event) || typeof event.id !== 'string' || typeof event.place !== 'string' || !isRecord(event.when))
			throw new Error('This dataset has a malformed event.');
	const { details } = value;
	if (
		details !== undefined &&
		(!isRecord(details) ||
			typeof details.chunkSize !== 'number' ||
			details.chunkSize < 1 ||
			details.chunks !== Math.ceil(events.length / details.chunkSize))
	)
		throw new Error('This dataset’s details do not match its events.');
	return value as unknown as PublishedIndexFile;
}

/**
 * The list of datasets with this one listed (in place of any of its slug), in slug order; a new
 * list, for a first dataset, makes it the default.
 */
export function withListing(index: DatasetIndex | undefined, listing: DatasetListing): DatasetIndex {
	const datasets = [...(index?.datasets ?? []).filter((d) => d.slug !== listing.slug), listing];
	return {
		default: index?.default ?? listing.slug,
		datasets: datasets.sort((a, b) => a.slug.localeCompare(b.slug))
	};
}

/** The dataset a `?data=` value names, if it is a slug the index lists; anything else is refused. */
export function resolveDatasetParam(
	value: string | null,
	index: DatasetIndex
): { slug: string } | { refused: string } | undefined {
	if (value === null) return undefined;
	const listed = index.datasets.find((d) => d.slug === value);
	if (listed && SLUG_PATTERN.test(value)) return { slug: listed.slug };
	return { refused: value };
}
