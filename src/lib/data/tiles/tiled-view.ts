/**
 * What a tiled dataset shows for the reader's filters, from its summary alone: the range as day
 * indexes for the tiles' expressions, the key's counts, the timeline's bars and the count shown.
 * Only dates and types filter a tiled dataset: its tiles hold figures per day and type.
 */
import { summarisePlaces, type PlaceSummary } from '../aggregate';
import { filterEvents, type EventFilter } from '../filter';
import type { Place, ProtestEvent } from '../schema';
import type { DateRange, DayBin } from '../timeline';
import { EVENT_TYPE_IDS, type EventType } from '../vocabulary';
import { typeCountsIn, type TiledSummary } from './tile-figures';

export interface TiledView {
	range: DateRange;
	/** No date filter: the whole dataset's days. */
	everything: boolean;
	first: number;
	last: number;
	types: EventType[];
	/** Events per type in the range, ignoring the type filter (the key's counts). */
	typeCounts: Record<EventType, number>;
	shownCount: number;
	/** Events per day of the types shown, ignoring the range (the timeline's bars). */
	bins: DayBin[];
	/** Filters the link asks for that a tiled dataset cannot apply. */
	unsupported: ('status' | 'stance' | 'min')[];
}

export function tiledView(summary: TiledSummary, filter: EventFilter): TiledView {
	const { days } = summary;
	const clamp = (day: string) => (day < days[0]! ? days[0]! : day > days.at(-1)! ? days.at(-1)! : day);
	let from = clamp(filter.from ?? days[0]!);
	let to = clamp(filter.to ?? days.at(-1)!);
	if (from > to) [from, to] = [to, from];
	const first = days.indexOf(from);
	const last = days.indexOf(to);
	const types = filter.types ?? [...EVENT_TYPE_IDS];
	const typeCounts = typeCountsIn(summary, first, last);
	const bins = days.map((date, i) => {
		const counts = Object.fromEntries(
			EVENT_TYPE_IDS.map((t) => [t, types.includes(t) ? (summary.dayCounts[i]![t] ?? 0) : 0])
		) as Record<EventType, number>;
		return { date, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
	});
	return {
		range: { from, to },
		everything: filter.from === undefined && filter.to === undefined,
		first,
		last,
		types,
		typeCounts,
		shownCount: types.reduce((sum, t) => sum + typeCounts[t], 0),
		bins,
		unsupported: (['status', 'stance', 'min'] as const).filter((key) => filter[key] !== undefined)
	};
}

/** A place's panel for the dates and types shown: the same sums as any dataset's, or none shown. */
export function placePanel(place: Place, events: readonly ProtestEvent[], view: TiledView): PlaceSummary {
	const shown = filterEvents(events, { ...view.range, types: view.types });
	return (
		summarisePlaces(shown, [place], view.range)[0] ?? {
			place,
			events: [],
			gatherings: [],
			proGovernment: [],
			eventCount: 0,
			gatheringCount: 0,
			knownCount: 0,
			days: new Map(),
			headlineType: 'rally',
			proGovernmentCount: 0,
			span: { from: view.range.from, to: view.range.from }
		}
	);
}
