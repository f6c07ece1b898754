import { describe, expect, it } from 'vitest';
import { parseViewState, viewStateSearch } from './url-state';

const parse = (search: string) => parseViewState(new URLSearchParams(search));

describe('view state in the URL', () => {
	it('reads a place, a city, dates, types, statuses and a minimum size', () => {
		expect(
			parse('?place=pushkinskaya&city=minsk&from=2020-08-14&to=2020-08-15&types=rally,strike&status=reported&min=1000')
		).toEqual({
			place: 'pushkinskaya',
			city: 'minsk',
			from: '2020-08-14',
			to: '2020-08-15',
			types: ['rally', 'strike'],
			status: ['reported'],
			min: 1000
		});
	});

	it('ignores what is malformed rather than failing', () => {
		expect(parse('?place=<script>&from=14-08-2020&types=riot,rally&min=-5&status=maybe')).toEqual({
			types: ['rally'],
			status: []
		});
	});

	it('puts a reversed date range the right way round', () => {
		expect(parse('?from=2020-08-16&to=2020-08-10')).toMatchObject({ from: '2020-08-10', to: '2020-08-16' });
	});

	it('round-trips every state through its search string', () => {
		const states = [
			{},
			{ place: 'pushkinskaya' },
			{ city: 'minsk', from: '2020-08-14', to: '2020-08-14' },
			{ types: ['rally' as const, 'human-chain' as const], status: ['announced' as const], min: 5000 },
			{ types: [] }
		];
		for (const state of states) expect(parse(viewStateSearch(state))).toEqual(state);
	});

	it('writes readable, stable URLs', () => {
		expect(viewStateSearch({ types: ['rally', 'strike'], place: 'stela' })).toBe('?place=stela&types=rally,strike');
		expect(viewStateSearch({})).toBe('');
	});
});
