/**
 * The device keeps only what the reader asks it to keep: read back from the browser itself (Cache
 * Storage, and the real session and local storage through the DevTools protocol).
 */
import { expect, test, type Page } from '@playwright/test';
import { acledCsv, acledRow } from '../src/lib/data/import/fixtures';
import { importCsv } from '../src/lib/data/import/run';
import { listingOf, publishedFiles, type DatasetIndex } from '../src/lib/data/published';
import { TEST_BUILD_DIR } from './support/build-dir';
import { waitForMapIdle } from './support/map';
import { serveFolder, type StaticHost } from '../scripts/static-host';

/** The paths every cache holds, by cache. */
function cacheContents(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(async () => {
		const contents: Record<string, string[]> = {};
		for (const key of await caches.keys())
			contents[key] = (await (await caches.open(key)).keys()).map((request) => new URL(request.url).pathname);
		return contents;
	});
}

/** What the app keeps of the published data at install: the list, the default dataset and the stories' text. */
const KEPT_WITH_APP = [
	'/data/belarus-2020-08.json',
	'/data/belarus-2020-08.overview.json',
	'/data/index.json',
	'/data/stories/belarus-week.json',
	'/data/stories/index.json'
];

const dataPaths = (contents: Record<string, string[]>) =>
	Object.values(contents)
		.flat()
		.filter((p) => p.startsWith('/data/'))
		.sort();

/** What the browser really stores for the page's origin, whatever the page's own script says. */
async function deviceStorage(page: Page) {
	const session = await page.context().newCDPSession(page);
	await session.send('DOMStorage.enable');
	const securityOrigin = new URL(page.url()).origin;
	const items = async (isLocalStorage: boolean) =>
		(await session.send('DOMStorage.getDOMStorageItems', { storageId: { securityOrigin, isLocalStorage } })).entries;
	const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
	return {
		cookies: await page.context().cookies(),
		session: await items(false),
		local: await items(true),
		databases
	};
}

test.describe('what the device keeps', () => {
	test('no cookie, storage or database after reading, reloads and navigations', async ({ page }) => {
		await page.goto('/?place=pushkinskaya');
		await waitForMapIdle(page);
		await page.getByRole('button', { name: 'Play the week' }).click();
		await page.getByRole('button', { name: 'Pause' }).click();
		await page.reload();
		await waitForMapIdle(page);
		await page.getByRole('link', { name: 'Privacy' }).click();
		await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
		// Back to the map by a new load: going back by the router sometimes leaves a blank page (a known
		// fault of its own, apart from what the device keeps).
		await page.goto('/');
		await waitForMapIdle(page);
		// Leaving the page is when SvelteKit's router would write its scroll positions and snapshots.
		await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
		await page.reload();
		await waitForMapIdle(page);
		expect(await deviceStorage(page)).toEqual({ cookies: [], session: [], local: [], databases: [] });
	});

	test.describe('with a second, large dataset published', () => {
		let host: StaticHost;
		let bigFiles: string[];

		test.beforeAll(async () => {
			const rows = Array.from({ length: 2400 }, (_, i) =>
				acledRow({
					event_id_cnty: `KEEP${i}`,
					location: `Site ${i % 12}`,
					latitude: String(52 + (i % 12) / 6),
					longitude: String(24 + (i % 12) / 2),
					event_date: `${9 + (i % 7)} August 2020`,
					notes: `Gathering ${i} at site ${i % 12}.`
				})
			);
			const { dataset } = await importCsv(acledCsv(rows), { format: 'acled', slug: 'kept', title: 'Kept' });
			host = await serveFolder(TEST_BUILD_DIR);
			const files = publishedFiles(dataset);
			for (const file of files) host.add(`/data/${file.path}`, file.text);
			bigFiles = files.map((file) => `/data/${file.path}`).sort();
			host.rewrite('/data/index.json', (text) => {
				const index = JSON.parse(text) as DatasetIndex;
				return JSON.stringify({ ...index, datasets: [...index.datasets, listingOf(dataset)] });
			});
		});
		test.afterAll(() => host.close());

		test('another dataset is kept only when the reader asks, and Forget this site deletes everything', async ({
			page,
			context
		}) => {
			test.setTimeout(180_000);
			await page.goto(`${host.url}/`);
			await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
			await waitForMapIdle(page);
			const appOnly = await cacheContents(page);
			expect(Object.keys(appOnly)).toHaveLength(1);
			expect(dataPaths(appOnly)).toEqual(KEPT_WITH_APP);
			expect(Object.values(appOnly)[0]).toEqual(expect.arrayContaining(['/', '/embed/', '/privacy/']));
			// The default dataset is always kept: no button for it.
			await expect(page.getByRole('button', { name: 'Keep for offline reading' })).toHaveCount(0);

			// Opened and read: still nothing of it on the device.
			await page.goto(`${host.url}/?data=kept`);
			await waitForMapIdle(page);
			await page.locator('#place-search').fill('Site 7');
			await page.keyboard.press('Enter');
			await expect(page.getByRole('complementary', { name: 'Site 7' }).getByRole('article').first()).toContainText(
				'at site 7.'
			);
			expect(dataPaths(await cacheContents(page))).toEqual(KEPT_WITH_APP);

			// Kept: the index and every details file.
			await page.getByRole('button', { name: 'Keep for offline reading' }).click();
			await expect(page.getByText('Kept for offline reading')).toBeVisible();
			expect(dataPaths(await cacheContents(page))).toEqual([...KEPT_WITH_APP, ...bigFiles].sort());
			await context.setOffline(true);
			await page.reload();
			await waitForMapIdle(page);
			await page.locator('#place-search').fill('Site 3');
			await page.keyboard.press('Enter');
			await expect(page.getByRole('complementary', { name: 'Site 3' }).getByRole('article').first()).toContainText(
				'at site 3.'
			);
			await context.setOffline(false);

			// Removed: gone again.
			await page.getByRole('button', { name: 'Remove the offline copy' }).click();
			await expect(page.getByRole('button', { name: 'Keep for offline reading' })).toBeVisible();
			expect(dataPaths(await cacheContents(page))).toEqual(KEPT_WITH_APP);

			// Forget this site: no cache and no service worker.
			await page.getByRole('button', { name: 'Keep for offline reading' }).click();
			await expect(page.getByText('Kept for offline reading')).toBeVisible();
			await page.goto(`${host.url}/privacy/`);
			const english = page.locator('section[lang="en"]');
			await english.getByRole('button', { name: 'Forget this site' }).click();
			await expect(english.getByRole('status')).toHaveText(/keeps nothing of this site/);
			expect(await cacheContents(page)).toEqual({});
			expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		});
	});
});
