/**
 * What the map really draws, read from its pixels: marker radii against the scale, the legend
 * against the map, the unknown-size mark, Cyrillic glyphs, labels clear of other markers, and
 * snapshots of four key views.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { isProtestGathering, peakTurnout } from '../src/lib/data/aggregate';
import type { PublishedDataset } from '../src/lib/data/published';
import { buildScales, markerRadius } from '../src/lib/scales/scales';
import { waitForMapIdle } from './support/map';
import { canvasPixels, changedPixels, drawnRadius, pixel, setLayersVisible } from './support/pixels';

const dataset = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedDataset;
const scales = buildScales(dataset.events);
const place = (id: string) => dataset.places.find((p) => p.id === id)!;

/** The figure a place shows on one day: the largest single-day turnout of its gatherings. */
function expectedRadius(placeId: string, day: string): number {
	const gatherings = dataset.events.filter((e) => e.place === placeId && isProtestGathering(e));
	const peak = peakTurnout(gatherings, { from: day, to: day })!;
	return markerRadius(scales, peak.high);
}

const MARKER_CIRCLES = [
	'PlaceHalos',
	'PlaceRings',
	'PlaceDiscs',
	'PlaceUnknown',
	'PlaceSelection',
	'PlaceClusters',
	'PlaceClusterDiscs',
	'CityRings',
	'CityDiscs',
	'CityUnknown',
	'ProGovernmentRings',
	'ProGovernmentDiscs'
];
/** A ring's stroke (1.25 px) lies outside its radius. */
const RING_STROKE = 1.25;

async function openAt(page: Page, placeId: string, day: string, zoom = 11) {
	const [lon, lat] = place(placeId).geometry.coordinates;
	await page.goto(`/?from=${day}&to=${day}#map=${zoom}/${lat}/${lon}`);
	// A new hash on the same page reaches the map through the view state, a frame or two later.
	await page.waitForFunction(
		([lon, lat]) => {
			const centre = window.protestAtlas?.map?.getCenter();
			return centre !== undefined && Math.abs(centre.lng - lon) < 1e-3 && Math.abs(centre.lat - lat) < 1e-3;
		},
		[lon, lat] as [number, number]
	);
	await waitForMapIdle(page);
	await page.waitForTimeout(400); // symbol fade-in
}

async function centreOf(page: Page, placeId: string): Promise<[number, number]> {
	const point = await page.evaluate((ll) => window.protestAtlas!.map.project(ll), place(placeId).geometry.coordinates);
	return [point.x, point.y];
}

test.describe('marker sizes, read from the pixels', () => {
	for (const [placeId, day] of [
		['grodno', '2020-08-16'],
		['brest', '2020-08-15'],
		['gomel', '2020-08-16']
	] as const) {
		test(`the ${placeId} marker on ${day} is drawn at the scale's radius, within 1 px`, async ({ page }) => {
			await openAt(page, placeId, day);
			const centre = await centreOf(page, placeId);
			const shown = await canvasPixels(page);
			await setLayersVisible(page, MARKER_CIRCLES, false);
			const hidden = await canvasPixels(page);
			const expected = expectedRadius(placeId, day) + RING_STROKE;
			expect(Math.abs(drawnRadius(shown, hidden, centre, expected + 12) - expected)).toBeLessThanOrEqual(1);
		});
	}

	test('the legend’s circle for 10,000 is the map’s circle for 10,000', async ({ page }) => {
		await openAt(page, 'brest', '2020-08-15');
		const legendCircle = page.locator('circle.tick[data-people="10000"]');
		const box = (await legendCircle.boundingBox())!;
		const stroke = await legendCircle.evaluate((c) => parseFloat(getComputedStyle(c).strokeWidth));
		const legendRadius = (box.width - stroke) / 2;
		const centre = await centreOf(page, 'brest');
		const shown = await canvasPixels(page);
		await setLayersVisible(page, MARKER_CIRCLES, false);
		const mapRadius = drawnRadius(shown, await canvasPixels(page), centre, 40) - RING_STROKE;
		expect(Math.abs(legendRadius - mapRadius)).toBeLessThanOrEqual(1);
	});

	test('the unknown-size mark is hollow, unlike every sized marker, and no larger than the smallest', async ({
		page
	}) => {
		await openAt(page, 'lida', '2020-08-15');
		const [cx, cy] = await centreOf(page, 'lida');
		const shown = await canvasPixels(page);
		await setLayersVisible(page, MARKER_CIRCLES, false);
		const hidden = await canvasPixels(page);
		const [r, g, b] = pixel(shown, cx, cy);
		expect(Math.min(r, g, b)).toBeGreaterThan(215); // a white centre
		expect(drawnRadius(shown, hidden, [cx, cy], 12)).toBeLessThanOrEqual(markerRadius(scales, 1) + RING_STROKE + 1);
		// A sized marker's centre is filled with its colour (same search, new hash: the page is not reloaded).
		await setLayersVisible(page, MARKER_CIRCLES, true);
		await openAt(page, 'brest', '2020-08-15');
		const [bx, by] = await centreOf(page, 'brest');
		const [sr, sg, sb] = pixel(await canvasPixels(page), bx, by);
		expect(Math.min(sr, sg, sb)).toBeLessThan(200);
	});
});

test.describe('labels', () => {
	test('a Cyrillic label really draws glyphs: its pixels change with its text', async ({ page }) => {
		await page.goto('/?lang=be');
		await waitForMapIdle(page);
		await page.waitForTimeout(400);
		const [cx, cy] = await centreOf(page, 'minsk');
		const box = { x: Math.round(cx) - 160, y: Math.round(cy) - 60, width: 320, height: 120 };
		const belarusian = await canvasPixels(page);
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const map = window.protestAtlas!.map;
					map.setLayoutProperty('CityLabels', 'text-field', [
						'case',
						['==', ['get', 'id'], 'minsk'],
						'Жыве',
						['get', 'name_be']
					]);
					map.once('idle', () => resolve());
				})
		);
		await page.waitForTimeout(400);
		const changed = await canvasPixels(page);
		expect(changedPixels(belarusian, changed, box)).toBeGreaterThan(40);
		await setLayersVisible(page, ['CityLabels'], false);
		await page.waitForTimeout(400);
		expect(changedPixels(changed, await canvasPixels(page), box)).toBeGreaterThan(40);
	});

	test('at the default view no label is drawn over a marker that is not its own', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await page.waitForTimeout(400);
		const labels = ['CityLabels', 'PlaceLabels'];
		const withLabels = await canvasPixels(page);
		await setLayersVisible(page, labels, false);
		await page.waitForTimeout(400);
		const withoutLabels = await canvasPixels(page);
		const markers = await page.evaluate(() =>
			window.protestAtlas!.map.queryRenderedFeatures({ layers: ['CityRings', 'CityUnknown'] }).map((f) => ({
				id: String(f.properties.id),
				point: window.protestAtlas!.map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]),
				high: Number(f.properties.high ?? 0)
			}))
		);
		const overlaps: string[] = [];
		for (const marker of markers) {
			const r = Math.max(markerRadius(scales, marker.high) - 1, 0);
			const box = {
				x: Math.floor(marker.point.x - r),
				y: Math.floor(marker.point.y - r),
				width: 2 * r + 1,
				height: 2 * r + 1
			};
			let inside = 0;
			for (let y = box.y; y < box.y + box.height; y++)
				for (let x = box.x; x < box.x + box.width; x++)
					if (
						(x - marker.point.x) ** 2 + (y - marker.point.y) ** 2 <= r * r &&
						changedPixels(withLabels, withoutLabels, { x, y, width: 1, height: 1 })
					)
						inside++;
			if (inside > 3) overlaps.push(`${marker.id}: ${inside} label pixels`);
		}
		expect(markers.length).toBeGreaterThan(10);
		expect(overlaps).toEqual([]);
	});
});

/** A marker's box on the page: its id, centre and outer radius, as MapLibre reports it drawn. */
interface MarkerBox {
	id: string;
	layer: string;
	x: number;
	y: number;
	r: number;
}

async function drawnMarkers(page: Page): Promise<MarkerBox[]> {
	const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
	const features = await page.evaluate((layers) => {
		const map = window.protestAtlas!.map;
		const present = layers.filter((id) => map.getLayer(id));
		return map.queryRenderedFeatures({ layers: present }).map((f) => {
			const point = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
			const radius = map.getPaintProperty(f.layer.id, 'circle-radius');
			return {
				id: String(f.properties.id ?? f.properties.cluster_id ?? ''),
				layer: f.layer.id,
				x: point.x,
				y: point.y,
				high: Number(f.properties.high ?? f.properties.low ?? 0),
				fixed: typeof radius === 'number' ? radius : undefined
			};
		});
	}, MARKER_CIRCLES);
	return features
		.map((f) => ({
			id: f.id,
			layer: f.layer,
			x: Math.round(f.x + canvas.x),
			y: Math.round(f.y + canvas.y),
			r: Math.ceil((f.fixed ?? markerRadius(scales, f.high)) + RING_STROKE + 2)
		}))
		.sort((a, b) => `${a.layer}:${a.id}`.localeCompare(`${b.layer}:${b.id}`));
}

test.describe('snapshots of four key views, compared with a tolerance, and each marker tightly', () => {
	const views = [
		['country', '/', { width: 1280, height: 800 }],
		['minsk', '/?from=2020-08-16&to=2020-08-16#map=12/53.905/27.55', { width: 1280, height: 800 }],
		['place-panel', '/?place=pushkinskaya#map=14/53.9097/27.497', { width: 1280, height: 800 }],
		['phone', '/', { width: 390, height: 844 }]
	] as const;
	for (const [name, url, viewport] of views)
		test(`${name}`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(url);
			await waitForMapIdle(page);
			await page.waitForTimeout(600);
			const shot = { animations: 'disabled', caret: 'hide' } as const;
			await expect(page).toHaveScreenshot(`${name}.png`, { maxDiffPixelRatio: 0.02, ...shot });

			// The whole-page tolerance would let a small marker go missing, move or change size: each
			// marker's own box is compared with the reference almost exactly. The boxes are written
			// beside the reference when it is renewed, and the markers drawn now must be the same.
			const markers = await drawnMarkers(page);
			const boxesFile = test.info().snapshotPath(`${name}.markers.json`);
			if (test.info().config.updateSnapshots === 'all' || !existsSync(boxesFile)) {
				writeFileSync(boxesFile, `${JSON.stringify(markers, null, '\t')}\n`);
				return;
			}
			const expected = JSON.parse(readFileSync(boxesFile, 'utf8')) as MarkerBox[];
			expect(markers.map((m) => `${m.layer}:${m.id}`)).toEqual(expected.map((m) => `${m.layer}:${m.id}`));
			const reference = PNG.sync.read(readFileSync(test.info().snapshotPath(`${name}.png`)));
			const current = PNG.sync.read(await page.screenshot(shot));
			const differing = expected.flatMap((m) => {
				const box = { x: m.x - m.r, y: m.y - m.r, width: 2 * m.r + 1, height: 2 * m.r + 1 };
				const changed = changedPixels(reference, current, box);
				return changed > Math.max(3, 0.01 * box.width * box.height) ? [`${m.layer}:${m.id}: ${changed} px`] : [];
			});
			expect(differing).toEqual([]);
		});
});
