import { describe, expect, it } from 'vitest';
import { formatCrowd, formatPeak, formatSpan, formatSpanWithYear, formatWhen, formatZone } from './format';

describe('crowd sizes', () => {
	it('shows ranges, single figures, open ends and unknowns honestly', () => {
		expect(formatCrowd({ low: 100000, high: 400000 })).toBe('100,000–400,000');
		expect(formatCrowd({ low: 1000, high: 1000 })).toBe('1,000');
		expect(formatCrowd({ low: 10000 })).toBe('at least 10,000');
		expect(formatCrowd({})).toBe('size not reported');
		expect(formatCrowd({ low: 0, high: 0 })).toBe('0');
	});

	it('puts the source’s words first, then the number drawn and the convention that made it', () => {
		expect(formatCrowd({ low: 2000, text: 'thousands', convention: 'ccc' })).toBe(
			'thousands — drawn as at least 2,000 (Crowd Counting Consortium convention)'
		);
		expect(formatCrowd({ low: 1000, high: 1000, text: 'about 1,000' })).toBe('about 1,000 — drawn as 1,000');
		expect(formatCrowd({ text: 'large' })).toBe('large — no number given, so not drawn as a size');
		expect(formatCrowd({ low: 1, high: 1, text: 'one man', basis: 'notes' })).toBe(
			'one man — drawn as 1 (from the research notes)'
		);
	});

	it('says what a group’s figure is and what it leaves out', () => {
		expect(formatPeak({ low: 10, high: 20, day: '2020-08-14', known: 2, unknown: 1, openEnded: true }, 3)).toBe(
			'10–20+ on the largest day, 14 Aug; 1 of unknown size not included'
		);
		expect(formatPeak(undefined, 3)).toBe('sizes not reported');
	});
});

describe('event times', () => {
	it('shows a time in the events’ own zone with its precision', () => {
		expect(formatWhen({ precision: 'approximate', start: '2020-08-10T23:00+03:00' }, 'Europe/Minsk')).toBe(
			'Mon 10 Aug 2020, about 23:00'
		);
		expect(formatWhen({ precision: 'exact', start: '2020-08-15T12:00+03:00' }, 'Europe/Minsk')).toBe(
			'Sat 15 Aug 2020, 12:00 (exact time)'
		);
	});

	it('keeps a local date on its day and says the time was not given', () => {
		expect(formatWhen({ precision: 'day', start: '2020-08-14' }, 'Europe/Minsk')).toBe(
			'Fri 14 Aug 2020, during the day (no time reported)'
		);
		expect(formatWhen({ precision: 'days', start: '2020-08-13', end: '2020-08-14' }, 'Europe/Minsk')).toBe(
			'13–14 Aug 2020, over several days'
		);
	});

	it('names the zone the times are in', () => {
		expect(formatZone('Europe/Minsk', new Date('2020-08-15T09:00:00Z'))).toBe('UTC+3');
	});

	it('writes compact date spans', () => {
		expect(formatSpan('2020-08-10', '2020-08-16')).toBe('10–16 Aug');
		expect(formatSpan('2020-08-15', '2020-08-15')).toBe('15 Aug');
		expect(formatSpan('2020-07-30', '2020-08-02')).toBe('30 Jul – 2 Aug');
		expect(formatSpan('2020-08-09', '2021-08-08')).toBe('9 Aug 2020 – 8 Aug 2021');
		expect(formatSpanWithYear('2020-08-10', '2020-08-16')).toBe('10–16 Aug 2020');
		expect(formatSpanWithYear('2020-12-30', '2021-01-02')).toBe('30 Dec 2020 – 2 Jan 2021');
	});
});
