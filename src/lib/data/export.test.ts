import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFileName, reportCsv, toAcledCsv, toCccCsv, toGeoJson } from './export';
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
