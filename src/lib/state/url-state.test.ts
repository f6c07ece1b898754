import { describe, expect, it } from 'vitest';
import { parseViewState, viewStateSearch } from './url-state';

const parse = (search: string) => parseViewState(new URLSearchParams(search));

describe('view state in the URL', () => {
	it('reads a story’s chapter, and writes a chapter’s link with only the story, chapter and language', () => {
		const ignored: string[] = [];
		expect(parseViewState(new URLSearchParams('?story=belarus-week&chapter=3&lang=be'), ignored)).toEqual({
			story: 'belarus-week',
			chapter: 3,
			lang: 'be'
		});
		expect(viewStateSearch({ story: 'belarus-week', chapter: 3, lang: 'be', from: '2020-08-10', place: 'stela' })).toBe(
			'?story=belarus-week&chapter=3&lang=be'
		);
		parseViewState(new URLSearchParams('?story=Bad%20Slug&chapter=0'), ignored);
		parseViewState(new URLSearchParams('?chapter=1e3'), ignored);
		expect(ignored).toEqual(['story=Bad Slug', 'chapter=0', 'chapter=1e3']);
	});

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

	it('ignores what is malformed, so its default applies, and names what it ignored', () => {
		const ignored: string[] = [];
		const state = parseViewState(
			new URLSearchParams('?place=<script>&from=14-08-2020&types=riot,rally&min=-5&status=maybe&lang=fr'),
			ignored
		);
		expect(state).toEqual({ types: ['rally'] });
		expect(ignored).toEqual(['place=<script>', 'from=14-08-2020', 'types=riot', 'status=maybe', 'min=-5', 'lang=fr']);
	});

	it('ignores impossible dates and absurd sizes, and names them', () => {
		const ignored: string[] = [];
		const state = parseViewState(
			new URLSearchParams('?from=2020-02-30&to=2021-02-29&min=1e308&place=pushkinskaya'),
			ignored
		);
		expect(state).toEqual({ place: 'pushkinskaya' });
		expect(ignored).toEqual(['from=2020-02-30', 'to=2021-02-29', 'min=1e308']);
		for (const min of ['1000000001', '99999999999', '0x10', '1.5', ' 5']) {
			const named: string[] = [];
			expect(parseViewState(new URLSearchParams({ min }), named)).toEqual({});
			expect(named).toHaveLength(1);
		}
		expect(parse('?from=2020-02-29&min=1000000000')).toEqual({ from: '2020-02-29', min: 1_000_000_000 });
	});

	it('quotes at most 40 characters of a value it ignores', () => {
		const ignored: string[] = [];
		parseViewState(new URLSearchParams({ lang: 'x'.repeat(100_000), types: `riot,${'y'.repeat(500)}` }), ignored);
		expect(ignored).toEqual([`types=riot,${'y'.repeat(35)}…`, `lang=${'x'.repeat(40)}…`]);
	});

	it('never turns a list with nothing valid into an empty filter that hides everything', () => {
		expect(parse('?status=maybe&types=zzz&stance=neutral')).toEqual({});
	});

	it('keeps the stance filter', () => {
		const state = parse('?stance=opposition,unknown');
		expect(state).toEqual({ stance: ['opposition', 'unknown'] });
		expect(viewStateSearch(state)).toBe('?stance=opposition,unknown');
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
