import { describe, expect, it } from 'vitest';
import { datasetFixture, eventFixture, gazetteerFixture, placeFixture } from './fixtures/factories';
import { formatProblem, parseJson, readDataset, readGazetteer } from './load';

const places = () => readGazetteer(gazetteerFixture(), 'places.geojson').places;

/** The one problem that reading a dataset with these events reports, as printed. */
function onlyProblem(events: unknown[]): string[] {
	const result = readDataset(datasetFixture(events), 'events.json', places());
	return result.problems.map(formatProblem);
}

describe('reading a dataset', () => {
	it('imports a valid event and reports nothing', () => {
		const result = readDataset(datasetFixture(), 'events.json', places());
		expect(result.problems).toEqual([]);
		expect(result.events.map((e) => e.id)).toEqual(['minsk-rally']);
	});

	it('reports a missing field by record and field', () => {
		const untitled: Record<string, unknown> = eventFixture();
		delete untitled.title;
		expect(onlyProblem([untitled])).toEqual([
			'events.json: event "minsk-rally" (#1) › title: expected a string, got nothing'
		]);
	});

	it('reports an unknown place', () => {
		expect(onlyProblem([eventFixture({ place: 'atlantis' })])).toEqual([
			'events.json: event "minsk-rally" (#1) › place: expected the id of a place in the gazetteer, got "atlantis"'
		]);
	});

	it('reports a duplicate id and keeps the first record', () => {
		const result = readDataset(datasetFixture([eventFixture(), eventFixture()]), 'events.json', places());
		expect(result.problems.map(formatProblem)).toEqual([
			'events.json: event "minsk-rally" (#2) › id: expected a unique id, but event #1 has it too'
		]);
		expect(result.events).toHaveLength(1);
	});

	it('reports a crowd range whose low is above its high', () => {
		expect(onlyProblem([eventFixture({ crowd: { low: 500, high: 10 } })])).toEqual([
			'events.json: event "minsk-rally" (#1) › crowd.low: expected a number ≤ high (10), got 500'
		]);
	});

	it('reports an unsafe URL', () => {
		const source = { ...eventFixture().sources[0], url: 'javascript:alert(1)' };
		expect(onlyProblem([eventFixture({ sources: [source] })])).toEqual([
			'events.json: event "minsk-rally" (#1) › sources.0.url: expected an http or https URL, got "javascript:alert(1)"'
		]);
	});

	it('reports a date outside the declared range', () => {
		expect(onlyProblem([eventFixture({ when: { precision: 'day', start: '2020-09-01' } })])).toEqual([
			'events.json: event "minsk-rally" (#1) › when.start: expected a date from 2020-08-09 to 2020-08-16, got 2020-09-01'
		]);
	});

	it('reports a time whose offset is not the dataset time zone’s', () => {
		expect(onlyProblem([eventFixture({ when: { precision: 'exact', start: '2020-08-15T12:00+02:00' } })])).toEqual([
			'events.json: event "minsk-rally" (#1) › when.start: expected the UTC offset of Europe/Minsk on that date (+03:00), got 2020-08-15T12:00+02:00'
		]);
	});

	it('reports a type outside the taxonomy with the allowed values', () => {
		expect(onlyProblem([eventFixture({ type: 'riot' })])).toEqual([
			'events.json: event "minsk-rally" (#1) › type: expected one of "rally", "human-chain", "strike", "vigil", "funeral", "repression", "death", "statement", "other", got "riot"'
		]);
	});

	it('reports a march path outside the bbox', () => {
		const path = {
			type: 'LineString',
			coordinates: [
				[27.5, 53.9],
				[53.9, 27.5]
			]
		};
		expect(onlyProblem([eventFixture({ path })])).toEqual([
			'events.json: event "minsk-rally" (#1) › path.coordinates.1: expected [lon, lat] inside the declared bbox [23, 51, 33, 57], got [53.9, 27.5] (latitude and longitude look swapped)'
		]);
	});

	it('loses nothing: every record is either imported or reported', () => {
		const events = [eventFixture(), eventFixture({ id: 'bad-place', place: 'nowhere' }), { id: 'no-fields' }, 42];
		const result = readDataset(datasetFixture(events), 'events.json', places());
		const reported = new Set(result.problems.map((p) => p.record));
		expect(result.events.length + reported.size).toBe(result.total);
		expect(result.total).toBe(4);
		expect([...reported]).toEqual(['event "bad-place" (#2)', 'event "no-fields" (#3)', 'event #4']);
	});
});

describe('reading a gazetteer', () => {
	it('reports swapped latitude and longitude', () => {
		const swapped = placeFixture({ geometry: { type: 'Point', coordinates: [53.9, 27.56667] } });
		expect(readGazetteer(gazetteerFixture([swapped]), 'places.geojson').problems.map(formatProblem)).toEqual([
			'places.geojson: place "minsk" (#1) › geometry.coordinates: expected [lon, lat] inside the declared bbox [23, 51, 33, 57], got [53.9, 27.56667] (latitude and longitude look swapped)'
		]);
	});

	it('reports a place whose city is not in the gazetteer', () => {
		const orphan = placeFixture({ id: 'pushkinskaya' }, { kind: 'metro station', city: 'minks' });
		const result = readGazetteer(gazetteerFixture([placeFixture(), orphan]), 'places.geojson');
		expect(result.problems.map(formatProblem)).toEqual([
			'places.geojson: place "pushkinskaya" (#2) › properties.city: expected the id of a place in this gazetteer, got "minks"'
		]);
		expect(result.places.map((p) => p.id)).toEqual(['minsk']);
	});

	it('reports a duplicate place id', () => {
		const result = readGazetteer(gazetteerFixture([placeFixture(), placeFixture()]), 'places.geojson');
		expect(result.problems.map(formatProblem)).toEqual([
			'places.geojson: place "minsk" (#2) › id: expected a unique id, but place #1 has it too'
		]);
	});
});

describe('parsing JSON', () => {
	it('reports a syntax error with its line and column, never throwing', () => {
		const { value, problems } = parseJson('{\n  "a": 1,\n  "b": }', 'broken.json');
		expect(value).toBeUndefined();
		expect(problems.map(formatProblem)).toEqual([
			'broken.json: line 3, column 8: expected valid JSON, got ValueExpected'
		]);
	});

	it('keeps markup in text fields as plain text', () => {
		const { value } = parseJson('{"title": "<img src=x onerror=alert(1)>"}', 'x.json');
		expect((value as { title: string }).title).toBe('<img src=x onerror=alert(1)>');
	});
});

describe('unknown fields', () => {
	it('rejects a misspelled key by name and suggests the intended one, instead of dropping it', () => {
		const event = eventFixture();
		const source = { ...(event.sources as Record<string, unknown>[])[0] };
		delete source.quoteKind;
		source.quotekind = 'summary';
		expect(onlyProblem([{ ...event, sources: [source] }])).toEqual([
			'events.json: event "minsk-rally" (#1) › sources.0.quoteKind: expected one of "verbatim", "summary", "coded", got nothing',
			'events.json: event "minsk-rally" (#1) › sources.0: expected no unknown fields ("quotekind" (did you mean "quoteKind"?))'
		]);
	});
});
