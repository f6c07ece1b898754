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

export type DateReading = { date: string } | { error: string };

/** "2020-08-15", "15 August 2020", "15-August-2020" (ACLED), or "15/08/2020" (day first). */
export function readDate(raw: string): DateReading {
	const text = raw.trim();
	if (!text) return { error: 'expected a date, got nothing' };
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(text);
	let date: string | undefined;
	if (m) date = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
	else if ((m = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(text))) {
		const month = MONTHS.findIndex((name) => name.startsWith(m![2]!.toLowerCase()) && m![2]!.length >= 3);
		if (month < 0) return { error: `expected a month name, got "${m[2]}"` };
		date = realDate(Number(m[3]), month + 1, Number(m[1]));
	} else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)))
		date = realDate(Number(m[3]), Number(m[2]), Number(m[1]));
	else return { error: `expected a date such as 2020-08-15 or 15 August 2020, got "${text}"` };
	return date ? { date } : { error: `expected a real calendar date, got "${text}"` };
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
