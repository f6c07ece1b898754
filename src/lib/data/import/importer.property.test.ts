/**
 * Every parser, fed generated rows and files: none throws, and every row read is either imported
 * or rejected. Each suite sends at least 10,000 rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from './acled';
import { CCC_COLUMNS } from './ccc';
import { readCrowdWords } from './crowd-words';
import { readDate } from './dates';
import { readFileSync } from 'node:fs';
import { acledRow, cccRow, INTERNAL_TEXT, toCsv } from './fixtures';
import { formatIssue, type ImportReport } from './importer';
import { importText } from './run';

const options = { slug: 'property', title: 'Property' };

/** Every reason in a person's words: no internal error text, whatever the file held. */
function expectPersonWords(report: ImportReport) {
	for (const issue of [...report.rejections, ...report.warnings]) {
		const line = formatIssue(issue);
		for (const pattern of INTERNAL_TEXT) if (pattern.test(line)) expect.fail(`${line} matches ${pattern}`);
	}
}

/** Text that stresses CSV: quotes, separators, line ends, markup and other scripts. */
const nastyText = fc.oneof(
	fc.string({
		unit: fc.constantFrom('a', ' ', ',', ';', '"', '\n', '\r', '\r\n', '<', '>', '&', 'ж', '9', '-', '.', '\uFEFF')
	}),
	fc.string(),
	fc.constantFrom(
		'',
		'NaN',
		'-0',
		'1e999',
		'91',
		'-181',
		'2020-02-30',
		'32 August 2020',
		'crowd size=between 300 and 200'
	)
);

/** A row: a valid record with some fields replaced by anything. */
function rowOf(base: () => Record<string, string>, columns: readonly string[]) {
	return fc
		.array(fc.tuple(fc.constantFrom(...columns), nastyText), { maxLength: 4 })
		.map((changes) => ({ ...base(), ...Object.fromEntries(changes) }));
}

function csvFiles(base: () => Record<string, string>, columns: readonly string[]) {
	return fc.record({
		rows: fc.array(rowOf(base, columns), { minLength: 1, maxLength: 60, size: 'max' }),
		bom: fc.boolean(),
		crlf: fc.boolean()
	});
}

describe('every row is imported or rejected, whatever it holds', () => {
	it.each([
		['ACLED', () => acledRow(), ACLED_COLUMNS],
		['CCC', () => cccRow(), CCC_COLUMNS]
	] as const)('%s files of generated rows', async (_name, base, columns) => {
		let rows = 0;
		await fc.assert(
			fc.asyncProperty(csvFiles(base, columns), async ({ rows: records, bom, crlf }) => {
				rows += records.length;
				const { report } = await importText(toCsv(records, columns, { bom, crlf }), options);
				expect(report.rowsRead).toBe(records.length);
				expect(report.imported + report.rejected).toBe(report.rowsRead);
				for (const issue of report.rejections) expect(issue.line).toBeGreaterThanOrEqual(2);
				expectPersonWords(report);
			}),
			{ numRuns: 400 }
		);
		expect(rows).toBeGreaterThanOrEqual(10_000);
	});

	it('text that is barely CSV at all', async () => {
		let rows = 0;
		const header = ACLED_COLUMNS.join(',');
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'B') }), { maxLength: 30 }),
				async (lines) => {
					const { report } = await importText(`${header}\n${lines.join('\n')}`, { ...options, format: 'acled' });
					rows += report.rowsRead;
					expect(report.imported + report.rejected).toBe(report.rowsRead);
					expectPersonWords(report);
				}
			),
			{ numRuns: 800 }
		);
		expect(rows).toBeGreaterThan(0);
	});

	it('GeoJSON features of any shape', async () => {
		let rows = 0;
		const anyValue = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.boolean());
		const feature = fc.oneof(
			fc.record({
				type: fc.constant('Feature'),
				geometry: fc.oneof(
					fc.record({
						type: fc.constant('Point'),
						coordinates: fc.tuple(fc.double({ min: -200, max: 200 }), fc.double({ min: -100, max: 100 }))
					}),
					fc.record({
						type: fc.constant('LineString'),
						coordinates: fc.array(fc.tuple(fc.double({ min: -180, max: 180 }), fc.double({ min: -90, max: 90 })), {
							maxLength: 4
						})
					}),
					fc.constant(null),
					anyValue
				),
				properties: fc.dictionary(
					fc.constantFrom(
						'title',
						'name',
						'date',
						'start',
						'end',
						'type',
						'size',
						'size_low',
						'size_high',
						'description',
						'url',
						'location',
						'id',
						'names',
						'crowd',
						'sources',
						'radius_m',
						'detained'
					),
					fc.oneof(
						anyValue,
						fc.jsonValue({ maxDepth: 3 }),
						fc.constantFrom('2020-08-15', '15 August 2020', 'thousands', '2020-08-15T12:00+03:00', 'https://x.org/')
					)
				)
			}),
			anyValue
		);
		await fc.assert(
			fc.asyncProperty(fc.array(feature, { maxLength: 60, size: 'max' }), async (features) => {
				rows += features.length;
				const { report } = await importText(JSON.stringify({ type: 'FeatureCollection', features }), options);
				expect(report.rowsRead).toBe(features.length);
				expect(report.imported + report.rejected).toBe(report.rowsRead);
				expectPersonWords(report);
			}),
			{ numRuns: 400 }
		);
		expect(rows).toBeGreaterThanOrEqual(10_000);
	});

	it('Protest Atlas datasets, published or hand-made, with any event changed', async () => {
		const published = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as { events: unknown[] };
		const authored = JSON.parse(readFileSync('geo/belarus-2020-08.events.json', 'utf8')) as { events: unknown[] };
		const change = fc.tuple(
			fc.nat(),
			fc.constantFrom('id', 'type', 'status', 'when', 'place', 'crowd', 'title', 'sources', 'path', 'stance', 'extra'),
			fc.jsonValue({ maxDepth: 3 })
		);
		let rows = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.boolean(),
				fc.array(change, { maxLength: 12 }),
				fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
				async (isPublished, changes, strays) => {
					const base = structuredClone(isPublished ? published : authored);
					for (const [at, field, value] of changes) {
						const event = base.events[at % base.events.length] as Record<string, unknown>;
						event[field] = value;
					}
					base.events.push(...strays);
					rows += base.events.length;
					const { report } = await importText(JSON.stringify(base, null, 1), {
						...options,
						format: 'atlas',
						readFile: (named) => (named === 'places.geojson' ? readFileSync('geo/places.geojson', 'utf8') : undefined)
					});
					expect(report.rowsRead).toBe(base.events.length);
					expect(report.imported + report.rejected).toBe(report.rowsRead);
					expectPersonWords(report);
				}
			),
			{ numRuns: 200 }
		);
		expect(rows).toBeGreaterThanOrEqual(10_000);
	});

	it('JSON of any shape, as GeoJSON and as a dataset', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom('geojson', 'atlas'), async (value, format) => {
				const { report } = await importText(JSON.stringify(value), { ...options, format });
				expect(report.imported + report.rejected).toBe(report.rowsRead);
				expectPersonWords(report);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('the small readers never throw and never invert a range', () => {
	it('crowd words', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string(), fc.stringMatching(/^(around|more than|between)? ?\d{1,7}( and \d{1,7})?$/)),
				(text) => {
					const { crowd } = readCrowdWords(text);
					if (crowd.low !== undefined && crowd.high !== undefined) expect(crowd.low).toBeLessThanOrEqual(crowd.high);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('dates: whatever is accepted is a real date that reads back the same', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{1,2}-\d{1,2}$/)), (text) => {
				const result = readDate(text);
				if ('date' in result) expect(readDate(result.date)).toEqual(result);
			}),
			{ numRuns: 2000 }
		);
	});
});
