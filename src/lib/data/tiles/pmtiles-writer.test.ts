import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { PMTiles, zxyToTileId, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { archiveHead, tileIdOf, type ArchiveSettings, type TileEntry } from './pmtiles-writer';

const settings: ArchiveSettings = {
	minZoom: 0,
	maxZoom: 12,
	bounds: [23.1, 51.2, 32.8, 56.2],
	center: [27.56, 53.9, 6],
	metadata: { vector_layers: [{ id: 'events', fields: {} }], attribution: 'test' },
	gzip: (bytes) => gzipSync(bytes),
	tilesGzipped: false
};

/** The archive as one buffer: what a static host serves, read by range as the reader asks. */
function bufferSource(bytes: Uint8Array): Source {
	return {
		getKey: () => 'memory',
		getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer })
	};
}

/** Writes tiles (in the order given) and returns the whole archive. */
function archive(tiles: { z: number; x: number; y: number; bytes: Uint8Array }[]): Uint8Array {
	const entries: TileEntry[] = [];
	const parts: Uint8Array[] = [];
	let offset = 0;
	for (const tile of tiles) {
		entries.push({ tileId: tileIdOf(tile.z, tile.x, tile.y), offset, length: tile.bytes.length });
		parts.push(tile.bytes);
		offset += tile.bytes.length;
	}
	const head = archiveHead(entries, offset, settings);
	const out = new Uint8Array(head.length + offset);
	out.set(head);
	let at = head.length;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

const tileArb = fc.integer({ min: 0, max: 12 }).chain((z) =>
	fc.record({
		z: fc.constant(z),
		x: fc.integer({ min: 0, max: 2 ** z - 1 }),
		y: fc.integer({ min: 0, max: 2 ** z - 1 }),
		bytes: fc.uint8Array({ minLength: 1, maxLength: 40 })
	})
);

describe('tileIdOf', () => {
	it('numbers tiles as the pmtiles reader does', () => {
		fc.assert(
			fc.property(tileArb, ({ z, x, y }) => {
				expect(tileIdOf(z, x, y)).toBe(zxyToTileId(z, x, y));
			})
		);
	});
	it('refuses a tile outside its zoom', () => {
		expect(() => tileIdOf(2, 4, 0)).toThrow(/outside/);
	});
});

describe('archiveHead', () => {
	it('writes archives that the pmtiles reader reads back tile for tile', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(tileArb, { selector: (t) => `${t.z}/${t.x}/${t.y}`, minLength: 1, maxLength: 30 }),
				async (tiles) => {
					const reader = new PMTiles(bufferSource(archive(tiles)));
					for (const tile of tiles) {
						const read = await reader.getZxy(tile.z, tile.x, tile.y);
						expect(new Uint8Array(read!.data)).toEqual(tile.bytes);
					}
					const header = await reader.getHeader();
					expect(header.numAddressedTiles).toBe(tiles.length);
					expect(await reader.getMetadata()).toEqual(settings.metadata);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('moves entries into leaf directories when the root would pass the first 16 KiB', async () => {
		const tiles = [];
		for (let x = 0; x < 256; x++)
			for (let y = 0; y < 160; y++) tiles.push({ z: 8, x, y, bytes: Uint8Array.of(x, y, (x * y) % 251) });
		const bytes = archive(tiles.reverse());
		const reader = new PMTiles(bufferSource(bytes));
		const header = await reader.getHeader();
		expect(header.leafDirectoryLength).toBeGreaterThan(0);
		expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
		for (const [x, y] of [
			[0, 0],
			[255, 159],
			[17, 99],
			[200, 3]
		] as const)
			expect(new Uint8Array((await reader.getZxy(8, x, y))!.data)).toEqual(Uint8Array.of(x, y, (x * y) % 251));
		expect(await reader.getZxy(8, 0, 200)).toBeUndefined();
	});

	it('says in the header where the map is and how it is compressed', async () => {
		const reader = new PMTiles(bufferSource(archive([{ z: 0, x: 0, y: 0, bytes: Uint8Array.of(1) }])));
		const header = await reader.getHeader();
		expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual(settings.bounds);
		expect([header.centerLon, header.centerLat, header.centerZoom]).toEqual(settings.center);
		expect([header.minZoom, header.maxZoom, header.tileType, header.tileCompression]).toEqual([0, 12, 1, 1]);
	});

	it('refuses a tile written twice', () => {
		expect(() =>
			archiveHead(
				[
					{ tileId: 5, offset: 0, length: 1 },
					{ tileId: 5, offset: 1, length: 1 }
				],
				2,
				settings
			)
		).toThrow(/twice/);
	});
});
