import { describe, expect, it } from 'vitest';
import { chunkOf } from '../scripts/manifest-chunk.mjs';

const MAPLIBRE = 'maplibre-gl/dist/maplibre-gl.mjs';

describe('the MapLibre chunk to preload', () => {
	it('is found in npm’s flat layout', () => {
		const manifest = { [`node_modules/${MAPLIBRE}`]: { file: '_app/immutable/chunks/a.js' } };
		expect(chunkOf(manifest, MAPLIBRE)).toBe('_app/immutable/chunks/a.js');
	});

	it('is found in pnpm’s layout and through a linked folder', () => {
		const pnpm = { [`node_modules/.pnpm/maplibre-gl@6.17.0/node_modules/${MAPLIBRE}`]: { file: 'b.js' } };
		const linked = { [`../store/${MAPLIBRE}`]: { file: 'c.js' } };
		expect(chunkOf(pnpm, MAPLIBRE)).toBe('b.js');
		expect(chunkOf(linked, MAPLIBRE)).toBe('c.js');
	});

	it('is not taken from a module whose name only ends the same way', () => {
		const manifest = { [`node_modules/not-${MAPLIBRE}`]: { file: 'd.js' } };
		expect(chunkOf(manifest, MAPLIBRE)).toBeUndefined();
	});
});
