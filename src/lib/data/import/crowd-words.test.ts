import { describe, expect, it } from 'vitest';
import { readCrowdWords } from './crowd-words';

describe('reading crowd sizes from words', () => {
	it.each([
		['around 100', { low: 100, high: 100 }],
		['between 200 and 300', { low: 200, high: 300 }],
		['1,000-2,000', { low: 1000, high: 2000 }],
		['more than 10,000', { low: 10000 }],
		['10,000+', { low: 10000 }],
		['up to 400', { high: 400 }],
		['5k', { low: 5000, high: 5000 }]
	])('keeps the numbers of "%s" as given, with the words', (words, numbers) => {
		const reading = readCrowdWords(words);
		expect(reading).toEqual({ kind: 'count', crowd: { ...numbers, text: words } });
	});

	it.each([
		['hundreds', 200],
		['several hundred', 200],
		['thousands', 2000],
		['tens of thousands', 20000],
		['hundreds of thousands', 200000]
	])('reads "%s" as %i by the CCC convention, and says so', (words, low) => {
		expect(readCrowdWords(words)).toEqual({ kind: 'count', crowd: { low, text: words, convention: 'ccc' } });
	});

	it('reads "several dozen" by its own named convention, not as a CCC figure', () => {
		expect(readCrowdWords('several dozen').crowd).toEqual({ low: 24, text: 'several dozen', convention: 'atlas' });
	});

	it.each(['no report', 'large', 'Large', ''])('leaves "%s" unknown, keeping the words', (words) => {
		const reading = readCrowdWords(words);
		expect(reading.kind).toBe('unknown');
		expect(reading.crowd.low).toBeUndefined();
		expect(reading.crowd.high).toBeUndefined();
		expect(reading.crowd.text).toBe(words || undefined);
	});

	it('keeps words it cannot read as words, without a number', () => {
		expect(readCrowdWords('a sizeable turnout')).toEqual({ kind: 'unread', crowd: { text: 'a sizeable turnout' } });
	});

	/** What each phrasing must read as: its numbers and convention, or no number at all. */
	type Expected =
		{ low?: number; high?: number; convention?: 'ccc' | 'atlas' } | 'unknown' | 'unread' | 'contradiction';
	const PHRASINGS: [string, Expected][] = [
		// English: numbers as given
		['about 500', { low: 500, high: 500 }],
		['approximately 1,200 people', { low: 1200, high: 1200 }],
		['some 3 000', { low: 3000, high: 3000 }],
		['nearly 100,000 protesters', { low: 100000, high: 100000 }],
		['from 200 to 300', { low: 200, high: 300 }],
		['200–300', { low: 200, high: 300 }],
		['at least 50', { low: 50 }],
		['over 2,000', { low: 2000 }],
		['upwards of 10k', { low: 10000 }],
		['100 or more', { low: 100 }],
		['no more than 100', { high: 100 }],
		['fewer than 50 people', { high: 50 }],
		['less than a hundred', { high: 100 }],
		['under a thousand', { high: 1000 }],
		['at most 20', { high: 20 }],
		['a dozen', { low: 12, high: 12 }],
		['10 thousand', { low: 10000, high: 10000 }],
		// English: vague words by a named convention
		['a few hundred', { low: 200, convention: 'ccc' }],
		['many thousands', { low: 2000, convention: 'ccc' }],
		['several thousand.', { low: 2000, convention: 'ccc' }],
		['dozens', { low: 24, convention: 'atlas' }],
		// English: no number made up
		['no thousands', 'unread'],
		['not hundreds', 'unread'],
		['none', 'unread'],
		['hundreds of people, maybe thousands', 'unread'],
		['thousands?', 'unread'],
		['a huge crowd', 'unread'],
		['unknown', 'unknown'],
		['massive', 'unknown'],
		['between 300 and 200', 'contradiction'],
		['5,000-1,000', 'contradiction'],
		// Russian
		['около 500', { low: 500, high: 500 }],
		['примерно 2000 человек', { low: 2000, high: 2000 }],
		['от 200 до 300', { low: 200, high: 300 }],
		['более 1000', { low: 1000 }],
		['свыше 10 тыс.', { low: 10000 }],
		['не менее 100', { low: 100 }],
		['до 400', { high: 400 }],
		['менее 50', { high: 50 }],
		['не более 100 человек', { high: 100 }],
		['сто', { low: 100, high: 100 }],
		['тысячи', { low: 2000, convention: 'ccc' }],
		['несколько тысяч', { low: 2000, convention: 'ccc' }],
		['сотни', { low: 200, convention: 'ccc' }],
		['несколько сотен', { low: 200, convention: 'ccc' }],
		['десятки тысяч', { low: 20000, convention: 'ccc' }],
		['сотни тысяч', { low: 200000, convention: 'ccc' }],
		['десятки', { low: 24, convention: 'atlas' }],
		['не тысячи', 'unread'],
		['нет данных', 'unknown'],
		['от 300 до 200', 'contradiction'],
		// Belarusian
		['каля 500', { low: 500, high: 500 }],
		['больш за 1000', { low: 1000 }],
		['тысячы', { low: 2000, convention: 'ccc' }],
		['некалькі тысяч', { low: 2000, convention: 'ccc' }],
		['дзясяткі тысяч', { low: 20000, convention: 'ccc' }]
	];

	it('has a phrasing for each case, in English and Russian', () => {
		expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
	});

	it.each(PHRASINGS)('reads "%s" as %j, keeping the words', (words, expected) => {
		const reading = readCrowdWords(words);
		expect(reading.crowd.text).toBe(words);
		if (typeof expected === 'string') {
			expect(reading.kind).toBe(expected);
			expect(reading.crowd.low).toBeUndefined();
			expect(reading.crowd.high).toBeUndefined();
		} else expect(reading).toEqual({ kind: 'count', crowd: { ...expected, text: words } });
	});

	it('names both ends of a range written high to low', () => {
		const reading = readCrowdWords('between 300 and 200');
		expect(reading.kind === 'contradiction' && reading.reason).toBe(
			'the range "between 300 and 200" runs from 300 down to 200; write it from low to high'
		);
	});
});
