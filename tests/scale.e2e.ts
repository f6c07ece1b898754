/** Many places: long lists render only the rows in view, and still reach every place. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MarkerProperties } from '../src/lib/data/view/markers';
import { writeSyntheticAcled } from './bench/scale/synthetic';
import { clickMapAt, hoverMapAt, waitForMapIdle } from './support/map';

/** Imports a seeded synthetic ACLED export of `count` events as a reader would, and shows it. */
async function importSynthetic(page: Page, count: number): Promise<void> {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-')), 'synthetic-acled.csv');
	await writeSyntheticAcled(file, count);
	await page.goto('/');
	await waitForMapIdle(page);
	await page.locator('input[type=file]').setInputFiles(file);
	const dialog = page.getByRole('dialog', { name: /^Importing/ });
	await expect(dialog).toContainText(`${count.toLocaleString('en-GB')} events imported · 0 rows rejected`, {
		timeout: 60_000
	});
	await dialog.getByRole('button', { name: 'Show on the map' }).click();
}

test('a list of thousands of places renders only what is in view, and reaches the last place', async ({ page }) => {
	await importSynthetic(page, 40_000);

	// A year of events is played day by day, not as a week.
	await expect(page.getByRole('button', { name: 'Play day by day' })).toBeVisible();
	const cities = page.locator('ul.cities');
	await expect(page.getByRole('heading', { name: 'Cities (2,000)' })).toBeVisible();
	expect(await cities.locator('li').count()).toBeLessThan(80);
	await expect(cities.locator('li').first()).toHaveAttribute('aria-setsize', '2000');
	// The key's counts are written as the reader's language writes numbers.
	const typeCounts = await page.locator('.types .count').allTextContents();
	expect(typeCounts.some((text) => /^\d{1,2},\d{3}$/.test(text.trim()))).toBe(true);

	await page.getByRole('button', { name: 'Places', exact: true }).click();
	const places = page.locator('ul.places');
	expect(await places.locator('li').count()).toBeLessThan(80);
	// Scrolled to the end, the last row is there, and it opens its place.
	await places.evaluate((list) => {
		let scroller = list.parentElement;
		while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
		scroller!.scrollTop = scroller!.scrollHeight;
	});
	const last = places.locator('li').last();
	await expect(last).toHaveAttribute('aria-posinset', String(await last.getAttribute('aria-setsize')));
	const name = (await last.getByRole('button').textContent())!.trim();
	await last.getByRole('button').click();
	await expect(page.getByRole('complementary', { name })).toBeVisible();
	expect(await places.locator('li').count()).toBeLessThan(80);
});

test('the first load leaves out zod and the CSV library, which load on an import or an export', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) scripts.push(response.url());
	});
	await page.goto('/');
	await waitForMapIdle(page);
	const bodies = await Promise.all(scripts.map((url) => page.request.get(url).then((r) => r.text())));
	expect(bodies.length).toBeGreaterThan(3);
	// zod names its error class; papaparse keeps its delimiter constants.
	for (const [i, body] of bodies.entries()) {
		expect(body, scripts[i]).not.toContain('ZodError');
		expect(body, scripts[i]).not.toContain('BAD_DELIMITERS');
	}
});

test('far out, many cities are drawn as groups that say what they hold, and a click on one zooms in', async ({
	page
}) => {
	await importSynthetic(page, 8_000);
	await expect(page.getByRole('heading', { name: 'Cities (400)' })).toBeVisible();
	await waitForMapIdle(page);

	const drawnCities = () =>
		page.evaluate(() =>
			window
				.protestAtlas!.map.queryRenderedFeatures({ layers: ['CityHitAreas'] })
				.map((f) => ({ ...(f.properties as MarkerProperties), at: (f.geometry as GeoJSON.Point).coordinates }))
		);
	const far = await drawnCities();
	const groups = far.filter((f) => f.cluster && f.groupOf === 'cities');
	expect(groups.length).toBeGreaterThan(0);
	expect(far.length).toBeLessThan(100);
	// Each group writes its number of events on the map.
	const written = await page.evaluate(() =>
		window.protestAtlas!.map.queryRenderedFeatures({ layers: ['CityClusterCounts'] }).map((f) => f.properties.id)
	);
	expect(written.sort()).toEqual(groups.map((g) => g.id).sort());

	const largest = groups.sort((a, b) => Number(b.count) - Number(a.count))[0]!;
	const at = largest.at as [number, number];
	await hoverMapAt(page, at);
	await expect(page.locator('.marker-tooltip')).toContainText(
		`${Number(largest.count).toLocaleString('en-GB')} events in ${Number(largest.point_count).toLocaleString('en-GB')} cities`
	);
	await clickMapAt(page, at);
	await expect
		.poll(() => page.evaluate(() => window.protestAtlas!.map.getZoom()))
		.toBeCloseTo(Number(largest.expansionZoom), 1);
	await waitForMapIdle(page);
	// Nearer, the group has split: more markers stand where it stood.
	await expect.poll(async () => (await drawnCities()).length).toBeGreaterThan(1);
	expect((await drawnCities()).some((f) => f.id === largest.id)).toBe(false);
});
