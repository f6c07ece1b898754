/**
 * A PMTiles version 3 archive, written: the 127-byte header, the root directory, the metadata, the
 * leaf directories and then the tiles, which the caller writes after what `archiveHead` returns.
 * The registry's `pmtiles` package only reads archives, so this half is ours; its tests read what
 * it writes back with that reader. Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 */

/** One tile's bytes in the tile data section: where they start, relative to the section, and how long. */
export interface TileEntry {
	tileId: number;
	offset: number;
	length: number;
}

export interface ArchiveSettings {
	minZoom: number;
	maxZoom: number;
	/** West, south, east, north in degrees. */
	bounds: [number, number, number, number];
	center: [number, number, number];
	/** The archive's JSON metadata (vector_layers, attribution, …). */
	metadata: Record<string, unknown>;
	/** Gzips the directories and the metadata (node:zlib's gzipSync, or the browser's own). */
	gzip: (bytes: Uint8Array) => Uint8Array;
	/** Whether the tiles themselves are gzipped. */
	tilesGzipped: boolean;
}

const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 KiB, which a reader fetches at once. */
const FIRST_READ = 16_384;
const COMPRESSION_NONE = 1;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

/** The tile's id on the Hilbert curve of its zoom, after every tile of the zooms above it. */
export function tileIdOf(z: number, x: number, y: number): number {
	if (z > 26) throw new Error(`zoom ${z} is deeper than an archive holds`);
	const side = 2 ** z;
	if (x < 0 || y < 0 || x >= side || y >= side) throw new Error(`tile ${z}/${x}/${y} is outside its zoom`);
	let before = 0;
	for (let level = 0; level < z; level++) before += 4 ** level;
	let d = 0;
	let tx = x;
	let ty = y;
	for (let s = side / 2; s >= 1; s /= 2) {
		const rx = (tx & s) > 0 ? 1 : 0;
		const ry = (ty & s) > 0 ? 1 : 0;
		d += s * s * ((3 * rx) ^ ry);
		// Turn the quadrant so that the curve stays continuous (the classic xy→d rotation).
		if (ry === 0) {
			if (rx === 1) {
				tx = side - 1 - tx;
				ty = side - 1 - ty;
			}
			[tx, ty] = [ty, tx];
		}
	}
	return before + d;
}

/** Unsigned LEB128 varints, as the directories are written; safe to 2^53. */
class ByteSink {
	private bytes: number[] = [];
	varint(value: number) {
		let rest = value;
		while (rest >= 0x80) {
			this.bytes.push((rest % 0x80) | 0x80);
			rest = Math.floor(rest / 0x80);
		}
		this.bytes.push(rest);
	}
	done(): Uint8Array {
		return Uint8Array.from(this.bytes);
	}
}

interface DirectoryEntry {
	tileId: number;
	offset: number;
	length: number;
	/** Tiles in a row sharing these bytes; 0 points to a leaf directory. */
	runLength: number;
}

function encodeDirectory(entries: readonly DirectoryEntry[], gzip: ArchiveSettings['gzip']): Uint8Array {
	const sink = new ByteSink();
	sink.varint(entries.length);
	let lastId = 0;
	for (const entry of entries) {
		sink.varint(entry.tileId - lastId);
		lastId = entry.tileId;
	}
	for (const entry of entries) sink.varint(entry.runLength);
	for (const entry of entries) sink.varint(entry.length);
	entries.forEach((entry, i) => {
		const previous = entries[i - 1];
		// 0 says "right after the previous entry's bytes"; otherwise the offset plus one.
		sink.varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
	});
	return gzip(sink.done());
}

/** The root directory, and the leaves when every entry would not fit in the first read. */
function directories(
	entries: readonly DirectoryEntry[],
	gzip: ArchiveSettings['gzip'],
	room: number
): { root: Uint8Array; leaves: Uint8Array } {
	const root = encodeDirectory(entries, gzip);
	if (root.length <= room) return { root, leaves: new Uint8Array(0) };
	for (let perLeaf = 4096; ; perLeaf *= 2) {
		const leafParts: Uint8Array[] = [];
		const rootEntries: DirectoryEntry[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += perLeaf) {
			const leaf = encodeDirectory(entries.slice(i, i + perLeaf), gzip);
			rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
			leafParts.push(leaf);
			offset += leaf.length;
		}
		const rootBytes = encodeDirectory(rootEntries, gzip);
		if (rootBytes.length <= room) return { root: rootBytes, leaves: concat(leafParts) };
	}
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/**
 * Everything of the archive before its tile data: the tiles' bytes (`tileDataLength` of them, at
 * the offsets the entries give) follow it unchanged. Entries may come in any order.
 */
export function archiveHead(
	tiles: readonly TileEntry[],
	tileDataLength: number,
	settings: ArchiveSettings
): Uint8Array {
	const entries = [...tiles].sort((a, b) => a.tileId - b.tileId);
	for (let i = 1; i < entries.length; i++)
		if (entries[i]!.tileId === entries[i - 1]!.tileId) throw new Error(`tile ${entries[i]!.tileId} is written twice`);
	const dirEntries = entries.map((e) => ({ ...e, runLength: 1 }));
	const { root, leaves } = directories(dirEntries, settings.gzip, FIRST_READ - HEADER_BYTES);
	const metadata = settings.gzip(new TextEncoder().encode(JSON.stringify(settings.metadata)));
	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + root.length;
	const leavesOffset = metadataOffset + metadata.length;
	const tilesOffset = leavesOffset + leaves.length;
	let clustered = true;
	for (let i = 1; i < entries.length; i++)
		if (entries[i]!.offset !== entries[i - 1]!.offset + entries[i - 1]!.length) clustered = false;

	const header = new DataView(new ArrayBuffer(HEADER_BYTES));
	new TextEncoder().encodeInto('PMTiles', new Uint8Array(header.buffer, 0, 7));
	header.setUint8(7, 3);
	const u64 = (at: number, value: number) => header.setBigUint64(at, BigInt(value), true);
	u64(8, rootOffset);
	u64(16, root.length);
	u64(24, metadataOffset);
	u64(32, metadata.length);
	u64(40, leavesOffset);
	u64(48, leaves.length);
	u64(56, tilesOffset);
	u64(64, tileDataLength);
	u64(72, entries.length);
	u64(80, entries.length);
	u64(88, entries.length);
	header.setUint8(96, clustered ? 1 : 0);
	header.setUint8(97, COMPRESSION_GZIP);
	header.setUint8(98, settings.tilesGzipped ? COMPRESSION_GZIP : COMPRESSION_NONE);
	header.setUint8(99, TILE_TYPE_MVT);
	header.setUint8(100, settings.minZoom);
	header.setUint8(101, settings.maxZoom);
	const e7 = (degrees: number) => Math.round(degrees * 1e7);
	const [west, south, east, north] = settings.bounds;
	header.setInt32(102, e7(west), true);
	header.setInt32(106, e7(south), true);
	header.setInt32(110, e7(east), true);
	header.setInt32(114, e7(north), true);
	header.setUint8(118, settings.center[2]);
	header.setInt32(119, e7(settings.center[0]), true);
	header.setInt32(123, e7(settings.center[1]), true);
	return concat([new Uint8Array(header.buffer), root, metadata, leaves]);
}
