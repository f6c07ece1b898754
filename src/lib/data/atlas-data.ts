import { formatProblem, readDataset, readGazetteer } from './load';
import type { DatasetHeader, Place, ProtestEvent } from './schema';

/** Everything the app shows, validated: plain data, safe to serialise into the page. */
export interface AtlasData {
	header: DatasetHeader;
	places: Place[];
	events: ProtestEvent[];
	/** Problems found while reading; the records they name are left out and listed. */
	problems: string[];
}

/** Validates a gazetteer and a dataset into AtlasData, reporting (never hiding) bad records. */
export function buildAtlasData(
	gazetteer: unknown,
	dataset: unknown,
	files = { gazetteer: 'gazetteer', dataset: 'dataset' }
): AtlasData {
	const places = readGazetteer(gazetteer, files.gazetteer);
	const events = readDataset(dataset, files.dataset, places.places);
	if (!events.header) throw new Error(events.problems.map(formatProblem).join('\n'));
	return {
		header: events.header,
		places: places.places,
		events: events.events,
		problems: [...places.problems, ...events.problems].map(formatProblem)
	};
}
