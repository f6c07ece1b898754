/**
 * Summaries of events per place and per city: what a marker, a list entry or a panel shows.
 * Crowd sizes stay honest: an unknown size is never counted as zero, and a range keeps both ends.
 */
import { compareText } from './order';
import { cachedIndexById, groupBy } from './lookup';
import type { CountRange, EventType, Place, IndexedEvent } from './schema';

/** Event types that are gatherings of people (as opposed to deaths, repression, statements). */
const GATHERING_TYPES: ReadonlySet<EventType> = new Set(['rally', 'human-chain', 'strike', 'vigil', 'funeral']);

function isGathering(event: IndexedEvent): boolean {
	return GATHERING_TYPES.has(event.type);
}

/** Both ends of a crowd range; a missing end takes the other's value; both missing is unknown. */
export function crowdBounds(crowd: CountRange): { low: number; high: number; openEnded: boolean } | undefined {
	const low = crowd.low ?? crowd.high;
	const high = crowd.high ?? crowd.low;
	if (low === undefined || high === undefined) return undefined;
	return { low, high, openEnded: crowd.high === undefined };
}

/**
 * A crowd figure for a group of gatherings that never counts the same people twice: the largest
 * single-day turnout. Per day, the sizes of that day's distinct gatherings are summed (someone at
 * two gatherings on one day is the rare exception); the figure is the largest of those day sums,
 * for the low and for the high estimate each. A gathering spanning several days counts on each.
 */
export interface Turnout {
	low: number;
	high: number;
	/** The day of the largest high estimate. */
	day: string;
	/** Gatherings with a known size. */
	known: number;
	/** Gatherings whose size was not reported: not in the figure, counted apart. */
	unknown: number;
	/** Some known size on the peak day had no upper bound ("more than 10,000"). */
	openEnded: boolean;
}

/** Per-day sums of known crowd sizes: `day → [low, high, open-ended]`. */
export type DaySums = Map<string, [number, number, boolean]>;

/** Sums each day's gatherings, within `range` when one is given. */
export function daySums(events: readonly IndexedEvent[], range?: { from: string; to: string }): DaySums {
	const sums: DaySums = new Map();
	for (const event of events) {
		const bounds = crowdBounds(event.crowd);
		if (!bounds) continue;
		const first = event.when.start.slice(0, 10);
		const last = (event.when.end ?? event.when.start).slice(0, 10);
		if (first > last) continue;
		for (let day = first; ; day = nextDay(day)) {
			if (!range || (day >= range.from && day <= range.to)) {
				const sum = sums.get(day);
				if (sum) {
					sum[0] += bounds.low;
					sum[1] += bounds.high;
					sum[2] ||= bounds.openEnded;
				} else sums.set(day, [bounds.low, bounds.high, bounds.openEnded]);
			}
			// Most events last a day: no date arithmetic for them.
			if (day >= last) break;
		}
	}
	return sums;
}

/** Adds the second's day sums into the first. */
function mergeDaySums(into: DaySums, from: DaySums): DaySums {
	for (const [day, [low, high, open]] of from) {
		const sum = into.get(day) ?? [0, 0, false];
		into.set(day, [sum[0] + low, sum[1] + high, sum[2] || open]);
	}
	return into;
}

/** The largest day of a set of gatherings: its sums, and whether one of its sizes had no upper bound. */
export type DayPeak = Pick<Turnout, 'low' | 'high' | 'day' | 'openEnded'>;

/** The largest day of a set of day sums; undefined when no size is known. */
export function peakOf(sums: DaySums): DayPeak | undefined {
	let peak: DayPeak | undefined;
	let low = 0;
	for (const [day, [dayLow, dayHigh, open]] of sums) {
		low = Math.max(low, dayLow);
		if (!peak || dayHigh > peak.high || (dayHigh === peak.high && day < peak.day))
			peak = { low: 0, high: dayHigh, day, openEnded: open };
	}
	return peak && { ...peak, low };
}

/** The largest single-day turnout of these gatherings, with the unknown sizes counted apart. */
export function peakTurnout(
	gatherings: readonly IndexedEvent[],
	range?: { from: string; to: string }
): Turnout | undefined {
	return turnoutOf(daySums(gatherings, range), gatherings);
}

/** The same, from the gatherings' day sums already made. */
function turnoutOf(days: DaySums, gatherings: readonly IndexedEvent[]): Turnout | undefined {
	return turnoutFrom(days, gatherings.length, gatherings.filter((e) => crowdBounds(e.crowd)).length);
}

/** The same, from day sums and the number of gatherings, and of those with a known size. */
export function turnoutFrom(days: DaySums, gatherings: number, known: number): Turnout | undefined {
	const peak = peakOf(days);
	// Written out, not spread: tens of thousands of places are summed on every step.
	return (
		peak && {
			low: peak.low,
			high: peak.high,
			day: peak.day,
			openEnded: peak.openEnded,
			known,
			unknown: gatherings - known
		}
	);
}

/** Whether a gathering counts towards protest turnout: pro-government and official events never do. */
export function isProtestGathering(event: IndexedEvent): boolean {
	return isGathering(event) && event.stance !== 'pro-government' && event.stance !== 'authorities';
}

export function isProGovernmentGathering(event: IndexedEvent): boolean {
	return isGathering(event) && event.stance === 'pro-government';
}

function nextDay(ymd: string): string {
	const date = new Date(`${ymd}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

/** Sort key of an event's start: its local date and time as written. */
function startKey(event: IndexedEvent): string {
	return event.when.start;
}

/** Date order, then id order. */
export function byStart(a: IndexedEvent, b: IndexedEvent): number {
	return compareText(startKey(a), startKey(b)) || compareText(a.id, b.id);
}

/** The events in date order; events already in it (a published dataset's, filtered) cost one pass, not a sort. */
function inDateOrder(events: readonly IndexedEvent[]): readonly IndexedEvent[] {
	for (let i = 1; i < events.length; i++) if (byStart(events[i - 1]!, events[i]!) > 0) return [...events].sort(byStart);
	return events;
}

/**
 * What a marker, a list row or a group needs of a place: its counts and figures, not its events.
 * The view's worker makes these from columns (event-table.ts); a panel's summary adds the events.
 */
export interface PlaceTotals {
	place: Place;
	eventCount: number;
	/** Protest gatherings here (not pro-government, not official). */
	gatheringCount: number;
	/** Those of them with a known size. */
	knownCount: number;
	/** Their sizes summed per day (within the range summarised), which the peak is the largest of. */
	days: DaySums;
	/** Their largest single-day turnout; undefined when no size is known. */
	peak?: Turnout;
	/** The type that colours the marker: the largest gathering's, else the most frequent. */
	headlineType: EventType;
	/** Pro-government gatherings here, drawn apart and never added to protest figures. */
	proGovernmentCount: number;
	/** Their largest single-day turnout. */
	proGovernmentPeak?: DayPeak;
	/** First and last local dates (YYYY-MM-DD) of the place's events. */
	span: { from: string; to: string };
}

export interface PlaceSummary extends PlaceTotals {
	events: IndexedEvent[];
	gatherings: IndexedEvent[];
	proGovernment: IndexedEvent[];
}

/** First and last local dates of some events, which must not be none. */
function spanOf(events: readonly IndexedEvent[]): { from: string; to: string } {
	let from = events[0]!.when.start.slice(0, 10);
	let to = from;
	for (const event of events) {
		const first = event.when.start.slice(0, 10);
		const last = (event.when.end ?? event.when.start).slice(0, 10);
		if (first < from) from = first;
		if (last > to) to = last;
	}
	return { from, to };
}

/** One summary per place that has events, in date order of each place's first event. */
export function summarisePlaces(
	events: readonly IndexedEvent[],
	places: readonly Place[],
	range?: { from: string; to: string }
): PlaceSummary[] {
	const placeById = cachedIndexById(places);
	// Grouped first, then each place put in date order: a published dataset lists each place's events
	// in date order already, so that costs a pass rather than a sort of every event.
	const groups = [...groupBy(events, (event) => event.place)]
		.map(([placeId, list]) => [placeId, inDateOrder(list) as IndexedEvent[]] as const)
		.sort((a, b) => byStart(a[1][0]!, b[1][0]!));
	const summaries: PlaceSummary[] = [];
	for (const [placeId, placeEvents] of groups) {
		const place = placeById.get(placeId);
		if (!place) continue;
		const gatherings = placeEvents.filter(isProtestGathering);
		const knownCount = gatherings.filter((e) => crowdBounds(e.crowd)).length;
		const days = daySums(gatherings, range);
		const peak = turnoutFrom(days, gatherings.length, knownCount);
		// The type that colours the marker: the biggest gathering's, else the most frequent.
		let biggest: IndexedEvent | undefined;
		for (const event of gatherings) {
			const high = crowdBounds(event.crowd)?.high;
			if (high !== undefined && (!biggest || high > crowdBounds(biggest.crowd)!.high)) biggest = event;
		}
		const counts = new Map<EventType, number>();
		for (const event of placeEvents) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
		const mostFrequent = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
		const proGovernment = placeEvents.filter(isProGovernmentGathering);
		const proGovernmentPeak = proGovernment.length ? peakOf(daySums(proGovernment, range)) : undefined;
		summaries.push({
			place,
			events: placeEvents,
			eventCount: placeEvents.length,
			gatherings,
			gatheringCount: gatherings.length,
			knownCount,
			days,
			...(peak ? { peak } : {}),
			proGovernment,
			proGovernmentCount: proGovernment.length,
			...(proGovernmentPeak ? { proGovernmentPeak } : {}),
			headlineType: biggest?.type ?? mostFrequent,
			span: spanOf(placeEvents)
		});
	}
	return summaries;
}

/** A city's counts and figures: its places' added up. */
export interface CityTotals<P extends PlaceTotals = PlaceTotals> {
	city: Place;
	places: P[];
	eventCount: number;
	/** Protest gatherings in the city (not pro-government, not official). */
	gatheringCount: number;
	/** Their sizes summed per day, across all the city's places. */
	days: DaySums;
	/** Their largest single-day turnout, across all the city's places. */
	peak?: Turnout;
	/** First and last local dates (YYYY-MM-DD) of the city's events. */
	span: { from: string; to: string };
}

export interface CitySummary extends CityTotals<PlaceSummary> {
	events: IndexedEvent[];
	gatherings: IndexedEvent[];
}

/**
 * Groups places by the city each belongs to, over the date range the places were summarised
 * for: a city's counts and days are its places' added up.
 */
export function totalCities<P extends PlaceTotals>(
	placeTotals: readonly P[],
	places: readonly Place[]
): CityTotals<P>[] {
	const placeById = cachedIndexById(places);
	const groups = groupBy(placeTotals, (totals) => totals.place.properties.city);
	const cities: CityTotals<P>[] = [];
	for (const [cityId, cityPlaces] of groups) {
		const city = placeById.get(cityId);
		if (!city) continue;
		// Most cities have one place: its counts, days and peak are the city's.
		if (cityPlaces.length === 1) {
			const [only] = cityPlaces as [P];
			const { eventCount, gatheringCount, days, peak, span } = only;
			const totals: CityTotals<P> = { city, places: cityPlaces, eventCount, gatheringCount, days, span };
			if (peak) totals.peak = peak;
			cities.push(totals);
			continue;
		}
		let eventCount = 0;
		let gatheringCount = 0;
		let knownCount = 0;
		const days: DaySums = new Map();
		let { from, to } = cityPlaces[0]!.span;
		for (const totals of cityPlaces) {
			eventCount += totals.eventCount;
			gatheringCount += totals.gatheringCount;
			knownCount += totals.knownCount;
			mergeDaySums(days, totals.days);
			if (totals.span.from < from) from = totals.span.from;
			if (totals.span.to > to) to = totals.span.to;
		}
		const totals: CityTotals<P> = { city, places: cityPlaces, eventCount, gatheringCount, days, span: { from, to } };
		const peak = turnoutFrom(days, gatheringCount, knownCount);
		if (peak) totals.peak = peak;
		cities.push(totals);
	}
	return cities;
}

/** The same, for a panel: each city with its events and gatherings, in date order. */
export function summariseCities(placeSummaries: readonly PlaceSummary[], places: readonly Place[]): CitySummary[] {
	return totalCities(placeSummaries, places).map((city) => {
		if (city.places.length === 1) {
			const [only] = city.places as [PlaceSummary];
			return { ...city, events: only.events, gatherings: only.gatherings };
		}
		const events = city.places.flatMap((s) => s.events).sort(byStart);
		return { ...city, events, gatherings: events.filter(isProtestGathering) };
	});
}

export type CitySort = 'count' | 'size';

/** What cities are ranked by: their number of gatherings and their largest single-day turnout. */
export interface CityRanking {
	gatheringCount: number;
	peak?: { high: number };
}

/** Cities by number of gatherings or by total crowd (upper estimate), largest first, then by `name`. */
export function sortCities<T extends CityRanking>(cities: readonly T[], by: CitySort, name: (city: T) => string): T[] {
	const collator = new Intl.Collator();
	// Keys are worked out once per city, names only for ties: tens of thousands of cities sort at once.
	const rows = cities.map((city) => ({
		city,
		key: by === 'count' ? city.gatheringCount : (city.peak?.high ?? 0),
		tieBreak: by === 'count' ? (city.peak?.high ?? 0) : city.gatheringCount,
		name: undefined as string | undefined
	}));
	const nameOf = (row: (typeof rows)[number]) => (row.name ??= name(row.city));
	rows.sort((a, b) => b.key - a.key || b.tieBreak - a.tieBreak || collator.compare(nameOf(a), nameOf(b)));
	return rows.map((row) => row.city);
}

/** Events grouped by their local start date, in date order. */
export function groupByDay(events: readonly IndexedEvent[]): { date: string; events: IndexedEvent[] }[] {
	const days = new Map<string, IndexedEvent[]>();
	for (const event of [...events].sort(byStart)) {
		const date = event.when.start.slice(0, 10);
		if (!days.has(date)) days.set(date, []);
		days.get(date)!.push(event);
	}
	return [...days].map(([date, dayEvents]) => ({ date, events: dayEvents }));
}

/** West, south, east, north around the given places' points, for fitting the map. */
export function boundsOfPlaces(places: readonly Place[]): [number, number, number, number] | undefined {
	if (places.length === 0) return undefined;
	// A plain loop: tens of thousands of cities are bounded on every step.
	let [w, s] = places[0]!.geometry.coordinates;
	let [e, n] = [w, s];
	for (const place of places) {
		const [x, y] = place.geometry.coordinates;
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	return [w, s, e, n];
}

/**
 * Where most events are: the 5th to 95th percentile of their places' longitudes and latitudes, so
 * that a statement in a faraway capital does not pull the opening view across a continent.
 */
export function coreExtent(
	events: readonly IndexedEvent[],
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

/**
 * The largest figure any circle can show: the single-day turnout of all protest gatherings in the
 * dataset together (or of all pro-government ones), the upper estimate. No place, cluster or city
 * can exceed it, so the scale's domain covers everything drawn.
 */
export function maxCrowd(events: readonly IndexedEvent[]): number {
	const protests = peakTurnout(events.filter(isProtestGathering))?.high ?? 0;
	const proGovernment = peakTurnout(events.filter(isProGovernmentGathering))?.high ?? 0;
	return Math.max(protests, proGovernment);
}
