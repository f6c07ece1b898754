import { describe, expect, it } from 'vitest';
import { detailsFromChunks } from './details';
import { acledCsv, acledRow } from './import/fixtures';
import { importCsv } from './import/run';
import { checkPublishedShape, detailsPath, publishedFiles, resolveDatasetParam, type DatasetIndex } from './published';
import { validateFiles } from './validate-files';

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
		['a newer version', { version: 3 }, 'version 3'],
		['no events', { events: undefined }, 'incomplete'],
		['a malformed event', { events: [{ id: 3 }] }, 'malformed event']
	])('refuses %s', (_label, change, message) => {
		expect(() => checkPublishedShape({ ...minimal(), ...change })).toThrow(message);
	});
});

describe('publishing a large dataset: an index, and the details apart', () => {
	async function synthetic(events: number) {
		const rows = Array.from({ length: events }, (_, i) =>
			acledRow({
				event_id_cnty: `SYN${i}`,
				location: `Town ${i % 7}`,
				admin1: `Region ${i % 3}`,
				latitude: String(53 + (i % 7) / 10),
				longitude: String(27 + (i % 7) / 10),
				event_date: `${10 + (i % 5)} August 2020`,
				notes: `On ${10 + (i % 5)} August 2020, event number ${i} with a long description.`
			})
		);
		return (await importCsv(acledCsv(rows), { format: 'acled', slug: 'synthetic', title: 'Synthetic' })).dataset;
	}
	const read = (files: { path: string; text: string }[]) => (p: string) =>
		JSON.parse(files.find((f) => f.path === p)!.text) as unknown;

	it('keeps a small dataset in one file, as it is', async () => {
		const dataset = await synthetic(30);
		expect(publishedFiles(dataset)).toEqual([{ path: 'synthetic.json', text: `${JSON.stringify(dataset)}\n` }]);
	});

	it('keeps the texts out of the index, and gives back every event whole, each place in one or two chunks', async () => {
		const dataset = await synthetic(700);
		const files = publishedFiles(dataset, { splitFrom: 500, chunkSize: 100 });
		expect(files.map((f) => f.path)).toEqual([
			'synthetic.json',
			...Array.from({ length: 7 }, (_, n) => `synthetic.details/${n}.json`)
		]);
		const index = checkPublishedShape(read(files)('synthetic.json'));
		expect(index.details).toEqual({ chunkSize: 100, chunks: 7 });
		expect(files[0]!.text).not.toContain('long description');
		expect(files[0]!.text.length).toBeLessThan(JSON.stringify(dataset).length / 2);
		const source = detailsFromChunks(index.events, index.details!, async (n) =>
			read(files)(detailsPath('synthetic', n))
		);
		const whole = await source.all(index.events);
		const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
		expect(byId(whole)).toEqual(byId(dataset.events));
		// Events of one place sit together, so its panel fetches little.
		const chunksOf = (place: string) =>
			new Set(index.events.flatMap((e, i) => (e.place === place ? [Math.floor(i / 100)] : [])));
		for (const place of new Set(index.events.map((e) => e.place))) expect(chunksOf(place).size).toBeLessThanOrEqual(2);
	});

	it('validates the index with its details, and names a missing details file', async () => {
		const dataset = await synthetic(600);
		const files = publishedFiles(dataset, { splitFrom: 500, chunkSize: 100 });
		const text = (missing?: string) => (p: string) =>
			p === missing ? undefined : files.find((f) => `static/data/${f.path}` === p)?.text;
		expect(validateFiles(['static/data/synthetic.json'], text())).toMatchObject({ records: 600, errors: 0 });
		const broken = validateFiles(['static/data/synthetic.json'], text('static/data/synthetic.details/3.json'));
		expect(broken.errors).toBeGreaterThan(0);
		expect(broken.lines.join('\n')).toContain('synthetic.details/3.json');
	});

	it('names an outline with too few details files, rather than dropping the events beyond them', async () => {
		const files = publishedFiles(await synthetic(600), { splitFrom: 500, chunkSize: 100 });
		const index = JSON.parse(files[0]!.text) as Record<string, unknown>;
		const short = JSON.stringify({ ...index, details: { chunkSize: 100, chunks: 2 } });
		const report = validateFiles(['static/data/synthetic.json'], (p) =>
			p === 'static/data/synthetic.json' ? short : files.find((f) => `static/data/${f.path}` === p)?.text
		);
		expect(report.lines.join('\n')).toContain('expected 6 details files for 600 events, got 2');
	});

	it('refuses an index whose details outline does not fit its events', async () => {
		const files = publishedFiles(await synthetic(600), { splitFrom: 500, chunkSize: 100 });
		const index = read(files)('synthetic.json') as Record<string, unknown>;
		expect(() => checkPublishedShape({ ...index, details: { chunkSize: 100, chunks: 2 } })).toThrow(/details/);
		expect(() => checkPublishedShape({ ...index, version: 3 })).toThrow(/version 3/);
	});
});
