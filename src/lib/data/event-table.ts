/**
 * The events of a dataset as columns: one typed array per field that the view filters, counts and
 * sums by. A million events as objects are scattered across the heap, and every step of the view
 * used to read each of them and leave arrays and maps behind for the collector; as numbers in a few
 * arrays, a step reads each field in one pass. The results are the same as the object functions'
 * (`filterEvents`, `summarisePlaces`, `binByDay`), which stay as the tests' oracle only.
 */
import {
	byStart,
	isProGovernmentGathering,
	isProtestGathering,
	peakOf,
	turnoutFrom,
	type DaySums,
	type PlaceTotals
} from './aggregate';
import { STANCE_FILTERS, STATUSES, type EventFilter } from './filter';
import { groupBy } from './lookup';
import type { IndexedEvent, Place } from './schema';
import type { DayBin } from './timeline';
import { EVENT_TYPE_IDS, type EventType } from './vocabulary';

/** Marks a value outside its vocabulary: no filter selects it. */
const OTHER = 255;

const Gathering = { None: 0, Protest: 1, ProGovernment: 2 } as const;

export interface EventTable {
	/** The events, grouped by place (see `placeMajorOrder`): row `i` is `events[i]`. */
	events: readonly IndexedEvent[];
	/** Each row's position in the events the table was made from: exports keep the file's order. */
	inputPosition: Uint32Array;
	places: readonly Place[];
	/** Index in `places` by place id. */
	indexOfPlace: ReadonlyMap<string, number>;
	/** Index of each row's place in `places`; -1 for a place the dataset does not have. */
	place: Int32Array;
	/** Indexes in EVENT_TYPE_IDS, STATUSES and STANCE_FILTERS. */
	type: Uint8Array;
	status: Uint8Array;
	stance: Uint8Array;
	/** First and last local day, as days since 1970-01-01. */
	first: Int32Array;
	last: Int32Array;
	/** Crowd bounds as `crowdBounds` gives them; NaN when the size is unknown. */
	low: Float64Array;
	high: Float64Array;
	openEnded: Uint8Array;
	gathering: Uint8Array;
	/** 1 for a row that draws a route or a line. */
	withPath: Uint8Array;
	/** The YYYY-MM-DD date of a day number. */
	dayName(day: number): string;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (the first ten characters of a local date-time). */
export function dayNumber(ymd: string): number {
	// setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
	const date = new Date(0);
	date.setUTCFullYear(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)));
	return date.getTime() / 86_400_000;
}

function codesOf<T extends string>(vocabulary: readonly T[]): (value: T) => number {
	const codes = new Map<string, number>(vocabulary.map((v, i) => [v, i]));
	return (value) => codes.get(value) ?? OTHER;
}

const typeCode = codesOf(EVENT_TYPE_IDS);
const statusCode = codesOf(STATUSES);
const stanceCode = codesOf(STANCE_FILTERS);

/**
 * The rows' order, as positions in the input: grouped by place, places in the date order of their
 * first events, each place's events in date order, and events at no known place last. A
 * published dataset lists each place's events in date order already, so this sorts places, not
 * events.
 */
function placeMajorOrder(events: readonly IndexedEvent[], indexOfPlace: ReadonlyMap<string, number>): number[] {
	const byPlace = groupBy(
		events.map((_, i) => i),
		(i) => indexOfPlace.get(events[i]!.place) ?? -1
	);
	const nowhere = byPlace.get(-1) ?? [];
	byPlace.delete(-1);
	const inDateOrder = (rows: number[]) => {
		const sorted = rows.every((row, k) => k === 0 || byStart(events[rows[k - 1]!]!, events[row]!) <= 0);
		return sorted ? rows : rows.sort((a, b) => byStart(events[a]!, events[b]!));
	};
	const groups = [...byPlace.values()].map(inDateOrder);
	groups.sort((a, b) => byStart(events[a[0]!]!, events[b[0]!]!));
	return [...groups.flat(), ...inDateOrder(nowhere)];
}

/** The events of a dataset as columns (see `placeMajorOrder` for the order of the rows). */
export function createEventTable(events: readonly IndexedEvent[], places: readonly Place[]): EventTable {
	const indexOfPlace = new Map(places.map((p, i) => [p.id, i]));
	const inputPosition = Uint32Array.from(placeMajorOrder(events, indexOfPlace));
	const ordered = Array.from(inputPosition, (i) => events[i]!);
	const n = ordered.length;
	// Few distinct start and end times: each is read as a day once.
	const dayOfTime = new Map<string, number>();
	const dayOf = (time: string) => {
		let day = dayOfTime.get(time);
		if (day === undefined) dayOfTime.set(time, (day = dayNumber(time)));
		return day;
	};
	const place = new Int32Array(n);
	const type = new Uint8Array(n);
	const status = new Uint8Array(n);
	const stance = new Uint8Array(n);
	const first = new Int32Array(n);
	const last = new Int32Array(n);
	const low = new Float64Array(n);
	const high = new Float64Array(n);
	const openEnded = new Uint8Array(n);
	const gathering = new Uint8Array(n);
	const withPath = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const event = ordered[i]!;
		place[i] = indexOfPlace.get(event.place) ?? -1;
		type[i] = typeCode(event.type);
		status[i] = statusCode(event.status);
		stance[i] = stanceCode(event.stance ?? 'unknown');
		first[i] = dayOf(event.when.start);
		last[i] = event.when.end === undefined ? first[i]! : dayOf(event.when.end);
		// As crowdBounds reads a range: a missing end takes the other's value.
		const { low: crowdLow, high: crowdHigh } = event.crowd;
		low[i] = crowdLow ?? crowdHigh ?? NaN;
		high[i] = crowdHigh ?? crowdLow ?? NaN;
		openEnded[i] = crowdHigh === undefined && crowdLow !== undefined ? 1 : 0;
		gathering[i] = isProtestGathering(event)
			? Gathering.Protest
			: isProGovernmentGathering(event)
				? Gathering.ProGovernment
				: Gathering.None;
		withPath[i] = event.path ? 1 : 0;
	}
	const names = new Map<number, string>();
	const dayName = (day: number) => {
		let name = names.get(day);
		if (name === undefined) names.set(day, (name = new Date(day * 86_400_000).toISOString().slice(0, 10)));
		return name;
	};
	return {
		events: ordered,
		inputPosition,
		places,
		indexOfPlace,
		place,
		type,
		status,
		stance,
		first,
		last,
		low,
		high,
		openEnded,
		gathering,
		withPath,
		dayName
	};
}

function allowed<T extends string>(vocabulary: readonly T[], chosen: readonly T[] | undefined): Uint8Array | undefined {
	if (!chosen) return undefined;
	const mask = new Uint8Array(OTHER + 1);
	vocabulary.forEach((value, code) => (mask[code] = chosen.includes(value) ? 1 : 0));
	return mask;
}

/** The rows that pass every filter (as `matchesFilters`), in date order. */
export function selectRows(table: EventTable, filter: EventFilter): Uint32Array {
	const types = allowed(EVENT_TYPE_IDS, filter.types);
	const statuses = allowed(STATUSES, filter.status);
	const stances = allowed(STANCE_FILTERS, filter.stance);
	const from = filter.from ? dayNumber(filter.from) : -Infinity;
	const to = filter.to ? dayNumber(filter.to) : Infinity;
	const min = filter.min || 0;
	const { first, last, type, status, stance, high } = table;
	const rows = new Uint32Array(table.events.length);
	let count = 0;
	for (let i = 0; i < rows.length; i++) {
		if (last[i]! < from || first[i]! > to) continue;
		if (types && !types[type[i]!]) continue;
		if (statuses && !statuses[status[i]!]) continue;
		if (stances && !stances[stance[i]!]) continue;
		// An unknown size (NaN) is below every smallest crowd.
		if (min && !(high[i]! >= min)) continue;
		rows[count++] = i;
	}
	return rows.slice(0, count);
}

/** Rows per event type. */
export function countRowTypes(table: EventTable, rows: Uint32Array): Record<EventType, number> {
	const perCode = new Float64Array(OTHER + 1);
	for (const row of rows) perCode[table.type[row]!]!++;
	return Object.fromEntries(EVENT_TYPE_IDS.map((t, code) => [t, perCode[code]!])) as Record<EventType, number>;
}

/** Rows per day and type over the given consecutive days, as `binByDay` counts events. */
export function binRows(table: EventTable, rows: Uint32Array, days: readonly string[]): DayBin[] {
	// Counted per day and type code in one array; a code outside the vocabulary counts in the total only.
	const width = OTHER + 1;
	const counts = new Float64Array(days.length * width);
	const totals = new Float64Array(days.length);
	if (days.length) {
		const start = dayNumber(days[0]!);
		const end = start + days.length - 1;
		for (const row of rows) {
			const code = table.type[row]!;
			const to = Math.min(table.last[row]!, end);
			for (let day = Math.max(table.first[row]!, start); day <= to; day++) {
				counts[(day - start) * width + code]!++;
				totals[day - start]!++;
			}
		}
	}
	return days.map((date, i) => ({
		date,
		counts: Object.fromEntries(EVENT_TYPE_IDS.map((t, code) => [t, counts[i * width + code]!])) as Record<
			EventType,
			number
		>,
		total: totals[i]!
	}));
}

/** Sums of sizes per day, in arrays reused from place to place. */
function daySumsScratch(table: EventTable, from: number, to: number) {
	const length = Math.max(0, to - from + 1);
	const low = new Float64Array(length);
	const high = new Float64Array(length);
	const open = new Uint8Array(length);
	const seen = new Uint8Array(length);
	const touched: number[] = [];
	return {
		add(row: number) {
			const first = Math.max(table.first[row]!, from);
			const last = Math.min(table.last[row]!, to);
			for (let day = first; day <= last; day++) {
				const at = day - from;
				if (!seen[at]) {
					seen[at] = 1;
					touched.push(at);
				}
				low[at]! += table.low[row]!;
				high[at]! += table.high[row]!;
				if (table.openEnded[row]) open[at] = 1;
			}
		},
		/** The sums added since the last take, which start again from nothing. */
		take(): DaySums {
			const sums: DaySums = new Map();
			for (const at of touched) {
				sums.set(table.dayName(from + at), [low[at]!, high[at]!, open[at] === 1]);
				low[at] = high[at] = open[at] = seen[at] = 0;
			}
			touched.length = 0;
			return sums;
		}
	};
}

/**
 * The totals of each place with rows: what `summarisePlaces` gives of the same events, without
 * the events, and with the places in the table's order (by their first event in the dataset).
 */
export function totalPlaces(table: EventTable, rows: Uint32Array, range?: { from: string; to: string }): PlaceTotals[] {
	let from = range ? dayNumber(range.from) : Infinity;
	let to = range ? dayNumber(range.to) : -Infinity;
	if (!range)
		for (const row of rows) {
			from = Math.min(from, table.first[row]!);
			to = Math.max(to, table.last[row]!);
		}
	const protest = daySumsScratch(table, from, to);
	const proGovernment = daySumsScratch(table, from, to);
	const typeCounts = new Uint32Array(OTHER + 1);
	const totals: PlaceTotals[] = [];
	// A place's rows are consecutive: each run of one place is summed in one pass.
	for (let start = 0; start < rows.length;) {
		const placeIndex = table.place[rows[start]!]!;
		if (placeIndex < 0) break;
		let end = start;
		let gatheringCount = 0;
		let knownCount = 0;
		let proGovernmentCount = 0;
		let biggest = -1;
		let firstDay = Infinity;
		let lastDay = -Infinity;
		const seenTypes: number[] = [];
		for (; end < rows.length; end++) {
			const row = rows[end]!;
			if (table.place[row] !== placeIndex) break;
			const code = table.type[row]!;
			if (typeCounts[code]!++ === 0) seenTypes.push(code);
			firstDay = Math.min(firstDay, table.first[row]!);
			lastDay = Math.max(lastDay, table.last[row]!);
			const kind = table.gathering[row];
			const known = !Number.isNaN(table.high[row]!);
			if (kind === Gathering.Protest) {
				gatheringCount++;
				if (!known) continue;
				knownCount++;
				protest.add(row);
				if (biggest < 0 || table.high[row]! > table.high[biggest]!) biggest = row;
			} else if (kind === Gathering.ProGovernment) {
				proGovernmentCount++;
				if (known) proGovernment.add(row);
			}
		}
		// The most frequent type; between equals, the one met first.
		let mostFrequent = seenTypes[0]!;
		for (const code of seenTypes) if (typeCounts[code]! > typeCounts[mostFrequent]!) mostFrequent = code;
		for (const code of seenTypes) typeCounts[code] = 0;
		const days = protest.take();
		const peak = turnoutFrom(days, gatheringCount, knownCount);
		const proGovernmentPeak = proGovernmentCount ? peakOf(proGovernment.take()) : undefined;
		const headline = biggest >= 0 ? table.type[biggest]! : mostFrequent;
		const placeTotals: PlaceTotals = {
			place: table.places[placeIndex]!,
			eventCount: end - start,
			gatheringCount,
			knownCount,
			days,
			headlineType: EVENT_TYPE_IDS[headline] ?? table.events[rows[start]!]!.type,
			proGovernmentCount,
			span: { from: table.dayName(firstDay), to: table.dayName(lastDay) }
		};
		if (peak) placeTotals.peak = peak;
		if (proGovernmentPeak) placeTotals.proGovernmentPeak = proGovernmentPeak;
		totals.push(placeTotals);
		start = end;
	}
	return totals;
}

/** The places with events, in the table's order. */
export function placesWithRows(table: EventTable): Place[] {
	const places: Place[] = [];
	let last = -1;
	// A place's rows are consecutive.
	for (const index of table.place) if (index !== last && index >= 0) places.push(table.places[(last = index)]!);
	return places;
}

/** The events of the rows that pass `keep`. */
/** The events of some rows in the order of the file they came from, e.g. for an export. */
export function eventsInInputOrder(table: EventTable, rows: Uint32Array): IndexedEvent[] {
	const sorted = Uint32Array.from(rows).sort((a, b) => table.inputPosition[a]! - table.inputPosition[b]!);
	return Array.from(sorted, (row) => table.events[row]!);
}

/** A place's or city's events for a panel: all of them, its protest gatherings, and the pro-government ones, in row order. */
export function eventLists(
	table: EventTable,
	rows: Uint32Array
): { events: IndexedEvent[]; gatherings: IndexedEvent[]; proGovernment: IndexedEvent[] } {
	const lists = { events: [] as IndexedEvent[], gatherings: [] as IndexedEvent[], proGovernment: [] as IndexedEvent[] };
	for (const row of rows) {
		const event = table.events[row]!;
		lists.events.push(event);
		if (table.gathering[row] === Gathering.Protest) lists.gatherings.push(event);
		else if (table.gathering[row] === Gathering.ProGovernment) lists.proGovernment.push(event);
	}
	return lists;
}

export function eventsWhere(table: EventTable, rows: Uint32Array, keep: (row: number) => boolean): IndexedEvent[] {
	const events: IndexedEvent[] = [];
	for (const row of rows) if (keep(row)) events.push(table.events[row]!);
	return events;
}
