/**
 * Text for people: counts, crowd ranges and event times. Times are shown in the events' own time
 * zone (the dataset's), whatever the reader's, and say how precise they are.
 */
import type { CrowdTotal } from './data/aggregate';
import type { CountRange, When } from './data/schema';

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
	return numberFormat.format(n);
}

/** "100,000–400,000", "about 1,000", "more than 10,000", or "size not reported". */
export function formatCrowd(crowd: CountRange | undefined): string {
	const low = crowd?.low;
	const high = crowd?.high;
	if (low !== undefined && high !== undefined)
		return low === high ? `about ${formatCount(low)}` : `${formatCount(low)}–${formatCount(high)}`;
	if (low !== undefined) return `at least ${formatCount(low)}`;
	if (high !== undefined) return `up to ${formatCount(high)}`;
	return 'size not reported';
}

/** A summed range, saying when some sizes were unknown or open-ended. */
export function formatTotal(total: CrowdTotal): string {
	if (total.known === 0) return 'sizes not reported';
	const range =
		total.low === total.high ? formatCount(total.low) : `${formatCount(total.low)}–${formatCount(total.high)}`;
	return `${range}${total.openEnded ? '+' : ''}${total.unknown ? ` (${total.unknown} not reported)` : ''}`;
}

/** "Mon 10 Aug 2020" in a time zone, from Intl's parts so that no locale punctuation creeps in. */
function dateText(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone
	})
		.formatToParts(instant)
		.filter((p) => p.type !== 'literal')
		.map((p) => [p.type, p.value]);
	const part = Object.fromEntries(parts) as Record<string, string>;
	return `${part.weekday} ${part.day} ${part.month} ${part.year}`;
}
const timeOnly = (timeZone: string) =>
	new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });

/** A date written YYYY-MM-DD, as a calendar date: no time zone can move it to another day. */
function calendarDate(ymd: string): Date {
	return new Date(`${ymd}T12:00:00Z`);
}

/** "Sat 15 Aug 2020" for a local date. */
export function formatDate(ymd: string): string {
	return dateText(calendarDate(ymd), 'UTC');
}

/** "15 Aug" for a local date, for compact spans. */
export function formatShortDate(ymd: string): string {
	return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
		calendarDate(ymd)
	);
}

/** "10–16 Aug" or "15 Aug". */
export function formatSpan(from: string, to: string): string {
	if (from === to) return formatShortDate(from);
	const sameMonth = from.slice(0, 7) === to.slice(0, 7);
	return sameMonth
		? `${Number(from.slice(8))}–${formatShortDate(to)}`
		: `${formatShortDate(from)} – ${formatShortDate(to)}`;
}

/**
 * When an event happened, in the dataset's time zone, with its precision:
 * "Sat 15 Aug 2020, 12:00", "Mon 10 Aug 2020, about 23:00", "Fri 14 Aug 2020, during the day",
 * "13–14 Aug 2020".
 */
export function formatWhen(when: When, timeZone: string): string {
	if (when.precision === 'days' && when.end) {
		const [from, to] = [when.start.slice(0, 10), when.end.slice(0, 10)];
		return `${formatSpan(from, to)} ${from.slice(0, 4)}`;
	}
	if (when.precision === 'day') return `${formatDate(when.start)}, during the day`;
	const instant = new Date(when.start);
	const day = dateText(instant, timeZone);
	const time = timeOnly(timeZone).format(instant);
	return `${day}, ${when.precision === 'approximate' ? 'about ' : ''}${time}`;
}

/** "UTC+3" for the dataset's zone at an instant, to say which clock times are in. */
export function formatZone(timeZone: string, at: Date): string {
	const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
		.formatToParts(at)
		.find((p) => p.type === 'timeZoneName')?.value;
	return (name ?? 'UTC').replace('GMT', 'UTC');
}
