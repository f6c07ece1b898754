/**
 * A published dataset: a JSON file that the app fetches from its own origin
 * (`static/data/<slug>.json`), written by the importer after full validation. The page itself
 * only checks its structure, cheaply, since every record was checked when it was written.
 * A large dataset keeps its events' texts and sources apart, in `<slug>.details/<n>.json`
 * (see details.ts), so that the file the map needs first holds only what it draws.
 */
import { z } from './zod';
import { splitDetails } from './details';
import { compareText } from './order';
import { detailsPath, PUBLISHED_VERSION, type DatasetListing, type PublishedIndexFile } from './published-shape';
import { PublishedHeader } from './published-header';
import type { Place, ProtestEvent } from './schema';

// The page's part, without zod, lives in published-shape.ts; the importer and tests find it here too.
export * from './published-shape';

export { PublishedHeader } from './published-header';

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

export function listingOf(dataset: PublishedHeader & { events: readonly unknown[] }): DatasetListing {
	return {
		slug: dataset.slug,
		title: dataset.title,
		from: dataset.dateRange.from,
		to: dataset.dateRange.to,
		events: dataset.events.length
	};
}

/** From this many events on, a published dataset keeps its events' details in separate files. */
const SPLIT_DETAILS_FROM = 2000;
const DETAILS_CHUNK_SIZE = 250;

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
