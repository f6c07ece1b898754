import { describe, expect, it } from 'vitest';
import { checkPublishedShape, resolveDatasetParam, type DatasetIndex } from './published';

const index: DatasetIndex = {
	default: 'belarus-2020-08',
	datasets: [{ slug: 'belarus-2020-08', title: 'Belarus', from: '2020-08-09', to: '2020-08-16', events: 61 }]
};

describe('which dataset a link may open', () => {
	it('opens a slug the index lists', () => {
		expect(resolveDatasetParam('belarus-2020-08', index)).toEqual({ slug: 'belarus-2020-08' });
	});

	it('has no opinion without the parameter', () => {
		expect(resolveDatasetParam(null, index)).toBeUndefined();
	});

	it.each([
		'https://evil.example/data.json',
		'//evil.example/x',
		'../data/belarus-2020-08',
		'data/belarus-2020-08.json',
		'unknown-slug',
		''
	])('refuses %s', (value) => {
		expect(resolveDatasetParam(value, index)).toEqual({ refused: value });
	});
});

describe('the cheap check of a fetched dataset', () => {
	const minimal = () => ({
		format: 'protest-atlas-dataset',
		version: 1,
		dateRange: { from: '2020-08-09', to: '2020-08-16' },
		bbox: [0, 0, 1, 1],
		places: [{ id: 'a', geometry: {}, properties: {} }],
		events: [{ id: 'e', place: 'a', when: {} }]
	});

	it('accepts the outline of a published dataset', () => {
		expect(checkPublishedShape(minimal()).events).toHaveLength(1);
	});

	it.each([
		['another format', { format: 'geojson' }, 'not a Protest Atlas dataset'],
		['a newer version', { version: 2 }, 'version 2'],
		['no events', { events: undefined }, 'incomplete'],
		['a malformed event', { events: [{ id: 3 }] }, 'malformed event']
	])('refuses %s', (_label, change, message) => {
		expect(() => checkPublishedShape({ ...minimal(), ...change })).toThrow(message);
	});
});
