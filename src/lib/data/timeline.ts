/**
 * The week as days: the dataset's dates, events binned per local day and type, and the date
 * ranges that the timeline's keys and playback step through. Dates are local YYYY-MM-DD strings,
 * so no reader's time zone can move an event to another day.
 */
import { eventDays } from './filter';
import type { IndexedEvent } from './schema';
import { EVENT_TYPE_IDS, noneOfEachType, type EventType } from './vocabulary';

export interface DateRange {
	from: string;
	to: string;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(ymd: string, days: number): string {
	const date = new Date(`${ymd}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
	return days;
}

export interface DayBin {
	date: string;
	/** Events on that day, per type; an event spanning several days counts on each of them. */
	counts: Record<EventType, number>;
	total: number;
}

/** Counts events per day and type over the given days. */
export function binByDay(events: readonly IndexedEvent[], days: readonly string[]): DayBin[] {
	const bins = days.map((date) => ({
		date,
		counts: noneOfEachType(),
		total: 0
	}));
	const index = new Map(days.map((d, i) => [d, i]));
	for (const event of events) {
		const { first, last } = eventDays(event);
		if (first > last) continue;
		for (let day = first; ; day = addDays(day, 1)) {
			const bin = bins[index.get(day) ?? -1];
			if (bin) {
				bin.counts[event.type]++;
				bin.total++;
			}
			// Most events last a day: no date arithmetic for them.
			if (day >= last) break;
		}
	}
	return bins;
}

/** Stacked segments of one day's bar, bottom to top in the taxonomy's order. */
export function stackDay(bin: DayBin): { type: EventType; y0: number; y1: number }[] {
	let y = 0;
	return EVENT_TYPE_IDS.filter((t) => bin.counts[t] > 0).map((type) => {
		const segment = { type, y0: y, y1: y + bin.counts[type] };
		y = segment.y1;
		return segment;
	});
}

/** Moves a range by whole days, keeping its length and staying within the dataset's days. */
export function shiftRange(range: DateRange, days: readonly string[], delta: number): DateRange {
	const first = days[0]!;
	const last = days.at(-1)!;
	const length = daysBetween(range.from, range.to).length - 1;
	let from = addDays(range.from, delta);
	if (from < first) from = first;
	if (addDays(from, length) > last) from = addDays(last, -length);
	return { from, to: addDays(from, length) };
}

/** Clamps a range to the dataset's days and puts its ends in order. */
export function clampRange(range: DateRange, days: readonly string[]): DateRange {
	const first = days[0]!;
	const last = days.at(-1)!;
	const clamp = (d: string) => (d < first ? first : d > last ? last : d);
	const [from, to] = [clamp(range.from), clamp(range.to)].sort() as [string, string];
	return { from, to };
}

/** Which part of a range a key moves: its first day, its last, or the whole window. */
export type RangeEnd = 'from' | 'to' | 'both';

/**
 * The range after a key on the timeline's sliders: arrows move by a day, Home and End to the
 * dataset's edge; undefined for any other key.
 */
export function rangeAfterKey(
	key: string,
	range: DateRange,
	days: readonly string[],
	end: RangeEnd
): DateRange | undefined {
	const deltas: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 };
	const withEnd = (day: string) =>
		clampRange(end === 'from' ? { from: day, to: range.to } : { from: range.from, to: day }, days);
	if (key in deltas) {
		const delta = deltas[key]!;
		if (end === 'both') return shiftRange(range, days, delta);
		const i = Math.min(Math.max(days.indexOf(range[end]) + delta, 0), days.length - 1);
		return withEnd(days[i]!);
	}
	if (key === 'Home' || key === 'End') {
		if (end === 'both') return shiftRange(range, days, key === 'Home' ? -days.length : days.length);
		return withEnd(key === 'Home' ? days[0]! : days.at(-1)!);
	}
	return undefined;
}

export type PlaybackMode = 'day' | 'cumulative';

/** The range shown at step `index` of playback: that day only, or everything up to it. */
export function playbackRange(days: readonly string[], index: number, mode: PlaybackMode): DateRange {
	const day = days[Math.min(Math.max(index, 0), days.length - 1)]!;
	return { from: mode === 'day' ? day : days[0]!, to: day };
}
