import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	cameraHash,
	isWholeDataset,
	parseCamera,
	parseViewLocation,
	parseViewState,
	viewStateAddress,
	viewStateSearch
} from './url-state';

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

	it('knows a state that asks for the whole dataset, as its overview shows it', () => {
		expect(isWholeDataset(parseViewState(new URLSearchParams('data=x&lang=be')))).toBe(true);
		for (const search of ['types=strike', 'from=2020-08-10', 'place=stela', 'city=minsk', 'min=100', 'story=a'])
			expect(isWholeDataset(parseViewState(new URLSearchParams(search)))).toBe(false);
	});

	describe('the camera, in the hash', () => {
		it('reads the form MapLibre wrote, bearing and pitch aside', () => {
			expect(parseCamera('#map=12/53.9/27.55')).toEqual({ center: [27.55, 53.9], zoom: 12 });
			expect(parseCamera('#map=6.5/53.7/27.9/0/0')).toEqual({ center: [27.9, 53.7], zoom: 6.5 });
			expect(parseCamera('#other=1&map=3/-10.5/-60')).toEqual({ center: [-60, -10.5], zoom: 3 });
			expect(parseCamera('#map=3/1e-7/-2.5e-8')).toEqual({ center: [-2.5e-8, 1e-7], zoom: 3 });
			expect(parseCamera('')).toBeUndefined();
		});

		it('names a camera it cannot read, and leaves it out', () => {
			const ignored: string[] = [];
			for (const hash of ['#map=12/95/27', '#map=x/1/2', '#map=12/53.9', '#map=99/53.9/27.5', '#map=1e3/1/1'])
				expect(parseCamera(hash, ignored)).toBeUndefined();
			expect(ignored).toEqual(['map=12/95/27', 'map=x/1/2', 'map=12/53.9', 'map=99/53.9/27.5', 'map=1e3/1/1']);
		});

		it('writes tiny coordinates in fixed notation, never as "1e-8" or "-0"', () => {
			expect(cameraHash({ center: [0, -5.000000000000001e-9], zoom: 21.745 })).toBe('#map=21.75/-0.00000001/0');
			expect(cameraHash({ center: [-1e-12, 0], zoom: 3 })).toBe('#map=3/0/0');
		});

		it('writes any camera so that it reads back within a pixel, and the same again', () => {
			fc.assert(
				fc.property(
					fc.double({ min: -180, max: 180, noNaN: true }),
					fc.double({ min: -85, max: 85, noNaN: true }),
					fc.double({ min: 0, max: 22, noNaN: true }),
					(lon, lat, zoom) => {
						const hash = cameraHash({ center: [lon, lat], zoom });
						const back = parseCamera(hash)!;
						expect(back).toBeDefined();
						// A pixel at this zoom, in degrees of longitude.
						const pixel = 360 / (512 * 2 ** back.zoom);
						expect(Math.abs(back.center[0] - lon)).toBeLessThanOrEqual(pixel);
						expect(Math.abs(back.zoom - zoom)).toBeLessThanOrEqual(0.005);
						expect(cameraHash(back)).toBe(hash);
					}
				)
			);
		});

		it('never throws on any hash, and reads a whole address back from what it writes', () => {
			fc.assert(
				fc.property(fc.string(), (hash) => {
					const ignored: string[] = [];
					const camera = parseCamera(`#${hash}`, ignored);
					expect(camera === undefined || ignored.length === 0).toBe(true);
				})
			);
			const state = {
				from: '2020-08-10',
				place: 'stela',
				camera: { center: [27.5, 53.9] as [number, number], zoom: 9 }
			};
			const address = viewStateAddress(state);
			expect(address).toBe('?place=stela&from=2020-08-10#map=9/53.9/27.5');
			const [search, hash] = address.split('#');
			expect(parseViewLocation({ search: search!, hash: `#${hash}` })).toEqual(state);
		});
	});
});
