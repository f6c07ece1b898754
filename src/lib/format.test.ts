import { describe, expect, it } from 'vitest';
import { formatCrowd, formatSpan, formatTotal, formatWhen, formatZone } from './format';

describe('crowd sizes', () => {
	it('shows ranges, single estimates, open ends and unknowns honestly', () => {
		expect(formatCrowd({ low: 100000, high: 400000 })).toBe('100,000–400,000');
		expect(formatCrowd({ low: 1000, high: 1000 })).toBe('about 1,000');
		expect(formatCrowd({ low: 10000 })).toBe('at least 10,000');
		expect(formatCrowd({})).toBe('size not reported');
		expect(formatCrowd({ low: 0, high: 0 })).toBe('about 0');
	});

	it('says when a total leaves sizes out', () => {
		expect(formatTotal({ low: 10, high: 20, known: 2, unknown: 1, openEnded: true })).toBe('10–20+ (1 not reported)');
		expect(formatTotal({ low: 0, high: 0, known: 0, unknown: 3, openEnded: false })).toBe('sizes not reported');
	});
});

describe('event times', () => {
	it('shows a time in the events’ own zone with its precision', () => {
		expect(formatWhen({ precision: 'approximate', start: '2020-08-10T23:00+03:00' }, 'Europe/Minsk')).toBe(
			'Mon 10 Aug 2020, about 23:00'
		);
		expect(formatWhen({ precision: 'exact', start: '2020-08-15T12:00+03:00' }, 'Europe/Minsk')).toBe(
			'Sat 15 Aug 2020, 12:00'
		);
	});

	it('keeps a local date on its day and says the time was not given', () => {
		expect(formatWhen({ precision: 'day', start: '2020-08-14' }, 'Europe/Minsk')).toBe(
			'Fri 14 Aug 2020, during the day'
		);
		expect(formatWhen({ precision: 'days', start: '2020-08-13', end: '2020-08-14' }, 'Europe/Minsk')).toBe(
			'13–14 Aug 2020'
		);
	});

	it('names the zone the times are in', () => {
		expect(formatZone('Europe/Minsk', new Date('2020-08-15T09:00:00Z'))).toBe('UTC+3');
	});

	it('writes compact date spans', () => {
		expect(formatSpan('2020-08-10', '2020-08-16')).toBe('10–16 Aug');
		expect(formatSpan('2020-08-15', '2020-08-15')).toBe('15 Aug');
		expect(formatSpan('2020-07-30', '2020-08-02')).toBe('30 Jul – 2 Aug');
	});
});
