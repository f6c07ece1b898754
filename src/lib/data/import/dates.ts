/** Dates as import files write them, read strictly: a date that does not exist is refused. */
import { addDays } from '../timeline';

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

function realDate(y: number, m: number, d: number): string | undefined {
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
	if (y < 1000 || y > 9999) return undefined;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type DateReading = { date: string; warning?: string } | { error: string; ambiguous?: true };

/** How a slashed date reads: day first (15/08/2020) or month first (08/15/2020). */
export type DateOrder = 'dmy' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

/** Years a protest event can plausibly be in: others are read, with a warning. */
const PLAUSIBLE_FROM = 1900;

/** A time after the date: 14:30, 14:30:05, with an optional zone (Z, +03:00). */
const TIME = /^T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function checkTime(rest: string, text: string): string | undefined {
	if (!rest) return undefined;
	const t = TIME.exec(rest);
	if (!t) return `expected a time of day such as 2020-08-15T14:30, got "${text}"`;
	const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
	if (hour > 23 || minute > 59 || second > 59) return `expected a real time of day, got "${text}"`;
	return undefined;
}

/**
 * "2020-08-15", "15 August 2020", "15-August-2020" (ACLED), or a slashed date. A slashed date
 * whose day and month could swap (08/09/2020) is refused as ambiguous, naming both readings,
 * unless `order` says how to read it.
 */
export function readDate(raw: string, order?: DateOrder): DateReading {
	const text = raw.trim();
	if (!text) return { error: 'expected a date, got nothing' };
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(text);
	let date: string | undefined;
	let slashed = false;
	if (m) {
		const timeProblem = checkTime(m[4] ?? '', text);
		if (timeProblem) return { error: timeProblem };
		date = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
	} else if ((m = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(text))) {
		const month = MONTHS.findIndex((name) => name.startsWith(m![2]!.toLowerCase()) && m![2]!.length >= 3);
		if (month < 0) return { error: `expected a month name, got "${m[2]}"` };
		date = realDate(Number(m[3]), month + 1, Number(m[1]));
	} else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text))) {
		slashed = true;
		const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
		const dayFirst = realDate(y, b, a);
		const monthFirst = realDate(y, a, b);
		if (order === 'dmy') date = dayFirst;
		else if (order === 'mdy') date = monthFirst;
		else if (dayFirst && monthFirst && dayFirst !== monthFirst)
			return {
				ambiguous: true,
				error: `"${text}" could be ${readable(dayFirst)} (day first) or ${readable(monthFirst)} (month first); name the order (--date-order dmy or mdy, or choose it in the import report)`
			};
		else date = dayFirst ?? monthFirst;
	} else return { error: `expected a date such as 2020-08-15 or 15 August 2020, got "${text}"` };
	if (!date && order && slashed)
		return { error: `"${text}" is no date when read ${order === 'dmy' ? 'day first (dmy)' : 'month first (mdy)'}` };
	if (!date) return { error: `expected a real calendar date, got "${text}"` };
	const year = Number(date.slice(0, 4));
	const latest = new Date().getUTCFullYear() + 1;
	if (year < PLAUSIBLE_FROM || year > latest)
		return { date, warning: `${year} is outside ${PLAUSIBLE_FROM}–${latest}; check the year` };
	return { date };
}

/** 2020-08-09 as "9 August 2020", for a reason a person reads. */
function readable(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return `${d} ${MONTHS[m - 1]![0]!.toUpperCase()}${MONTHS[m - 1]!.slice(1)} ${y}`;
}

/**
 * ACLED's time_precision: 1 is the day itself; 2 means the sources name only the week, 3 only
 * the month. A week becomes the seven days centred on the coded date, a month the calendar month.
 */
export function acledSpan(date: string, precision: string): { from: string; to: string } | { error: string } {
	const p = precision.trim();
	if (p === '' || p === '1') return { from: date, to: date };
	if (p === '2') return { from: addDays(date, -3), to: addDays(date, 3) };
	if (p === '3') {
		const first = `${date.slice(0, 8)}01`;
		return { from: first, to: addDays(addDays(first, 32).slice(0, 8) + '01', -1) };
	}
	return { error: `expected 1, 2 or 3, got "${p}"` };
}
