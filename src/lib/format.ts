/**
 * Text for people: counts, crowd ranges and event times. Times are shown in the events' own time
 * zone (the dataset's), whatever the reader's, and say how precise they are.
 */
import type { Turnout } from './data/aggregate';
import type { CountRange, When } from './data/schema';

const numberFormat = new Intl.NumberFormat('en-GB');

/** A whole number with the locale's grouping: 10,000 in English, 10 000 in Belarusian and Russian. */
export function formatCount(n: number, locale = 'en-GB'): string {
	return locale === 'en-GB' ? numberFormat.format(n) : new Intl.NumberFormat(locale).format(n);
}

/**
 * Day and month names a catalogue supplies, for languages whose Intl data a browser may lack
 * (Chromium ships none for Belarusian): seven weekdays from Sunday, twelve months.
 */
export interface DateWords {
	weekdays: string[];
	months: string[];
}

const partsOf = (ymd: string) => ({
	year: ymd.slice(0, 4),
	month: Number(ymd.slice(5, 7)) - 1,
	day: Number(ymd.slice(8, 10)),
	weekday: new Date(`${ymd}T12:00:00Z`).getUTCDay()
});

/** "700 m", "1.5 km", "25 km". */
export function formatDistance(metres: number): string {
	return metres >= 1000 ? `${numberFormat.format(Math.round(metres / 100) / 10)} km` : `${Math.round(metres)} m`;
}

/** The numbers of a range as drawn: "1,000", "100,000–400,000", "at least 2,000", "up to 400". */
export function formatRange(range: CountRange): string | undefined {
	const { low, high } = range;
	if (low !== undefined && high !== undefined)
		return low === high ? formatCount(low) : `${formatCount(low)}–${formatCount(high)}`;
	if (low !== undefined) return `at least ${formatCount(low)}`;
	if (high !== undefined) return `up to ${formatCount(high)}`;
	return undefined;
}

/** What each convention of reading numbers from words is called where a number is shown. */
export const CONVENTION_NAMES = {
	ccc: 'Crowd Counting Consortium convention',
	atlas: 'Protest Atlas convention: dozens as 24'
} as const;

/**
 * A count in the source's words first, then the number drawn and where it came from:
 * "thousands — drawn as at least 2,000 (Crowd Counting Consortium convention)".
 */
export function formatCrowd(range: CountRange | undefined): string {
	const numbers = range && formatRange(range);
	const words = range?.text;
	const basis = range?.basis === 'notes' ? ' (from the research notes)' : '';
	if (!numbers) return words ? `${words} — no number given, so not drawn as a size` : 'size not reported';
	if (!words) return `${numbers}${basis}`;
	const convention = range.convention ? ` (${CONVENTION_NAMES[range.convention]})` : '';
	return `${words} — drawn as ${numbers}${convention}${basis}`;
}

/** A group's single-day peak: "2,000–4,000 on its largest day, 14 Aug", or why there is none. */
export function formatPeak(peak: Turnout | undefined, gatherings: number): string {
	if (!peak) return gatherings ? 'sizes not reported' : 'no gatherings';
	const range = peak.low === peak.high ? formatCount(peak.low) : `${formatCount(peak.low)}–${formatCount(peak.high)}`;
	const unknown = peak.unknown ? `; ${peak.unknown} of unknown size not included` : '';
	return `${range}${peak.openEnded ? '+' : ''} on the largest day, ${formatShortDate(peak.day)}${unknown}`;
}

/** How a group's figure is made, said wherever it is shown. */
export const PEAK_DEFINITION =
	'Largest single-day turnout: for each day, the sizes of that day’s gatherings are added up, and the largest day is shown, so no one is counted twice for coming out on several days. Pro-government gatherings are never included.';

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

/** "Sat 15 Aug 2020" for a local date, in English or in a catalogue's words. */
export function formatDate(ymd: string, words?: DateWords): string {
	if (!words) return dateText(calendarDate(ymd), 'UTC');
	const p = partsOf(ymd);
	return `${words.weekdays[p.weekday]} ${p.day} ${words.months[p.month]} ${p.year}`;
}

/** "15 Aug" for a local date, for compact spans. */
export function formatShortDate(ymd: string, words?: DateWords): string {
	if (words) return `${partsOf(ymd).day} ${words.months[partsOf(ymd).month]}`;
	return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
		calendarDate(ymd)
	);
}

/** "Sat" for a local date. */
export function formatWeekday(ymd: string, words?: DateWords): string {
	if (words) return words.weekdays[partsOf(ymd).weekday]!;
	return new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(calendarDate(ymd));
}

/** "10–16 Aug" or "15 Aug". */
export function formatSpan(from: string, to: string, words?: DateWords): string {
	if (from === to) return formatShortDate(from, words);
	const sameMonth = from.slice(0, 7) === to.slice(0, 7);
	return sameMonth
		? `${Number(from.slice(8))}–${formatShortDate(to, words)}`
		: `${formatShortDate(from, words)} – ${formatShortDate(to, words)}`;
}

/**
 * When an event happened, in the dataset's time zone, with its precision:
 * "Sat 15 Aug 2020, 12:00", "Mon 10 Aug 2020, about 23:00", "Fri 14 Aug 2020, during the day",
 * "13–14 Aug 2020".
 */
export function formatWhen(when: When, timeZone: string): string {
	if (when.precision === 'days' && when.end) {
		const [from, to] = [when.start.slice(0, 10), when.end.slice(0, 10)];
		return `${formatSpan(from, to)} ${from.slice(0, 4)}, over several days`;
	}
	if (when.precision === 'day') return `${formatDate(when.start)}, during the day (no time reported)`;
	const instant = new Date(when.start);
	const day = dateText(instant, timeZone);
	const time = timeOnly(timeZone).format(instant);
	return when.precision === 'approximate' ? `${day}, about ${time}` : `${day}, ${time} (exact time)`;
}

/** "UTC+3" for the dataset's zone at an instant, to say which clock times are in. */
export function formatZone(timeZone: string, at: Date): string {
	const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
		.formatToParts(at)
		.find((p) => p.type === 'timeZoneName')?.value;
	return (name ?? 'UTC').replace('GMT', 'UTC');
}
