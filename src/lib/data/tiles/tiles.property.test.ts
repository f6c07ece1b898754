/**
 * The tiles' figures are the engine's: for random datasets published as Parquet and tiled by the
 * same code as `npm run tiles`, every place's largest single-day turnout for any range and types,
 * read back from the archive, is the one the page's columnar engine (event-table.ts) gives; the
 * key's and timeline's counts are filterEvents' and binByDay's; and a place's rows in the details
 * are its events.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import fc from 'fast-check';
import { parquetReadObjects } from 'hyparquet';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventTable, selectRows, totalPlaces } from '../event-table';
import { DAYS, dataset } from '../fixtures/arbitraries';
import { filterEvents } from '../filter';
import type { EventType, Place, ProtestEvent } from '../schema';
import { tileDataset } from '../fixtures/tiled';
import { binByDay } from '../timeline';
import { EVENT_TYPE_IDS } from '../vocabulary';
import { figureKey, isCount, mercator, TILE_LAYER, TYPE_FIGURES, typeCountsIn, wholeKey } from './tile-figures';

const work = mkdtempSync(path.join(tmpdir(), 'tiles-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const MAX_ZOOM = 3;

function fileSource(file: string): Source {
	const bytes = readFileSync(file);
	return {
		getKey: () => file,
		getBytes: async (offset, length) => ({
			data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length)
		})
	};
}

type Tags = Record<string, string | number | boolean>;

/** Every feature of the tile a point falls in, at a zoom. */
async function featuresAt(reader: PMTiles, zoom: number, lon: number, lat: number): Promise<Tags[]> {
	const [x, y] = mercator(lon, lat).map((v) => Math.floor(v * 2 ** zoom)) as [number, number];
	const tile = await reader.getZxy(zoom, x, y);
	if (!tile) return [];
	const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[TILE_LAYER];
	return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties as Tags);
}

/** The largest of a feature's days' figures summed over the types asked for, over the days asked for. */
function largestDay(
	features: Tags[],
	figure: 'h' | 'l' | 'ph' | 'pl',
	first: number,
	last: number,
	types: EventType[]
) {
	let largest = 0;
	for (const f of features)
		for (let day = Math.max(first, 0); day <= last; day++)
			largest = Math.max(
				largest,
				types.reduce((sum, t) => sum + Number(f[figureKey(figure, day, t)] ?? 0), 0)
			);
	return largest;
}

/** Each day's totals are the types' sums; the whole dataset's figures are every day's, all types, each, all but each. */
function holdsTotals(feature: Tags, days: number) {
	for (const figure of TYPE_FIGURES) {
		const over = (values: number[]) => (isCount(figure) ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values));
		const value = (day: number, type: EventType) => Number(feature[figureKey(figure, day, type)] ?? 0);
		const dayList = Array.from({ length: days }, (_, day) => day);
		const totals = dayList.map((day) => EVENT_TYPE_IDS.reduce((sum, t) => sum + value(day, t), 0));
		for (const day of dayList) expect(Number(feature[figureKey(figure, day)] ?? 0)).toBe(totals[day]);
		expect(Number(feature[wholeKey(figure)] ?? 0)).toBe(over(totals));
		for (const type of EVENT_TYPE_IDS) {
			expect(Number(feature[wholeKey(figure, type)] ?? 0)).toBe(over(dayList.map((day) => value(day, type))));
			if (!isCount(figure))
				expect(Number(feature[wholeKey(figure, type, 'without')] ?? 0)).toBe(
					over(dayList.map((day) => totals[day]! - value(day, type)))
				);
		}
	}
}

async function tile(events: ProtestEvent[], places: Place[], name: string) {
	const built = await tileDataset(events, places, work, name, { maxZoom: MAX_ZOOM });
	return { ...built, reader: new PMTiles(fileSource(built.archive)) };
}

const ask = fc.record({
	first: fc.nat(DAYS.length - 1),
	length: fc.nat(DAYS.length - 1),
	types: fc.subarray([...EVENT_TYPE_IDS], { minLength: 1 })
});

describe('tiled figures', () => {
	let run = 0;
	it('hold to the engine’s for any range and types', async () => {
		await fc.assert(
			fc.asyncProperty(
				dataset,
				fc.array(ask, { minLength: 1, maxLength: 4 }),
				async ({ places, events: all }, asks) => {
					const events = all.filter((e) => places.some((p) => p.id === e.place));
					fc.pre(events.length > 0);
					const { report, summary, reader, details } = await tile(events, places, `set-${run++}`);
					expect(report.imported).toBe(events.length);
					// A feature's day counts from the dataset's first day, which may come after the arbitrary's.
					const offset = DAYS.indexOf(summary.days[0]!);
					const bytes = readFileSync(details);
					const detailRows = await parquetReadObjects({
						file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
					});
					const table = createEventTable(events, places);
					for (const place of places) {
						const own = events.filter((e) => e.place === place.id);
						const [lon, lat] = place.geometry.coordinates as [number, number];
						const features = (await featuresAt(reader, MAX_ZOOM, lon, lat)).filter((f) =>
							own.length
								? detailRows
										.slice(Number(f.row), Number(f.row) + Number(f.rows))
										.every((r) => own.some((e) => e.id === r.id)) && Number(f.rows) === own.length
								: false
						);
						if (!own.length) continue;
						expect(features.length).toBe(1);
						holdsTotals(features[0]!, summary.days.length);
						for (const { first, length, types } of asks) {
							const from = DAYS[first]!;
							const to = DAYS[Math.min(first + length, DAYS.length - 1)]!;
							const range = { from, to };
							// The page's columnar engine, as it sums a place for any other dataset.
							const totals = totalPlaces(table, selectRows(table, { ...range, types }), range).find(
								(t) => t.place.id === place.id
							);
							const protest = totals?.peak;
							const proGovernment = totals?.proGovernmentPeak;
							const [a, b] = [first - offset, first + Math.min(length, DAYS.length - 1 - first) - offset];
							expect(largestDay(features, 'h', a, b, types)).toBe(protest?.high ?? 0);
							expect(largestDay(features, 'l', a, b, types)).toBe(protest?.low ?? 0);
							expect(largestDay(features, 'ph', a, b, types)).toBe(proGovernment?.high ?? 0);
							expect(largestDay(features, 'pl', a, b, types)).toBe(proGovernment?.low ?? 0);
						}
					}
					// The key's counts for any range, and the timeline's bars.
					for (const { first, length, types } of asks) {
						const from = DAYS[first]!;
						const to = DAYS[Math.min(first + length, DAYS.length - 1)]!;
						const shown = filterEvents(events, { from, to, types });
						const last = Math.min(first + length, DAYS.length - 1);
						const counts = typeCountsIn(summary, first - offset, last - offset);
						for (const type of types) expect(counts[type]).toBe(shown.filter((e) => e.type === type).length);
					}
					const bins = binByDay(events, summary.days);
					expect(summary.dayCounts).toEqual(bins.map((b) => b.counts));
					// The whole world in one tile: its cells' figures add up to the dataset's.
					const world = await featuresAt(reader, 0, 0, 0);
					const total = (key: string) => world.reduce((sum, f) => sum + Number(f[key] ?? 0), 0);
					for (const feature of world) holdsTotals(feature, summary.days.length);
					for (const type of EVENT_TYPE_IDS)
						expect(summary.days.reduce((sum, _, day) => sum + total(figureKey('n', day, type)), 0)).toBe(
							bins.reduce((sum, b) => sum + b.counts[type], 0)
						);
				}
			),
			{ numRuns: 25 }
		);
	}, 120_000);
});
