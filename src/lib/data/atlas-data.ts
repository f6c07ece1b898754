import { detailsAtHand, type EventDetailsSource } from './details';
import type { PublishedHeader, PublishedIndexFile } from './published';
import type { IndexedEvent, Place } from './schema';

/** What the app shows about a dataset as a whole. */
export interface AtlasHeader {
	slug: string;
	name: string;
	description?: string;
	timeZone: string;
	bbox: [number, number, number, number];
	dateRange: { from: string; to: string };
	defaultLanguage: string;
	attribution: string[];
	provenance?: PublishedHeader['provenance'];
}

/** Everything the app shows: plain data, already validated when it was published or imported. */
export interface AtlasData {
	header: AtlasHeader;
	places: Place[];
	/** What the map and lists need of each event; a panel asks `details` for the rest. */
	events: IndexedEvent[];
	details: EventDetailsSource;
	/** The address the published index was read from, for a worker to read it too; unset for a reader's own file. */
	indexUrl?: string;
}

export function toAtlasData(dataset: PublishedIndexFile, details: EventDetailsSource = detailsAtHand()): AtlasData {
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
			...(dataset.provenance ? { provenance: dataset.provenance } : {})
		},
		places: dataset.places,
		events: dataset.events,
		details
	};
}
