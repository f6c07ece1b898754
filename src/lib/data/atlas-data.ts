import { coreExtent, maxCrowd } from './aggregate';
import type { EventDetailsSource } from './details';
import type { PublishedHeader } from './published-header';
import type { PublishedIndexFile } from './published-shape';
import type { Place } from './schema';

/** What the app shows about a dataset as a whole. */
interface AtlasHeader {
	slug: string;
	name: string;
	description?: string;
	timeZone: string;
	bbox: [number, number, number, number];
	dateRange: { from: string; to: string };
	defaultLanguage: string;
	attribution: string[];
	provenance?: PublishedHeader['provenance'];
	/** How many details files a large dataset has beside its index (`<slug>.details/<n>.json`). */
	detailsChunks?: number;
}

/**
 * What the page needs of a dataset whose events stay with the view model (in its worker): the
 * header and places, and what the whole set of events decides once.
 */
export interface DatasetOutline {
	file: Omit<PublishedIndexFile, 'events'>;
	eventCount: number;
	/** Where most events are (coreExtent), where the map opens. */
	extent?: [number, number, number, number];
	/** The largest figure any circle can show: the scales' domain. */
	maxCrowd: number;
}

export function outlineOf({ events, ...file }: PublishedIndexFile): DatasetOutline {
	const extent = coreExtent(events, file.places);
	return { file, eventCount: events.length, ...(extent ? { extent } : {}), maxCrowd: maxCrowd(events) };
}

/** Everything the page shows: plain data, already validated when it was published or imported. */
export interface AtlasData {
	header: AtlasHeader;
	places: Place[];
	eventCount: number;
	extent: [number, number, number, number];
	maxCrowd: number;
	/** The whole events (texts and sources too), asked of the view model's worker. */
	details: EventDetailsSource;
	/** The address the published index was read from; unset for a reader's own file. */
	indexUrl?: string;
}

export function toAtlasData(outline: DatasetOutline, details: EventDetailsSource, indexUrl?: string): AtlasData {
	const dataset = outline.file;
	return {
		header: {
			slug: dataset.slug,
			name: dataset.title,
			...(dataset.description ? { description: dataset.description } : {}),
			timeZone: dataset.timeZone,
			bbox: dataset.bbox,
			dateRange: dataset.dateRange,
			defaultLanguage: dataset.defaultLanguage,
			attribution: dataset.attribution,
			...(dataset.provenance ? { provenance: dataset.provenance } : {}),
			...(dataset.details ? { detailsChunks: dataset.details.chunks } : {})
		},
		places: dataset.places,
		eventCount: outline.eventCount,
		extent: outline.extent ?? dataset.bbox,
		maxCrowd: outline.maxCrowd,
		details,
		...(indexUrl ? { indexUrl } : {})
	};
}
