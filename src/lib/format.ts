/**
 * Text for people: counts, crowd ranges and event times. Times are shown in the events' own time
 * zone (the dataset's), whatever the reader's, and say how precise they are.
 */
import type { Turnout } from './data/aggregate';
import { translator, type DateWords, type Translate } from './i18n/i18n';
import type { CountRange, When } from './data/schema';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with the locale's grouping: 10,000 in English, 10 000 in Belarusian and Russian. */
export function formatCount(n: number, locale = 'en-GB'): string {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
	return format.format(n);
}

const partsOf = (ymd: string) => ({
	year: ymd.slice(0, 4),
	month: Number(ymd.slice(5, 7)) - 1,
	day: Number(ymd.slice(8, 10)),
	weekday: new Date(`${ymd}T12:00:00Z`).getUTCDay()
});

/** The reader's language for text made here: its words, its day and month names, its number format. */
export interface Language {
	t: Translate;
	dates?: DateWords;
	numbers: string;
}
export const ENGLISH: Language = { t: translator('en'), numbers: 'en-GB' };

/** "700 m", "1.5 km", "25 km". */
export function formatDistance(metres: number): string {
	return metres >= 1000 ? `${formatCount(Math.round(metres / 100) / 10)} km` : `${Math.round(metres)} m`;
}

/** The numbers of a range as drawn: "1,000", "100,000–400,000", "at least 2,000", "up to 400". */
function formatRange(range: CountRange, lang: Language = ENGLISH): string | undefined {
	const { low, high } = range;
	const n = (v: number) => formatCount(v, lang.numbers);
	if (low !== undefined && high !== undefined) return low === high ? n(low) : `${n(low)}–${n(high)}`;
	if (low !== undefined) return lang.t('crowd.atLeast', { n: n(low) });
	if (high !== undefined) return lang.t('crowd.upTo', { n: n(high) });
	return undefined;
}

/**
 * A count in the source's words first, then the number drawn and where it came from:
 * "thousands — drawn as at least 2,000 (Crowd Counting Consortium convention)".
 */
export function formatCrowd(range: CountRange | undefined, lang: Language = ENGLISH): string {
	const numbers = range && formatRange(range, lang);
	const words = range?.text;
	const basis = range?.basis === 'notes' ? ` ${lang.t('crowd.notes')}` : '';
	if (!numbers) return words ? lang.t('crowd.noNumber', { words }) : lang.t('crowd.notReported');
	if (!words) return `${numbers}${basis}`;
	const convention = range.convention ? ` (${lang.t(`convention.${range.convention}`)})` : '';
	return `${lang.t('crowd.drawnAs', { words, numbers })}${convention}${basis}`;
}

/** A group's single-day peak: "2,000–4,000 on the largest day, 14 Aug", or why there is none. */
export function formatPeak(peak: Turnout | undefined, gatherings: number, lang: Language = ENGLISH): string {
	if (!peak) return gatherings ? lang.t('peak.notReported') : lang.t('peak.none');
	const n = (v: number) => formatCount(v, lang.numbers);
	const range = `${peak.low === peak.high ? n(peak.low) : `${n(peak.low)}–${n(peak.high)}`}${peak.openEnded ? '+' : ''}`;
	const figure = lang.t('peak.figure', { range, day: formatShortDate(peak.day, lang.dates) });
	return peak.unknown ? `${figure}; ${lang.t('peak.unknown', { count: peak.unknown })}` : figure;
}

/** Formatters are slow to make and are asked for hundreds of times a step (a year of days): one per kind and zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let made = formatters.get(key);
	if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
	return made;
}

/** "Mon 10 Aug 2020" in a time zone, from Intl's parts so that no locale punctuation creeps in. */
function dateText(instant: Date, timeZone: string): string {
	const parts = formatter('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone })
		.formatToParts(instant)
		.filter((p) => p.type !== 'literal')
		.map((p) => [p.type, p.value]);
	const part = Object.fromEntries(parts) as Record<string, string>;
	return `${part.weekday} ${part.day} ${part.month} ${part.year}`;
}
const timeOnly = (timeZone: string) =>
	formatter('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });

/** A date written YYYY-MM-DD, as a calendar date: no time zone can move it to another day. */
function calendarDate(ymd: string): Date {
	return new Date(`${ymd}T12:00:00Z`);
}

const englishDates = new Map<string, string>();

/** "Sat 15 Aug 2020" for a local date, in English or in a catalogue's words. */
export function formatDate(ymd: string, words?: DateWords): string {
	if (!words) {
		// A timeline of a year names its 365 days again on every step: each is written once.
		let text = englishDates.get(ymd);
		if (text === undefined) englishDates.set(ymd, (text = dateText(calendarDate(ymd), 'UTC')));
		return text;
	}
	const p = partsOf(ymd);
	return `${words.weekdays[p.weekday]} ${p.day} ${words.months[p.month]} ${p.year}`;
}

/** "15 Aug" for a local date, for compact spans. */
export function formatShortDate(ymd: string, words?: DateWords): string {
	if (words) {
		const { day, month } = partsOf(ymd);
		return `${day} ${words.months[month]}`;
	}
	return formatter('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(calendarDate(ymd));
}

/** "Sat" for a local date. */
export function formatWeekday(ymd: string, words?: DateWords): string {
	if (words) return words.weekdays[partsOf(ymd).weekday]!;
	return formatter('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(calendarDate(ymd));
}

/** "10–16 Aug" or "15 Aug"; a span across years names both: "9 Aug 2020 – 8 Aug 2021". */
export function formatSpan(from: string, to: string, words?: DateWords): string {
	if (from === to) return formatShortDate(from, words);
	if (from.slice(0, 4) !== to.slice(0, 4))
		return `${formatShortDate(from, words)} ${from.slice(0, 4)} – ${formatShortDate(to, words)} ${to.slice(0, 4)}`;
	const sameMonth = from.slice(0, 7) === to.slice(0, 7);
	return sameMonth
		? `${Number(from.slice(8))}–${formatShortDate(to, words)}`
		: `${formatShortDate(from, words)} – ${formatShortDate(to, words)}`;
}

/** A span with its year: "10–16 Aug 2020", or "9 Aug 2020 – 8 Aug 2021" across years. */
export function formatSpanWithYear(from: string, to: string, words?: DateWords): string {
	const span = formatSpan(from, to, words);
	return from.slice(0, 4) === to.slice(0, 4) ? `${span} ${to.slice(0, 4)}` : span;
}

/**
 * When an event happened, in the dataset's time zone, with its precision:
 * "Sat 15 Aug 2020, 12:00", "Mon 10 Aug 2020, about 23:00", "Fri 14 Aug 2020, during the day",
 * "13–14 Aug 2020".
 */
export function formatWhen(when: When, timeZone: string, lang: Language = ENGLISH): string {
	if (when.precision === 'days' && when.end) {
		const [from, to] = [when.start.slice(0, 10), when.end.slice(0, 10)];
		return lang.t('when.days', { span: formatSpanWithYear(from, to, lang.dates) });
	}
	if (when.precision === 'day') return lang.t('when.day', { date: formatDate(when.start, lang.dates) });
	const instant = new Date(when.start);
	const date = lang.dates ? formatDate(localYmd(instant, timeZone), lang.dates) : dateText(instant, timeZone);
	const time = timeOnly(timeZone).format(instant);
	return lang.t(when.precision === 'approximate' ? 'when.approximate' : 'when.exact', { date, time });
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
function localYmd(instant: Date, timeZone: string): string {
	return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** "UTC+3" for the dataset's zone at an instant, to say which clock times are in. */
export function formatZone(timeZone: string, at: Date): string {
	const name = formatter('en-GB', { timeZone, timeZoneName: 'shortOffset' })
		.formatToParts(at)
		.find((p) => p.type === 'timeZoneName')?.value;
	return (name ?? 'UTC').replace('GMT', 'UTC');
}
