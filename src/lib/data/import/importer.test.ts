import { readFileSync } from 'node:fs';
import { toParquet } from '../parquet';
import { describe, expect, it } from 'vitest';
import { readGazetteer, readPublished } from '../load';
import { acledCsv, acledRow, cccCsv, cccRow, toCsv } from './fixtures';
import { ACLED_COLUMNS } from './acled';
import { toGeoJson } from '../export';
import { formatIssue, snapToGrid, summaryLine } from './importer';
import { detectFormat, importText } from './run';

const options = { slug: 'test', title: 'Test' };
const lines = (report: { rejections: Parameters<typeof formatIssue>[0][] }) => report.rejections.map(formatIssue);
const gazetteer = () =>
	readGazetteer(JSON.parse(readFileSync('geo/places.geojson', 'utf8')), 'geo/places.geojson').places;

describe('importing ACLED exports', () => {
	it('reads a BOM, CRLF line ends and notes that run over several lines, counting lines as the file does', async () => {
		const csv = acledCsv(
			[
				acledRow({ notes: 'First line,\r\n"second" line\r\nthird line' }),
				acledRow({ event_id_cnty: 'BLR1002', event_date: '2020-08-32' })
			],
			{ bom: true, crlf: true }
		);
		const { dataset, report } = await importText(csv, options);
		expect(report.format).toBe('acled');
		expect(dataset.events[0]!.description).toBe('First line,\r\n"second" line\r\nthird line');
		// Header on line 1; the first record spans lines 2–4, so the second starts on line 5.
		expect(lines(report)).toEqual(['line 5: event_date: expected a real calendar date, got "2020-08-32"']);
		expect(summaryLine(report)).toBe('2 rows read, 1 imported, 1 rejected');
	});

	it('maps a row onto an event with its place, dates, crowd words and source', async () => {
		const { dataset } = await importText(acledCsv([acledRow()]), options);
		const [event] = dataset.events;
		expect(event).toMatchObject({
			id: 'BLR1001',
			type: 'rally',
			when: { precision: 'day', start: '2020-08-15' },
			crowd: { low: 2000, text: 'thousands', convention: 'ccc' },
			sourceType: 'Protests / Peaceful protest',
			actors: ['Protesters (Belarus)', 'Women (Belarus)'],
			sources: [{ publisher: 'Belsat', quote: acledRow().notes, quoteKind: 'summary' }]
		});
		const place = dataset.places.find((p) => p.id === event!.place)!;
		expect(place.properties).toMatchObject({
			names: { en: 'Minsk' },
			kind: 'city',
			region: 'Minsk',
			country: 'Belarus'
		});
		expect(place.geometry.coordinates).toEqual([27.5667, 53.9]);
	});

	it('accepts older exports without disorder_type, civilian_targeting and tags', async () => {
		const columns = ACLED_COLUMNS.filter((c) => !['disorder_type', 'civilian_targeting', 'tags'].includes(c));
		const { report, dataset } = await importText(toCsv([acledRow()], columns), options);
		expect(report.rejected).toBe(0);
		expect(dataset.events[0]!.crowd).toEqual({});
	});

	it('makes week and month precision a span of days, not a day', async () => {
		const csv = acledCsv([
			acledRow({ time_precision: '2' }),
			acledRow({ event_id_cnty: 'BLR1002', time_precision: '3' })
		]);
		const { dataset } = await importText(csv, options);
		expect(dataset.events.map((e) => e.when)).toEqual([
			{ precision: 'days', start: '2020-08-12', end: '2020-08-18' },
			{ precision: 'days', start: '2020-08-01', end: '2020-08-31' }
		]);
	});

	it('maps unknown event types to other, keeping the source words', async () => {
		const { dataset } = await importText(
			acledCsv([acledRow({ event_type: 'Riots', sub_event_type: 'Mob violence' })]),
			options
		);
		expect(dataset.events[0]).toMatchObject({ type: 'other', sourceType: 'Riots / Mob violence' });
	});

	it('draws geo_precision as an approximate place', async () => {
		const { dataset } = await importText(acledCsv([acledRow({ geo_precision: '2' })]), options);
		expect(dataset.places[0]!.properties.precision).toEqual({ kind: 'approximate', radiusM: 25000 });
	});

	it('rejects contradictions by line and field, and never fixes them', async () => {
		const csv = acledCsv([
			acledRow({ latitude: '91' }),
			acledRow({ event_id_cnty: 'BLR1002', longitude: 'east' }),
			acledRow({ event_id_cnty: 'BLR1003', latitude: '' }),
			acledRow({ event_id_cnty: 'BLR1004', tags: 'crowd size=between 300 and 200' }),
			acledRow({ event_id_cnty: 'BLR1005' }),
			acledRow({ event_id_cnty: 'BLR1005' }),
			acledRow({ event_id_cnty: 'blr1005' })
		]);
		const { report } = await importText(csv, options);
		expect(lines(report)).toEqual([
			'line 2: latitude: expected a latitude between -90 and 90, got 91',
			'line 3: longitude: expected a number, got "east"',
			'line 4: latitude: expected a number, since the other coordinate is given, got nothing',
			'line 5: tags: the range "between 300 and 200" runs from 300 down to 200; write it from low to high',
			'line 7: id: expected a unique id, but line 6 has "BLR1005" too',
			'line 8: id: expected a unique id, but line 6 has "BLR1005", which differs from "blr1005" only in case'
		]);
		// "between 300 and 200" is read as the range it names, in order, keeping the words.
		expect(report.imported).toBe(1);
	});

	it('places rows without coordinates through the gazetteer, and names the candidates when it cannot', async () => {
		const csv = acledCsv([
			acledRow({ latitude: '', longitude: '', location: 'Pushkinskaya' }),
			acledRow({ event_id_cnty: 'BLR1002', latitude: '', longitude: '', location: 'Atlantis' })
		]);
		const { dataset, report } = await importText(csv, { ...options, gazetteer: gazetteer() });
		expect(dataset.places[0]!.geometry.coordinates).toEqual([27.49702, 53.90966]);
		expect(dataset.places[0]!.properties.names.ru).toBe('Пушкинская');
		expect(report.rejections).toHaveLength(1);
		expect(report.rejections[0]).toMatchObject({ line: 3, field: 'location' });
		expect(report.rejections[0]!.message).toMatch(/^"Atlantis" is not in the gazetteer/);
	});

	it('warns about a point whose coordinates look swapped, and keeps it', async () => {
		const rows = ['1', '2', '3', '4'].map((n) => acledRow({ event_id_cnty: `BLR${n}` }));
		rows.push(acledRow({ event_id_cnty: 'BLR5', latitude: '27.5667', longitude: '53.9' }));
		const { report } = await importText(acledCsv(rows), options);
		expect(report.imported).toBe(5);
		expect(report.warnings.map(formatIssue)).toEqual([
			'line 6: latitude: latitude and longitude look swapped: [53.9, 27.5667] is over 1000 km from the other rows, [27.5667, 53.9] would be among them'
		]);
	});

	it('keeps markup in notes as the literal characters', async () => {
		const notes = '<img src=x onerror=alert(1)> & <b>bold</b>';
		const { dataset } = await importText(acledCsv([acledRow({ notes })]), options);
		expect(dataset.events[0]!.description).toBe(notes);
	});

	it('rejects a row with the wrong number of fields, and a quote that never closes', async () => {
		const header = ACLED_COLUMNS.join(',');
		const good = Object.values(acledRow())
			.map((v) => JSON.stringify(v))
			.join(',');
		const csv = `${header}\n${good}\nBLR2,"15 August 2020\n${good.replace('BLR1001', 'BLR3')}\n"BLR4,unclosed`;
		const { report } = await importText(csv, options);
		expect(report.rowsRead).toBe(report.imported + report.rejected);
		expect(report.rejections[0]).toMatchObject({ line: 3, field: 'row' });
	});

	it('fails the whole file, on line 1, when required columns are missing', async () => {
		const { report } = await importText('event_id_cnty,latitude\nBLR1,53\n', { ...options, format: 'acled' });
		expect(lines(report)).toEqual([
			'line 1: header: expected the ACLED columns event_date, event_type, sub_event_type, location, but they are missing'
		]);
		expect(report.imported).toBe(0);
	});
});

describe('importing Crowd Counting Consortium sheets', () => {
	it('keeps CCC numbers and words, and groups locations into their locality', async () => {
		const csv = cccCsv(
			[
				cccRow(),
				cccRow({ location: 'Pioneer Courthouse Square', size_low: '', size_high: '', size_text: 'thousands' })
			],
			{ crlf: true }
		);
		const { dataset, report } = await importText(csv, options);
		expect(report.format).toBe('ccc');
		expect(dataset.events.map((e) => e.crowd)).toEqual([
			{ low: 200, high: 300, text: 'hundreds' },
			{ low: 2000, text: 'thousands', convention: 'ccc' }
		]);
		const city = dataset.places.find((p) => p.properties.kind === 'city')!;
		expect(city.properties.names.en).toBe('Portland');
		expect(dataset.places.filter((p) => p.properties.city === city.id)).toHaveLength(3);
		expect(dataset.events[0]!.sources[0]).toMatchObject({
			publisher: 'example.org',
			url: 'https://www.example.org/news/1'
		});
	});

	it('rejects size_low above size_high', async () => {
		const { report } = await importText(cccCsv([cccRow({ size_low: '500', size_high: '300' })]), options);
		expect(lines(report)).toEqual(['line 2: size_low: expected a number ≤ size_high (300), got 500']);
	});

	it('maps CCC type words to our types', async () => {
		const types = ['strike', 'vigil; march', 'human chain', 'banner drop'];
		const csv = cccCsv(types.map((type) => cccRow({ type })));
		const { dataset } = await importText(csv, options);
		expect(dataset.events.map((e) => e.type)).toEqual(['strike', 'vigil', 'human-chain', 'other']);
	});
});

describe('importing GeoJSON', () => {
	const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
	const point = (properties: Record<string, unknown>, coordinates = [27.56, 53.9]) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates },
		properties
	});

	it('reads the common property names, and routes as LineStrings', async () => {
		const text = collection([
			point({
				name: 'March',
				date: '2020-08-16',
				type: 'march',
				crowd: 'tens of thousands',
				notes: 'Words.',
				url: 'https://x.org/a'
			}),
			{
				type: 'Feature',
				geometry: {
					type: 'LineString',
					coordinates: [
						[27.5, 53.9],
						[27.6, 53.92]
					]
				},
				properties: {
					title: 'Chain',
					start: '2020-08-13',
					end: '2020-08-14',
					event_type: 'human-chain',
					size_low: 100,
					size_high: 250
				}
			}
		]);
		const { dataset, report } = await importText(text, options);
		expect(report.format).toBe('geojson');
		expect(dataset.events[0]).toMatchObject({
			title: 'March',
			type: 'rally',
			crowd: { low: 20000, convention: 'ccc', text: 'tens of thousands' },
			description: 'Words.'
		});
		expect(dataset.events[1]).toMatchObject({
			type: 'human-chain',
			when: { precision: 'days', start: '2020-08-13', end: '2020-08-14' },
			path: { type: 'LineString' },
			crowd: { low: 100, high: 250 }
		});
	});

	it('names the line each rejected feature starts on', async () => {
		const text = collection([point({ name: 'Fine', date: '2020-08-16' }), point({ name: 'Bad', date: '2020-08-32' })]);
		const { report } = await importText(text, options);
		// Each feature opens with `{` alone on its line, indented under "features".
		const featureLines = text.split('\n').flatMap((l, i) => (l === '    {' ? [i + 1] : []));
		const line = featureLines[1];
		expect(report.rejections).toEqual([
			{ line, field: 'date', message: 'expected a real calendar date, got "2020-08-32"', record: 'feature 2' }
		]);
	});

	it('drops a link that is not http(s), with a warning, and keeps markup as text', async () => {
		const { dataset, report } = await importText(
			collection([point({ name: '<b>x</b>', date: '2020-08-16', url: 'javascript:alert(1)' })]),
			options
		);
		expect(dataset.events[0]!.title).toBe('<b>x</b>');
		expect(dataset.events[0]!.sources[0]!.url).toBeUndefined();
		expect(report.warnings[0]).toMatchObject({ field: 'url' });
	});

	it('says where a file stops being JSON', async () => {
		const { report } = await importText('{"type": "FeatureCollection",\n "features": [\n{]}', {
			...options,
			format: 'geojson'
		});
		expect(report.rejections[0]).toMatchObject({ line: 3, field: 'file' });
		expect(report.rejections[0]!.message).toBe(
			'the file stops being JSON here: expected a property name in double quotes'
		);
	});
});

describe('importing the app’s own datasets', () => {
	it('publishes the Belarus week with every event and only the places it uses', async () => {
		const text = readFileSync('geo/belarus-2020-08.events.json', 'utf8');
		const { dataset, report } = await importText(text, {
			...options,
			readFile: (path) => readFileSync(`geo/${path}`, 'utf8')
		});
		expect(report).toMatchObject({ format: 'atlas', rowsRead: 61, imported: 61, rejected: 0 });
		const reread = readPublished(JSON.parse(JSON.stringify(dataset)), 'published');
		expect(reread.problems).toEqual([]);
		expect(reread.dataset!.events).toHaveLength(61);
	});

	it('the committed published default is what the importer makes of geo/ today', async () => {
		const committed = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8'));
		const { dataset } = await importText(readFileSync('geo/belarus-2020-08.events.json', 'utf8'), {
			slug: 'belarus-2020-08',
			title: committed.title,
			file: 'belarus-2020-08.events.json',
			readFile: (path) => readFileSync(`geo/${path}`, 'utf8')
		});
		expect(committed).toEqual(JSON.parse(JSON.stringify(dataset)));
		const parquet = toParquet(dataset.events, dataset.places, dataset.timeZone);
		expect(Buffer.from(parquet).equals(readFileSync('static/data/belarus-2020-08.parquet'))).toBe(true);
	});
});

describe('detecting the format', () => {
	it.each([
		[acledCsv([acledRow()], { bom: true }), 'acled'],
		[cccCsv([cccRow()]), 'ccc'],
		['{"type":"FeatureCollection","features":[]}', 'geojson'],
		['{"format":"protest-atlas-dataset","events":[]}', 'atlas'],
		['name,date\nx,y\n', undefined]
	])('from the first characters', (text, format) => {
		expect(detectFormat(text)).toBe(format);
	});
});

describe('protecting the people in the data', () => {
	const columns = [...ACLED_COLUMNS, 'sensitive'];
	const rows = () => [
		acledRow({
			event_id_cnty: 'BLR1',
			latitude: '53.90966',
			longitude: '27.49702',
			location: 'Pushkinskaya',
			sensitive: 'yes'
		}),
		acledRow({ event_id_cnty: 'BLR2', sensitive: '' })
	];

	it('snaps the rows marked sensitive to the centre of a grid cell, and says so on the place', async () => {
		const { dataset } = await importText(toCsv(rows(), columns), { ...options, generalise: { km: 5, all: false } });
		const [sensitive, open] = dataset.events.map((e) => dataset.places.find((p) => p.id === e.place)!);
		expect(sensitive!.properties.generalisedKm).toBe(5);
		expect(sensitive!.geometry.coordinates).toEqual(snapToGrid([27.49702, 53.90966], 5));
		expect(sensitive!.geometry.coordinates).not.toEqual([27.49702, 53.90966]);
		expect(sensitive!.properties.precision).toEqual({ kind: 'approximate', radiusM: 3536 });
		expect(open!.geometry.coordinates).toEqual([27.5667, 53.9]);
		expect(open!.properties.generalisedKm).toBeUndefined();
	});

	it('snaps every row with --all, and an export holds no more precision than that', async () => {
		const { dataset } = await importText(toCsv(rows(), columns), { ...options, generalise: { km: 5, all: true } });
		const exported = toGeoJson(dataset.events, dataset.places);
		for (const feature of exported.features) {
			const coordinates = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
			expect(snapToGrid(coordinates, 5)).toEqual(coordinates);
		}
	});

	it('puts nearby points in one cell, a cell’s width apart from the next', () => {
		expect(snapToGrid([27.5, 53.9], 5)).toEqual(snapToGrid([27.51, 53.91], 5));
		const [, lat1] = snapToGrid([27.5, 53.9], 5);
		const [, lat2] = snapToGrid([27.5, 53.9 + 5 / 111.32], 5);
		expect((lat2 - lat1) * 111.32).toBeCloseTo(5, 1);
	});
});
