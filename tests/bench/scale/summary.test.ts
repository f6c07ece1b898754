import { describe, expect, it } from 'vitest';
import { median, summarise, targets, targetsTable, resultsTable, type Sample } from './summary';

const load = (size: string, page: string, firstMarkers: number, steps = 100): Sample => ({
	size,
	page,
	result: { firstMarkers, filterStep: steps, dateStep: steps, longestScriptAfterFirstMarkers: 10, bytes: 2e6 }
});

describe('the benchmark summary', () => {
	it('takes the middle load, or the mean of the two middle ones', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('gives each page its median and spread, counting loads that did not open apart', () => {
		const samples = [
			load('default (61)', 'Protest Atlas', 900),
			load('default (61)', 'Protest Atlas', 700),
			load('default (61)', 'Protest Atlas', 800),
			{ size: 'default (61)', page: 'Protest Atlas', result: { error: 'timeout', bytes: 0 } }
		];
		const [app] = summarise(samples);
		expect(app!.firstMarkers).toEqual({ median: 800, min: 700, max: 900 });
		expect(app!.failed).toBe(1);
		expect(resultsTable(summarise(samples))).toContain('800 ms (700–900) 1 of 4 did not open');
	});

	it('reads the targets as ratios of medians in the same run', () => {
		const samples = [
			load('default (61)', 'Protest Atlas', 1100, 100),
			load('default (61)', 'bare MapLibre', 1000),
			load('default (61)', 'clustered MapLibre', 1000),
			load('10,000', 'Protest Atlas', 1300, 160),
			load('10,000', 'bare MapLibre', 1000),
			load('10,000', 'clustered MapLibre', 1200),
			load('100,000', 'Protest Atlas', 1300, 120),
			load('100,000', 'clustered MapLibre', 2000)
		];
		const byWhat = new Map(targets(summarise(samples)).map((t) => [t.what, t]));
		expect(byWhat.get('default dataset: first markers, × the bare page')!.measured).toBeCloseTo(1.1);
		// 10,000 must be no later than clustering; 100,000 clearly sooner.
		expect(byWhat.get('10,000: first markers, × clustered MapLibre')).toMatchObject({ limit: 1 });
		expect(byWhat.get('100,000: first markers, × clustered MapLibre')).toMatchObject({ measured: 0.65, limit: 0.8 });
		expect(byWhat.get("10,000: filter step, × the default dataset's")!.measured).toBeCloseTo(1.6);
		const table = targetsTable(summarise(samples));
		expect(table).toMatch(/10,000: first markers, × clustered MapLibre \| ≤ 1× \| 1\.08× \| \*\*no\*\*/);
		expect(table).toMatch(/100,000: first markers, × clustered MapLibre \| ≤ 0\.8× \| 0\.65× \| yes/);
		expect(table).toMatch(/10,000: filter step, × the default dataset's \| ≤ 1\.5× \| 1\.60× \| \*\*no\*\*/);
	});
});
