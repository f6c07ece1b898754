/** Phones, upright and sideways: a full-screen map, one bottom sheet, and the selected place in sight. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { PublishedDataset } from '../src/lib/data/published';
import { buildScales, markerRadius } from '../src/lib/scales/scales';
import {
	PUSHKINSKAYA,
	expectOnlyOwnOrigin,
	keepScreenshot,
	recordOrigins,
	seriousA11yViolations,
	waitForMapIdle
} from './support/map';
import { canvasPixels, changedPixels, setLayersVisible } from './support/pixels';

const sheet = (page: Page) => page.getByRole('region', { name: 'Timeline, key and lists' });

/** Where a coordinate is drawn on the page, in page pixels. */
async function onPage(page: Page, lngLat: [number, number]) {
	const point = await page.evaluate((ll) => window.protestAtlas!.map.project(ll), lngLat);
	const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
	return { x: canvas.x + point.x, y: canvas.y + point.y, canvas };
}

/** Where the city's places are drawn now, as the map reports them. */
function drawnPlaces(page: Page): Promise<[number, number][]> {
	return page.evaluate(() =>
		window
			.protestAtlas!.map.queryRenderedFeatures({
				layers: ['PlaceRings', 'PlaceDiscs', 'PlaceUnknown', 'PlaceClusters']
			})
			.map((f) => (f.geometry as GeoJSON.Point).coordinates as [number, number])
	);
}

async function tapAt(page: Page, lngLat: [number, number], offset = { x: 0, y: 0 }) {
	const { x, y } = await onPage(page, lngLat);
	await page.touchscreen.tap(x + offset.x, y + offset.y);
}

async function expectDocumentFitsViewport(page: Page) {
	const sizes = await page.evaluate(() => ({
		scroll: document.documentElement.scrollHeight,
		width: document.documentElement.scrollWidth,
		viewport: window.innerHeight,
		viewportWidth: window.innerWidth
	}));
	expect(sizes.scroll).toBeLessThanOrEqual(sizes.viewport);
	expect(sizes.width).toBeLessThanOrEqual(sizes.viewportWidth);
}

for (const [name, viewport] of [
	['upright', { width: 390, height: 844 }],
	['sideways', { width: 844, height: 390 }]
] as const) {
	test.describe(`on a phone held ${name}`, () => {
		// axe is injected as a script, which the page's own Content-Security-Policy would refuse.
		test.use({ viewport, hasTouch: true, isMobile: true, bypassCSP: true });

		test('a tapped place opens in the sheet and its marker stays drawn above it', async ({ page }) => {
			const origins = recordOrigins(page);
			await page.goto('/#map=15/53.9097/27.497');
			await waitForMapIdle(page);
			await expectDocumentFitsViewport(page);
			// A tap a little off the small marker still lands on it.
			await tapAt(page, PUSHKINSKAYA, { x: 14, y: 10 });
			const panel = page.getByRole('complementary', { name: 'Pushkinskaya metro station' });
			await expect(panel).toBeVisible();
			await expect(sheet(page)).toHaveAttribute('data-snap', 'half');
			await waitForMapIdle(page);
			const top = (await sheet(page).boundingBox())!.y;
			const marker = await onPage(page, PUSHKINSKAYA);
			expect(marker.y).toBeLessThan(top - 20);
			expect(marker.y).toBeGreaterThan(marker.canvas.y + 10);
			// The marker's pixels are really there, in the strip of map the sheet leaves visible.
			const strip = {
				x: Math.round(marker.x - marker.canvas.x) - 30,
				y: Math.round(marker.y - marker.canvas.y) - 30,
				width: 60,
				height: 60
			};
			const shown = await canvasPixels(page);
			await setLayersVisible(page, ['PlaceRings', 'PlaceDiscs', 'PlaceUnknown', 'PlaceSelection', 'PlaceHalos'], false);
			expect(changedPixels(shown, await canvasPixels(page), strip)).toBeGreaterThan(20);
			await expectDocumentFitsViewport(page);
			await keepScreenshot(page, `place-panel-phone-${name}`);
			await expectOnlyOwnOrigin(page, origins);
		});

		test('a city opened from the list has its markers in view above the sheet', async ({ page }) => {
			await page.goto('/');
			await waitForMapIdle(page);
			await page.getByRole('button', { name: 'Expand the panel' }).click();
			await expect(sheet(page)).toHaveAttribute('data-snap', 'half');
			await page.getByRole('button', { name: 'Minsk', exact: true }).click();
			const panel = page.getByRole('complementary', { name: 'Minsk' });
			await expect(panel).toBeVisible();
			await waitForMapIdle(page);
			const top = (await sheet(page).boundingBox())!.y;
			const drawn = await drawnPlaces(page);
			expect(drawn.length).toBeGreaterThan(2);
			for (const lngLat of drawn) expect((await onPage(page, lngLat)).y).toBeLessThan(top);
			await keepScreenshot(page, `city-panel-phone-${name}`);
		});

		test('a shared link to a place opens with the sheet raised and the place above it', async ({ page }) => {
			await page.goto('/?place=pushkinskaya');
			await expect(page.getByRole('complementary', { name: 'Pushkinskaya metro station' })).toBeVisible();
			await expect(sheet(page)).toHaveAttribute('data-snap', 'half');
			await waitForMapIdle(page);
			const top = (await sheet(page).boundingBox())!.y;
			const marker = await onPage(page, PUSHKINSKAYA);
			expect(marker.y).toBeLessThan(top - 20);
			expect(marker.y).toBeGreaterThan(marker.canvas.y);
		});

		test('the sheet drags between its heights, and its buttons move it too', async ({ page }) => {
			await page.goto('/');
			await waitForMapIdle(page);
			await expect(sheet(page)).toHaveAttribute('data-snap', 'peek');
			const handle = (await sheet(page).boundingBox())!;
			const height = viewport.height;
			// Drag the grip up to mid-screen, as a thumb would.
			await page.mouse.move(handle.x + 40, handle.y + 10);
			await page.mouse.down();
			await page.mouse.move(handle.x + 40, height * 0.52, { steps: 6 });
			await page.mouse.up();
			await expect(sheet(page)).toHaveAttribute('data-snap', 'half');
			await page.mouse.move(handle.x + 40, (await sheet(page).boundingBox())!.y + 10);
			await page.mouse.down();
			await page.mouse.move(handle.x + 40, 40, { steps: 6 });
			await page.mouse.up();
			await expect(sheet(page)).toHaveAttribute('data-snap', 'full');
			await page.getByRole('button', { name: 'Collapse the panel' }).click();
			await expect(sheet(page)).toHaveAttribute('data-snap', 'half');
			await page.getByRole('button', { name: 'Collapse the panel' }).click();
			await expect(sheet(page)).toHaveAttribute('data-snap', 'peek');
			await expect(page.getByRole('button', { name: 'Play the week' })).toBeInViewport();
			await expectDocumentFitsViewport(page);
		});

		test('controls are thumb-sized, and axe finds nothing serious', async ({ page }) => {
			await page.goto('/');
			await waitForMapIdle(page);
			for (const name of [
				'Search for a place',
				'Menu: language, data and sharing',
				'Expand the panel',
				'Play the week'
			]) {
				const box = (await page.getByRole('button', { name }).boundingBox())!;
				expect(Math.min(box.width, box.height), name).toBeGreaterThanOrEqual(44);
			}
			expect(await seriousA11yViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Menu: language, data and sharing' }).click();
			await expect(page.getByRole('dialog')).toContainText('Open a data file');
			expect(await seriousA11yViolations(page)).toEqual([]);
		});
	});
}

test.describe('on a phone held upright, the first view', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	const dataset = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedDataset;
	const scales = buildScales(dataset.events);

	/** Every city drawn at the country's zoom, with the circle of its largest day. */
	async function expectCitiesInSight(page: Page, cities: string[]) {
		await waitForMapIdle(page);
		const top = (await sheet(page).boundingBox())!.y;
		const drawn = await page.evaluate(() =>
			window.protestAtlas!.map.queryRenderedFeatures({ layers: ['CityRings', 'CityUnknown'] }).map((f) => ({
				id: String(f.properties.id),
				high: Number(f.properties.high ?? 0),
				at: (f.geometry as GeoJSON.Point).coordinates as [number, number]
			}))
		);
		expect(drawn.map((c) => c.id).sort()).toEqual(expect.arrayContaining(cities));
		const outside: string[] = [];
		for (const city of drawn) {
			const { x, y, canvas } = await onPage(page, city.at);
			const r = markerRadius(scales, city.high);
			if (x - r < canvas.x || x + r > canvas.x + canvas.width || y - r < canvas.y || y + r > top)
				outside.push(`${city.id} at ${Math.round(x)},${Math.round(y)} r ${Math.round(r)}`);
		}
		expect(outside).toEqual([]);
	}

	/** The dataset's cities and towns on the offline map: those abroad far away are not drawn there. */
	const citiesOnTheMap = dataset.places
		.filter((p) => p.properties.city === p.id && p.properties.kind !== 'country')
		.filter((p) => dataset.events.some((e) => dataset.places.find((q) => q.id === e.place)?.properties.city === p.id))
		.filter((p) => p.geometry.coordinates[0] > 19.5 && p.geometry.coordinates[0] < 36.5)
		.map((p) => p.id);

	test('fits every city of the dataset above the sheet, circles and all', async ({ page }) => {
		expect(citiesOnTheMap).toEqual(expect.arrayContaining(['grodno', 'brest', 'gomel', 'novopolotsk', 'vilnius']));
		await page.goto('/');
		await expectCitiesInSight(page, citiesOnTheMap);
	});

	test('a shared link to a city opens with its places above the sheet', async ({ page }) => {
		await page.goto('/?city=minsk');
		await expect(sheet(page)).toHaveAttribute('data-snap', 'half');
		await waitForMapIdle(page);
		const top = (await sheet(page).boundingBox())!.y;
		const drawn = await drawnPlaces(page);
		expect(drawn.length).toBeGreaterThan(2);
		for (const lngLat of drawn) {
			const { x, y, canvas } = await onPage(page, lngLat);
			expect(y).toBeLessThan(top);
			expect(x).toBeGreaterThan(canvas.x);
			expect(x).toBeLessThan(canvas.x + canvas.width);
		}
	});

	test('after a visit to a city, Show the whole dataset comes back to every city', async ({ page }) => {
		await page.goto('/?city=brest');
		await expect(sheet(page)).toHaveAttribute('data-snap', 'half');
		await waitForMapIdle(page);
		await page.getByRole('button', { name: 'Collapse the panel' }).click();
		await page.getByRole('button', { name: 'Show the whole dataset' }).click();
		await expectCitiesInSight(page, citiesOnTheMap);
	});
});

test.describe('on a desktop', () => {
	test('keeps the side panels with the map in the middle', async ({ page }) => {
		await page.goto('/?place=pushkinskaya');
		await expect(page.locator('.maplibregl-canvas')).toBeVisible();
		const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
		const panel = (await page.getByRole('complementary', { name: 'Pushkinskaya metro station' }).boundingBox())!;
		const lists = (await page.getByRole('navigation', { name: 'Browse places and cities' }).boundingBox())!;
		expect(lists.x + lists.width).toBeLessThanOrEqual(map.x + 1);
		expect(panel.x).toBeGreaterThanOrEqual(map.x + map.width - 1);
		await expect(page.getByRole('region', { name: 'Timeline, key and lists' })).toHaveCount(0);
	});
});
