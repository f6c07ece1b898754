/**
 * Summaries of events per place and per city: what a marker, a list entry or a panel shows.
 * Crowd sizes stay honest: an unknown size is never counted as zero, and a range keeps both ends.
 */
import { bbox, featureCollection, point } from '@turf/turf';
import { placeName } from './names';
import type { CountRange, EventType, Place, ProtestEvent } from './schema';

/** Event types that are gatherings of people (as opposed to deaths, repression, statements). */
export const GATHERING_TYPES: ReadonlySet<EventType> = new Set(['rally', 'human-chain', 'strike', 'vigil', 'funeral']);

export function isGathering(event: ProtestEvent): boolean {
	return GATHERING_TYPES.has(event.type);
}

/** Both ends of a crowd range; a missing end takes the other's value; both missing is unknown. */
export function crowdBounds(crowd: CountRange): { low: number; high: number; openEnded: boolean } | undefined {
	const low = crowd.low ?? crowd.high;
	const high = crowd.high ?? crowd.low;
	if (low === undefined || high === undefined) return undefined;
	return { low, high, openEnded: crowd.high === undefined };
}

/** A sum of crowd ranges that remembers how many sizes were unknown or open-ended. */
export interface CrowdTotal {
	low: number;
	high: number;
	/** Events with a known size. */
	known: number;
	/** Events whose size was not reported. */
	unknown: number;
	/** Some known size had no upper bound ("more than 10,000"). */
	openEnded: boolean;
}

export function sumCrowds(events: readonly ProtestEvent[]): CrowdTotal {
	const total: CrowdTotal = { low: 0, high: 0, known: 0, unknown: 0, openEnded: false };
	for (const event of events) {
		const bounds = crowdBounds(event.crowd);
		if (!bounds) {
			total.unknown++;
			continue;
		}
		total.low += bounds.low;
		total.high += bounds.high;
		total.known++;
		total.openEnded ||= bounds.openEnded;
	}
	return total;
}

/** Sort key of an event's start: its local date and time as written. */
export function startKey(event: ProtestEvent): string {
	return event.when.start;
}

export function byStart(a: ProtestEvent, b: ProtestEvent): number {
	return startKey(a).localeCompare(startKey(b)) || a.id.localeCompare(b.id);
}

export interface PlaceSummary {
	place: Place;
	events: ProtestEvent[];
	/** The largest gathering reported here (its range); undefined when no size is known. */
	largest?: { low: number; high: number; openEnded: boolean };
	/** The type that colours the marker: the largest gathering's, else the most frequent. */
	headlineType: EventType;
	types: EventType[];
}

/** One summary per place that has events, in date order of each place's first event. */
export function summarisePlaces(events: readonly ProtestEvent[], places: readonly Place[]): PlaceSummary[] {
	const placeById = new Map(places.map((p) => [p.id, p]));
	const groups = new Map<string, ProtestEvent[]>();
	for (const event of [...events].sort(byStart)) {
		if (!groups.has(event.place)) groups.set(event.place, []);
		groups.get(event.place)!.push(event);
	}
	const summaries: PlaceSummary[] = [];
	for (const [placeId, placeEvents] of groups) {
		const place = placeById.get(placeId);
		if (!place) continue;
		let largest: PlaceSummary['largest'];
		let largestEvent: ProtestEvent | undefined;
		for (const event of placeEvents) {
			const bounds = crowdBounds(event.crowd);
			if (
				bounds &&
				(!largest || bounds.high > largest.high || (bounds.high === largest.high && bounds.low > largest.low))
			) {
				largest = bounds;
				largestEvent = event;
			}
		}
		const counts = new Map<EventType, number>();
		for (const event of placeEvents) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
		const mostFrequent = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
		summaries.push({
			place,
			events: placeEvents,
			largest,
			headlineType: largestEvent?.type ?? mostFrequent,
			types: [...counts.keys()]
		});
	}
	return summaries;
}

export interface CitySummary {
	city: Place;
	places: PlaceSummary[];
	events: ProtestEvent[];
	gatherings: ProtestEvent[];
	/** Summed crowd ranges of the city's gatherings. */
	total: CrowdTotal;
	/** First and last local dates (YYYY-MM-DD) of the city's events. */
	span: { from: string; to: string };
}

/** Groups place summaries by the city each place belongs to. */
export function summariseCities(placeSummaries: readonly PlaceSummary[], places: readonly Place[]): CitySummary[] {
	const placeById = new Map(places.map((p) => [p.id, p]));
	const groups = new Map<string, PlaceSummary[]>();
	for (const summary of placeSummaries) {
		const cityId = summary.place.properties.city;
		if (!groups.has(cityId)) groups.set(cityId, []);
		groups.get(cityId)!.push(summary);
	}
	const cities: CitySummary[] = [];
	for (const [cityId, citySummaries] of groups) {
		const city = placeById.get(cityId);
		if (!city) continue;
		const events = citySummaries.flatMap((s) => s.events).sort(byStart);
		const gatherings = events.filter(isGathering);
		const dates = events.flatMap((e) => [e.when.start, e.when.end ?? e.when.start]).map((d) => d.slice(0, 10));
		dates.sort();
		cities.push({
			city,
			places: citySummaries,
			events,
			gatherings,
			total: sumCrowds(gatherings),
			span: { from: dates[0]!, to: dates.at(-1)! }
		});
	}
	return cities;
}

export type CitySort = 'count' | 'size';

/** Cities by number of gatherings or by total crowd (upper estimate), largest first. */
export function sortCities(cities: readonly CitySummary[], by: CitySort): CitySummary[] {
	const key = (c: CitySummary) => (by === 'count' ? c.gatherings.length : c.total.high);
	const tieBreak = (c: CitySummary) => (by === 'count' ? c.total.high : c.gatherings.length);
	return [...cities].sort(
		(a, b) => key(b) - key(a) || tieBreak(b) - tieBreak(a) || placeName(a.city).localeCompare(placeName(b.city))
	);
}

/** Events grouped by their local start date, in date order. */
export function groupByDay(events: readonly ProtestEvent[]): { date: string; events: ProtestEvent[] }[] {
	const days = new Map<string, ProtestEvent[]>();
	for (const event of [...events].sort(byStart)) {
		const date = event.when.start.slice(0, 10);
		if (!days.has(date)) days.set(date, []);
		days.get(date)!.push(event);
	}
	return [...days].map(([date, dayEvents]) => ({ date, events: dayEvents }));
}

/** West, south, east, north around the given places' points (turf), for fitting the map. */
export function boundsOfPlaces(places: readonly Place[]): [number, number, number, number] | undefined {
	if (places.length === 0) return undefined;
	const [w, s, e, n] = bbox(featureCollection(places.map((p) => point(p.geometry.coordinates))));
	return [w, s, e, n];
}

/**
 * Where most events are: the 5th to 95th percentile of their places' longitudes and latitudes, so
 * that a statement in a faraway capital does not pull the opening view across a continent.
 */
export function coreExtent(
	events: readonly ProtestEvent[],
	places: readonly Place[]
): [number, number, number, number] | undefined {
	const byId = new Map(places.map((p) => [p.id, p]));
	const lons: number[] = [];
	const lats: number[] = [];
	for (const event of events) {
		const place = byId.get(event.place);
		if (!place || place.properties.kind === 'country') continue;
		lons.push(place.geometry.coordinates[0]);
		lats.push(place.geometry.coordinates[1]);
	}
	if (lons.length === 0) return undefined;
	const at = (values: number[], q: number) => values.sort((a, b) => a - b)[Math.round(q * (values.length - 1))]!;
	return [at(lons, 0.05), at(lats, 0.05), at(lons, 0.95), at(lats, 0.95)];
}
