import { describe, expect, it } from 'vitest';
import { acledSpan, readDate } from './dates';

describe('reading dates', () => {
	it.each([
		['2020-08-15', '2020-08-15'],
		['15 August 2020', '2020-08-15'],
		['15-August-2020', '2020-08-15'],
		['5 Aug 2020', '2020-08-05'],
		['15/08/2020', '2020-08-15']
	])('reads %s', (text, date) => {
		expect(readDate(text)).toEqual({ date });
	});

	it.each(['2020-08-32', '2021-02-29', '31 June 2020', '2020-13-01'])('refuses %s, which does not exist', (text) => {
		expect(readDate(text)).toEqual({ error: `expected a real calendar date, got "${text}"` });
	});

	it('refuses what is not a date at all', () => {
		expect(readDate('last Tuesday')).toHaveProperty('error');
		expect(readDate('15 Smarch 2020')).toEqual({ error: 'expected a month name, got "Smarch"' });
	});

	it('turns ACLED time precision into a day, a week or a month', () => {
		expect(acledSpan('2020-08-15', '1')).toEqual({ from: '2020-08-15', to: '2020-08-15' });
		expect(acledSpan('2020-08-15', '2')).toEqual({ from: '2020-08-12', to: '2020-08-18' });
		expect(acledSpan('2020-02-15', '3')).toEqual({ from: '2020-02-01', to: '2020-02-29' });
		expect(acledSpan('2020-08-15', '4')).toEqual({ error: 'expected 1, 2 or 3, got "4"' });
	});
});
