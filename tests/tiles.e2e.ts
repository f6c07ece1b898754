/**
 * A dataset too large for the browser, published by `npm run tiles`: it opens from its archive by
 * range requests, filters and plays from the tiles' per-day figures, reads a place's events from
 * its Parquet by range, and leaves nothing of it on the device.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveFolder, type StaticHost } from '../scripts/static-host';
import { TEST_BUILD_DIR } from './support/build-dir';
import { waitForMapIdle } from './support/map';
import { addTiledSample, SAMPLE_SLUG } from './tiles/sample';

const MARKERS = ['TileUnknown', 'TileRing', 'TileDisc', 'TileProGovernment'];
let host: StaticHost;
let published: string;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	// Published beside the build, as a newsroom would publish it: the build's own list plus the tiles.
	published = mkdtempSync(path.join(tmpdir(), 'tiled-site-'));
	mkdirSync(path.join(published, 'data'));
	cpSync(path.join(TEST_BUILD_DIR, 'data', 'index.json'), path.join(published, 'data', 'index.json'));
	await addTiledSample(published, 20_000);
	host = await serveFolder(TEST_BUILD_DIR, published);
});
test.afterAll(async () => {
	await host?.close();
	rmSync(published, { recursive: true, force: true });
});

/** The first place or cell in the list beside the map: the map is not the only way in. */
const firstListed = (page: Page) =>
	page
		.getByRole('region', { name: /Places in view/ })
		.getByRole('button')
		.first();

/** Markers drawn now, by layer. */
const drawn = (page: Page) =>
	page.evaluate(
		(layers) =>
			window
				.protestAtlas!.map.queryRenderedFeatures({ layers })
				.map((f) => f.properties as Record<string, number | string>),
		MARKERS
	);

test('opens from its archive by range requests, and the map draws its cells', async ({ page }) => {
	const ranges: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes(`/data/${SAMPLE_SLUG}.`))
			ranges.push(`${r.url().split('/').pop()} ${r.headers().range ?? 'whole'}`);
	});
	await page.goto(`${host.url}/?data=${SAMPLE_SLUG}`);
	await waitForMapIdle(page);
	const markers = await drawn(page);
	expect(markers.length).toBeGreaterThan(5);
	// The archive is only ever read in ranges; the details not at all until a panel asks.
	expect(ranges.filter((r) => r.startsWith(`${SAMPLE_SLUG}.pmtiles`)).every((r) => /bytes=\d+-\d+$/.test(r))).toBe(
		true
	);
	expect(ranges.some((r) => r.startsWith(`${SAMPLE_SLUG}.events.parquet`))).toBe(false);
	await expect(page.getByText('20,000 events at 1,000 places, drawn from tiles.')).toBeVisible();
	// The map is not the only way in: the places drawn are listed as buttons.
	await expect(firstListed(page)).toBeVisible();
});

test('filters by type and plays day by day from the tiles’ own figures', async ({ page }) => {
	await page.goto(`${host.url}/?data=${SAMPLE_SLUG}`);
	await waitForMapIdle(page);
	const all = (await drawn(page)).length;
	// Only "Other" events: cells with none of them go.
	for (const name of ['Rally or march', 'Detentions or violence by authorities'])
		await page.getByRole('button', { name, exact: false }).first().click();
	await page.waitForURL(/types=/);
	await waitForMapIdle(page);
	const others = await drawn(page);
	expect(others.length).toBeGreaterThan(0);
	expect(others.length).toBeLessThan(all);
	await expect(page.getByText(/All dates: 2,161 events/)).toBeVisible();

	// One day: the key counts that day's events, and fewer cells are drawn.
	await page.getByRole('button', { name: /Play day by day/ }).click();
	await page.waitForURL(/from=2020-08-09&to=2020-08-09/);
	await page.getByRole('button', { name: 'Pause' }).click();
	await waitForMapIdle(page);
	const firstDay = await drawn(page);
	expect(firstDay.length).toBeGreaterThan(0);
	expect(firstDay.length).toBeLessThanOrEqual(others.length);
});

test('a place’s panel reads its events from the Parquet by range, and nothing is stored', async ({ page }) => {
	const ranges: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes(`${SAMPLE_SLUG}.events.parquet`)) ranges.push(r.headers().range ?? 'whole');
	});
	await page.goto(`${host.url}/?data=${SAMPLE_SLUG}#map=10.5/53.9/27.56`);
	await waitForMapIdle(page);
	const list = page.getByRole('region', { name: /Places in view/ });
	const place = list.getByRole('button').first();
	const name = (await place.textContent())!.trim();
	await place.focus();
	await page.keyboard.press('Enter');
	await page.waitForURL(/place=row-\d+-\d+/);
	const panel = page.getByRole('complementary', { name });
	await expect(panel.getByRole('heading', { name: /What happened here \(\d+\)/ })).toBeVisible();
	await expect(panel.getByRole('article').first()).toBeVisible();
	expect(ranges.length).toBeGreaterThan(0);
	expect(ranges.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
	// The service worker keeps no piece of the archive or of the details.
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
	await page.reload();
	await waitForMapIdle(page);
	const stored = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const key of await caches.keys())
			for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
		return urls.filter((url) => url.includes('/data/'));
	});
	expect(stored.some((url) => /\.pmtiles|\.events\.parquet|\.tiles\.json/.test(url))).toBe(false);
});

test('on a phone the map, the timeline and the key stack, and the places stay reachable', async ({ browser }) => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await page.goto(`${host.url}/?data=${SAMPLE_SLUG}`);
	await waitForMapIdle(page);
	expect((await drawn(page)).length).toBeGreaterThan(0);
	await expect(page.getByRole('slider', { name: 'Last date' })).toBeVisible();
	await firstListed(page).scrollIntoViewIfNeeded();
	await expect(firstListed(page)).toBeVisible();
	await page.close();
});

test('the embed route plays it too, stays on the embed, and links to the full atlas', async ({ page }) => {
	await page.goto(`${host.url}/embed/?data=${SAMPLE_SLUG}`);
	await waitForMapIdle(page);
	expect((await drawn(page)).length).toBeGreaterThan(0);
	await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Open in Protest Atlas' })).toHaveAttribute(
		'href',
		`/?data=${SAMPLE_SLUG}`
	);
	await page.getByRole('button', { name: 'Rally or march', exact: false }).first().click();
	await page.waitForURL(/\/embed\/\?data=tiled-sample&types=/);
});
