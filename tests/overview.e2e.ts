/**
 * The first view does not wait for the whole dataset: the page draws the overview published beside
 * the index while the view's worker reads every event, and a step taken meanwhile waits, visibly.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { waitForMapIdle } from './support/map';

/** City markers drawn on the map now; 0 before the map is there. */
const cityDiscs = (page: Page) =>
	page.evaluate(() => {
		const map = window.protestAtlas?.map;
		return map?.getLayer('CityDiscs') ? map.queryRenderedFeatures({ layers: ['CityDiscs'] }).length : 0;
	});

test.use({ serviceWorkers: 'block' });

for (const [link, where] of [
	['/', 'written into the page, with no request before it'],
	['/?data=belarus-2020-08', 'fetched beside the index']
] as const)
	test(`the map, legend and timeline draw from the overview while the index is still on its way: ${where}`, async ({
		page,
		context
	}) => {
		// The worker's read of the whole index is held until the test lets it go; for the default
		// dataset's plain link, so are the list of datasets and the overview's file.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let indexAsked = false;
		let overviewAsked = false;
		const inPage = link === '/';
		await context.route(/\/data\/(belarus-2020-08(\.overview)?|index)\.json$/, async (route) => {
			const url = route.request().url();
			if (url.endsWith('/belarus-2020-08.json')) indexAsked = true;
			if (url.endsWith('.overview.json')) overviewAsked = true;
			if (url.endsWith('/belarus-2020-08.json') || inPage) await held;
			await route.continue();
		});
		await page.goto(link);
		await expect.poll(() => indexAsked, { timeout: 30_000 }).toBe(true);
		// Markers drawn from the overview: cities, with their largest-day figures, and no index read.
		await expect.poll(() => cityDiscs(page), { timeout: 60_000 }).toBeGreaterThan(0);
		await expect(page.getByRole('button', { name: /^Rally or march/ })).toBeVisible();
		const legend = await page.getByRole('button', { name: /^Rally or march/ }).textContent();
		expect(legend).toMatch(/\d/);
		// Every event of the week is drawn in the overview's city markers.
		const eventsDrawn = () =>
			page.evaluate(() =>
				window
					.protestAtlas!.map.getSource<import('maplibre-gl').GeoJSONSource>('event-cities')!
					.getData()
					.then((data) =>
						(data as GeoJSON.FeatureCollection).features.reduce((n, f) => n + Number(f.properties?.count ?? 0), 0)
					)
			);
		const whole = await eventsDrawn();
		expect(whole).toBeGreaterThan(0);
		await expect(page.getByText(/Reading all/)).toBeHidden();

		// A filter chosen now waits for the worker, and says so.
		await page.getByRole('button', { name: /^Rally or march/ }).click();
		await expect(page).toHaveURL(/types=/);
		await expect(page.getByText('Reading all 61 events to answer this…')).toBeVisible();
		release();
		await expect(page.getByText('Reading all 61 events to answer this…')).toBeHidden({ timeout: 30_000 });
		await waitForMapIdle(page);
		await expect(page.getByRole('button', { name: /^Rally or march/ })).toHaveAttribute('aria-pressed', 'false');
		// Once read, the view is the worker's answer to the step: fewer events, rallies aside.
		await expect.poll(eventsDrawn).toBeLessThan(whole);
		// The default dataset's plain link drew the overview the page holds; another link fetched it.
		expect(overviewAsked).toBe(!inPage);
	});

test('a link that opens filtered is not shown the whole dataset first', async ({ page, context }) => {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await context.route(/\/data\/belarus-2020-08\.json$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/?types=strike');
	await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
	await page.waitForTimeout(2000);
	expect(await cityDiscs(page)).toBe(0);
	await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
	release();
	await expect.poll(() => cityDiscs(page), { timeout: 60_000 }).toBeGreaterThan(0);
});
