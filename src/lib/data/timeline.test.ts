import { describe, expect, it } from 'vitest';
import { eventFixture } from './fixtures/factories';
import { ProtestEvent } from './schema';
import {
	addDays,
	binByDay,
	clampRange,
	daysBetween,
	playbackRange,
	rangeAfterKey,
	shiftRange,
	stackDay
} from './timeline';

const week = daysBetween('2020-08-09', '2020-08-16');
const event = (id: string, when: Record<string, string>, type = 'rally') =>
	ProtestEvent.parse(eventFixture({ id, when, type }));

describe('days', () => {
	it('lists every date of the week, across a month end too', () => {
		expect(week).toEqual([
			'2020-08-09',
			'2020-08-10',
			'2020-08-11',
			'2020-08-12',
			'2020-08-13',
			'2020-08-14',
			'2020-08-15',
			'2020-08-16'
		]);
		expect(daysBetween('2020-07-31', '2020-08-01')).toEqual(['2020-07-31', '2020-08-01']);
		expect(addDays('2020-08-16', -7)).toBe('2020-08-09');
	});
});

describe('binning by day', () => {
	it('counts each event on its local date, whatever the time of day', () => {
		const late = event('late', { precision: 'approximate', start: '2020-08-10T23:00+03:00' }, 'death');
		const early = event('early', { precision: 'exact', start: '2020-08-11T00:30+03:00' });
		const bins = binByDay([late, early], week);
		expect(bins[1]).toMatchObject({ date: '2020-08-10', total: 1 });
		expect(bins[1]?.counts.death).toBe(1);
		expect(bins[2]).toMatchObject({ date: '2020-08-11', total: 1 });
	});

	it('counts an event spanning several days on each of them', () => {
		const bins = binByDay(
			[event('strike', { precision: 'days', start: '2020-08-13', end: '2020-08-14' }, 'strike')],
			week
		);
		expect(bins.map((b) => b.total)).toEqual([0, 0, 0, 0, 1, 1, 0, 0]);
	});

	it('stacks a day’s types bottom to top without gaps', () => {
		const bins = binByDay(
			[
				event('a', { precision: 'day', start: '2020-08-14' }, 'strike'),
				event('b', { precision: 'day', start: '2020-08-14' }, 'rally'),
				event('c', { precision: 'day', start: '2020-08-14' }, 'strike')
			],
			week
		);
		expect(stackDay(bins[5]!)).toEqual([
			{ type: 'rally', y0: 0, y1: 1 },
			{ type: 'strike', y0: 1, y1: 3 }
		]);
	});
});

describe('ranges', () => {
	it('shifts a range by a day and stops at the ends of the week', () => {
		expect(shiftRange({ from: '2020-08-14', to: '2020-08-14' }, week, 1)).toEqual({
			from: '2020-08-15',
			to: '2020-08-15'
		});
		expect(shiftRange({ from: '2020-08-15', to: '2020-08-16' }, week, 1)).toEqual({
			from: '2020-08-15',
			to: '2020-08-16'
		});
		expect(shiftRange({ from: '2020-08-09', to: '2020-08-10' }, week, -1)).toEqual({
			from: '2020-08-09',
			to: '2020-08-10'
		});
	});

	it('clamps and orders a range', () => {
		expect(clampRange({ from: '2020-08-20', to: '2020-08-01' }, week)).toEqual({
			from: '2020-08-09',
			to: '2020-08-16'
		});
	});

	it('plays either that day only or everything up to that day', () => {
		expect(playbackRange(week, 3, 'day')).toEqual({ from: '2020-08-12', to: '2020-08-12' });
		expect(playbackRange(week, 3, 'cumulative')).toEqual({ from: '2020-08-09', to: '2020-08-12' });
	});
});

describe('the timeline keys', () => {
	const week = daysBetween('2020-08-09', '2020-08-16');
	const mid = { from: '2020-08-11', to: '2020-08-12' };
	it('move one end by a day, never past the other or the dataset', () => {
		expect(rangeAfterKey('ArrowRight', mid, week, 'to')).toEqual({ from: '2020-08-11', to: '2020-08-13' });
		expect(rangeAfterKey('ArrowLeft', mid, week, 'from')).toEqual({ from: '2020-08-10', to: '2020-08-12' });
		expect(rangeAfterKey('ArrowRight', mid, week, 'from')).toEqual({ from: '2020-08-12', to: '2020-08-12' });
		expect(rangeAfterKey('ArrowDown', { from: '2020-08-09', to: '2020-08-09' }, week, 'from')).toEqual({
			from: '2020-08-09',
			to: '2020-08-09'
		});
	});
	it('move the whole window, keeping its length, and jump to the edges', () => {
		expect(rangeAfterKey('ArrowUp', mid, week, 'both')).toEqual({ from: '2020-08-12', to: '2020-08-13' });
		expect(rangeAfterKey('End', mid, week, 'both')).toEqual({ from: '2020-08-15', to: '2020-08-16' });
		expect(rangeAfterKey('Home', mid, week, 'both')).toEqual({ from: '2020-08-09', to: '2020-08-10' });
		expect(rangeAfterKey('Home', mid, week, 'to')).toEqual({ from: '2020-08-09', to: '2020-08-11' });
		expect(rangeAfterKey('End', mid, week, 'from')).toEqual({ from: '2020-08-12', to: '2020-08-16' });
	});
	it('ignore other keys', () => {
		expect(rangeAfterKey('a', mid, week, 'both')).toBeUndefined();
	});
});
