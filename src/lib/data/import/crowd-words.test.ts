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
});
