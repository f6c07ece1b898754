import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOB_SCHEME, mapData } from './blob-address';

type Load = (params: { url: string }) => Promise<{ data: unknown }>;

describe('markers handed to MapLibre as blobs', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.resetModules();
	});

	it('names a blob through the scheme that the script in MapLibre’s workers reads', async () => {
		const registered = new Map<string, Load>();
		vi.stubGlobal('addProtocol', (scheme: string, load: Load) => registered.set(scheme, load));
		const script = await import('../../../static/map-protocol.mjs');
		expect(script.SCHEME).toBe(BLOB_SCHEME);
		const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'minsk' } }] };
		const blob = URL.createObjectURL(new Blob([JSON.stringify(collection)], { type: 'application/json' }));
		const address = mapData(blob);
		expect(address).toMatch(new RegExp(`^${BLOB_SCHEME}://`));
		// What MapLibre's worker does with it: the registered loader, for the scheme before "://".
		const load = registered.get(String(address).slice(0, String(address).indexOf('://')))!;
		expect((await load({ url: String(address) })).data).toEqual(collection);
		URL.revokeObjectURL(blob);
	});

	it('leaves collections and other addresses as they are', () => {
		const collection = { type: 'FeatureCollection', features: [] };
		expect(mapData(collection)).toBe(collection);
		expect(mapData('/data/points.geojson')).toBe('/data/points.geojson');
	});
});
