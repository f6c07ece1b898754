/**
 * How the largest parts of an answer cross from the view's worker to the page. A million events
 * make tens of thousands of city rows and marker ids; as objects, the page spends a long task
 * unpacking them from the message (structured clone builds every object and string on arrival).
 * Packed, the rows' numbers travel as one typed array and the ids as one JSON string, and the page
 * rebuilds the rows in a few milliseconds.
 */
import type { FeatureCollection } from 'geojson';
import type { CityFacts, ViewUpdate } from './view-model';

/** The markers as MapLibre sources: GeoJSON, or the address of a JSON blob that MapLibre's workers read. */
export interface MarkerSources {
	places: string | FeatureCollection;
	cities: string | FeatureCollection;
	paths: string | FeatureCollection;
	proGovernment: string | FeatureCollection;
	cityIds: string[];
	placeIds: string[];
}

/** An answer as the page reads it: the view's parts that changed, with the markers as sources. */
export type ViewAnswer = Omit<ViewUpdate, 'markers'> & { markers?: MarkerSources };

export interface PackedCities {
	/** The cities' ids, as a JSON array. */
	ids: string;
	/** The dates the rows name, each once. */
	dates: string[];
	/** ROW_WIDTH numbers per city, in the order of `ids`. */
	numbers: Float64Array;
}

/** Per city: counts, peak (present, low, high, date, known, unknown, open-ended), span and bounds. */
const ROW_WIDTH = 16;

export function packCities(cities: readonly CityFacts[]): PackedCities {
	const dates: string[] = [];
	const dateIndex = new Map<string, number>();
	const date = (day: string) => {
		let index = dateIndex.get(day);
		if (index === undefined) dateIndex.set(day, (index = dates.push(day) - 1));
		return index;
	};
	const numbers = new Float64Array(cities.length * ROW_WIDTH);
	let at = 0;
	for (const { eventCount, gatheringCount, peak, span, bounds } of cities) {
		numbers[at] = eventCount;
		numbers[at + 1] = gatheringCount;
		if (peak) {
			numbers[at + 2] = 1;
			numbers[at + 3] = peak.low;
			numbers[at + 4] = peak.high;
			numbers[at + 5] = date(peak.day);
			numbers[at + 6] = peak.known;
			numbers[at + 7] = peak.unknown;
			numbers[at + 8] = peak.openEnded ? 1 : 0;
		}
		numbers[at + 9] = date(span.from);
		numbers[at + 10] = date(span.to);
		if (bounds) {
			numbers[at + 11] = 1;
			numbers.set(bounds, at + 12);
		}
		at += ROW_WIDTH;
	}
	return { ids: JSON.stringify(cities.map((c) => c.id)), dates, numbers };
}

export function unpackCities({ ids, dates, numbers }: PackedCities): CityFacts[] {
	return (JSON.parse(ids) as string[]).map((id, i): CityFacts => {
		const n = numbers.subarray(i * ROW_WIDTH, (i + 1) * ROW_WIDTH);
		const row: CityFacts = {
			id,
			eventCount: n[0]!,
			gatheringCount: n[1]!,
			span: { from: dates[n[9]!]!, to: dates[n[10]!]! }
		};
		if (n[2]) {
			const [low, high, day, known, unknown, open] = n.subarray(3, 9);
			row.peak = { low: low!, high: high!, day: dates[day!]!, known: known!, unknown: unknown!, openEnded: open === 1 };
		}
		if (n[11]) row.bounds = [n[12]!, n[13]!, n[14]!, n[15]!];
		return row;
	});
}

/** Ids as one string: one copy across threads instead of one per id. */
export const packIds = (ids: readonly string[]): string => JSON.stringify(ids);
export const unpackIds = (packed: string): string[] => JSON.parse(packed) as string[];

/** An answer as it travels, its longest lists packed. */
export type PackedAnswer = Omit<ViewAnswer, 'cities' | 'markers'> & {
	cities?: PackedCities;
	markers?: Omit<MarkerSources, 'cityIds' | 'placeIds'> & { cityIds: string; placeIds: string };
};

export function packAnswer({ cities, markers, ...rest }: ViewAnswer): PackedAnswer {
	return {
		...rest,
		...(cities ? { cities: packCities(cities) } : {}),
		...(markers
			? { markers: { ...markers, cityIds: packIds(markers.cityIds), placeIds: packIds(markers.placeIds) } }
			: {})
	};
}

export function unpackAnswer({ cities, markers, ...rest }: PackedAnswer): ViewAnswer {
	return {
		...rest,
		...(cities ? { cities: unpackCities(cities) } : {}),
		...(markers
			? { markers: { ...markers, cityIds: unpackIds(markers.cityIds), placeIds: unpackIds(markers.placeIds) } }
			: {})
	};
}
