/** A large published dataset: the map opens from its index, and a panel fetches only its own texts. */
import { expect, test } from '@playwright/test';
import { acledCsv, acledRow } from '../src/lib/data/import/fixtures';
import { importCsv } from '../src/lib/data/import/run';
import { listingOf, publishedFiles, type DatasetIndex } from '../src/lib/data/published';
import { waitForMapIdle } from './support/map';

// The files are served by the test itself: no service worker may answer in its place.
test.use({ serviceWorkers: 'block' });

test('a split dataset opens from its index, and a place’s panel fetches only its details', async ({ page }) => {
	const rows = Array.from({ length: 3000 }, (_, i) =>
		acledRow({
			event_id_cnty: `BIG${i}`,
			location: `Site ${i % 20}`,
			admin1: `Region ${i % 6}`,
			latitude: String(52 + (i % 20) / 8),
			longitude: String(24 + (i % 20) / 3),
			event_date: `${9 + (i % 8)} August 2020`,
			notes: `On ${9 + (i % 8)} August 2020, gathering number ${i} took place at site ${i % 20}.`
		})
	);
	const { dataset } = await importCsv(acledCsv(rows), { format: 'acled', slug: 'big', title: 'Big synthetic' });
	const files = new Map(publishedFiles(dataset).map((f) => [`/data/${f.path}`, f.text]));
	expect(files.size).toBeGreaterThan(2);
	const served = new Set<string>();
	await page.route('**/data/**', async (route) => {
		const url = new URL(route.request().url());
		if (url.pathname === '/data/index.json') {
			const index: DatasetIndex = { default: 'big', datasets: [listingOf(dataset)] };
			return route.fulfill({ json: index });
		}
		const text = files.get(url.pathname);
		if (text === undefined) return route.fulfill({ status: 404 });
		served.add(url.pathname);
		return route.fulfill({ body: text, contentType: 'application/json' });
	});

	await page.goto('/');
	await waitForMapIdle(page);
	expect([...served]).toEqual(['/data/big.json']);
	await page.locator('#place-search').fill('Site 7');
	await page.keyboard.press('Enter');
	const panel = page.getByRole('complementary', { name: 'Site 7' });
	const first = panel.getByRole('article').first();
	await expect(first.getByRole('heading')).toHaveText(/./);
	await expect(panel.getByRole('article').first()).toContainText(/gathering number \d+ took place at site 7\./);
	const details = [...served].filter((p) => p.includes('.details/'));
	expect(details.length).toBeGreaterThan(0);
	expect(details.length).toBeLessThanOrEqual(2);
	// 150 events here: a page of them, and more on request.
	await expect(panel.getByRole('article')).toHaveCount(50);
	await panel.getByRole('button', { name: 'Show 50 more (100 not shown yet)' }).click();
	await expect(panel.getByRole('article')).toHaveCount(100);

	// An export gathers every event's details.
	await page.getByText('Export', { exact: true }).click();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'GeoJSON', exact: true }).click();
	const geojson = JSON.parse(
		await (await downloading).createReadStream().then(async (stream) => {
			let text = '';
			for await (const chunk of stream) text += chunk;
			return text;
		})
	) as { features: { properties: { title: string } }[] };
	expect(geojson.features).toHaveLength(3000);
	expect(geojson.features.every((f) => f.properties.title.length > 0)).toBe(true);
});
