/** For readers on watched or failing networks: offline after one visit, nothing kept about them, and headers for hosts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForMapIdle } from './support/map';
import { TEST_BUILD_DIR } from './support/build-dir';
import { serveFolder } from '../scripts/static-host';

test.describe('offline after one visit', () => {
	test('the map opens with the network off, and a place’s story can be read', async ({ page, context }) => {
		await page.goto('/');
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
		await waitForMapIdle(page);
		await context.setOffline(true);
		await page.reload();
		await waitForMapIdle(page);
		await page.getByRole('button', { name: 'Places', exact: true }).click();
		await page.getByRole('button', { name: 'Pushkinskaya metro station', exact: true }).click();
		const panel = page.getByRole('complementary', { name: 'Pushkinskaya metro station' });
		await expect(panel.getByRole('article', { name: 'Thousands at the Pushkinskaya memorial at noon' })).toBeVisible();
		expect(await page.evaluate(() => window.protestAtlas!.map.queryRenderedFeatures().length)).toBeGreaterThan(0);
		await context.setOffline(false);
	});

	test('the offline copy is asked for only once the map has drawn its markers, not with the first view', async ({
		page
	}) => {
		// Records, at the moment the page registers its service worker, whether the map shows markers.
		await page.addInitScript(() => {
			const container = navigator.serviceWorker;
			const register = container.register.bind(container);
			container.register = (...args: Parameters<typeof register>) => {
				const map = window.protestAtlas?.map;
				const layers =
					map
						?.getStyle()
						?.layers.filter((l) => l.type === 'circle' && String(l.source).startsWith('event-'))
						.map((l) => l.id) ?? [];
				(window as unknown as { registeredWith?: number }).registeredWith =
					map && layers.length ? map.queryRenderedFeatures({ layers }).length : 0;
				return register(...args);
			};
		});
		await page.goto('/');
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
		const markersThen = await page.evaluate(() => (window as unknown as { registeredWith?: number }).registeredWith);
		expect(markersThen).toBeGreaterThan(0);
	});

	test('a new deploy is offered quietly, and Reload brings it in', async ({ page }) => {
		const host = await serveFolder(TEST_BUILD_DIR);
		try {
			await page.goto(`${host.url}/`);
			await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
			const notice = page.getByRole('status').filter({ hasText: 'A new version' });
			await expect(notice).toHaveCount(0);
			// A changed worker script is what a browser sees of a new deploy.
			host.rewrite('/service-worker.js', (text) => `${text}\n// next deploy\n`);
			await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
			// The new version installs first: it fetches the whole app, fonts, basemap and default data.
			await expect(notice).toBeVisible({ timeout: 60_000 });
			const reloaded = page.waitForEvent('load');
			await notice.getByRole('button', { name: 'Reload' }).click();
			await reloaded;
			await expect(notice).toHaveCount(0);
			const active = await page.evaluate(() =>
				navigator.serviceWorker.getRegistration().then((r) => ({ waiting: !!r?.waiting, state: r?.active?.state }))
			);
			expect(active).toEqual({ waiting: false, state: 'activated' });
		} finally {
			await host.close();
		}
	});

	test('the app can be installed: a manifest with icons', async ({ page, request }) => {
		await page.goto('/');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
		expect(manifest).toMatchObject({ name: 'Protest Atlas', display: 'standalone' });
		const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) expect((await request.get(new URL(icon.src, page.url()).href)).ok()).toBe(true);
	});
});

test.describe('nothing that identifies the reader', () => {
	test('links to other sites are sent no referrer', async ({ page }) => {
		await page.goto('/?place=pushkinskaya');
		await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
	});

	test('the privacy page says what the app does and does not do, in three languages', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Privacy' }).click();
		for (const [lang, heading] of [
			['en', 'What this map does, and does not do'],
			['be', 'Што гэтая мапа робіць і чаго не робіць'],
			['ru', 'Что эта карта делает и чего не делает']
		] as const) {
			const section = page.locator(`section[lang="${lang}"]`);
			await expect(section.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expect(section.getByRole('listitem')).toHaveCount(7);
		}
	});

	test('a generalised place says so in its panel', async ({ page }) => {
		const dataset = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8'));
		const place = dataset.places.find((p: { id: string }) => p.id === 'okrestina');
		place.properties.generalisedKm = 5;
		place.properties.precision = { kind: 'approximate', radiusM: 3536 };
		await page.goto('/');
		await page.locator('input[type=file]').setInputFiles({
			name: 'generalised.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(dataset))
		});
		await page.getByRole('button', { name: 'Show on the map' }).click();
		await page.getByRole('button', { name: 'Places', exact: true }).click();
		await page
			.getByRole('button', { name: new RegExp(place.properties.names.en), exact: false })
			.first()
			.click();
		await expect(page.getByRole('complementary')).toContainText(
			'generalised to a 5 km grid to protect the people involved'
		);
	});
});

test.describe('headers for hosts', () => {
	function headersFor(pagePath: string): Record<string, string> {
		const lines = readFileSync(path.join(TEST_BUILD_DIR, '_headers'), 'utf8').split('\n');
		const headers: Record<string, string> = {};
		let inside = false;
		for (const line of lines) {
			if (!line.startsWith(' ') && !line.startsWith('#')) inside = line === pagePath || line === '/*';
			else if (inside && line.trim()) {
				const at = line.indexOf(':');
				headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
			}
		}
		return headers;
	}

	test('the _headers file carries each page’s own policy, framing only for the embed route', async ({ page }) => {
		await page.goto('/');
		const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		const root = headersFor('/');
		expect(root['Content-Security-Policy']).toBe(`${meta}; frame-ancestors 'none'`);
		expect(root).toMatchObject({
			'Referrer-Policy': 'no-referrer',
			'X-Content-Type-Options': 'nosniff',
			'Strict-Transport-Security': expect.stringContaining('max-age=')
		});
		expect(headersFor('/embed/')['Content-Security-Policy']).toMatch(/frame-ancestors \*$/);
		const nginx = readFileSync(path.join(TEST_BUILD_DIR, 'nginx-headers.conf'), 'utf8');
		expect(nginx).toContain(`add_header Content-Security-Policy "${meta}; frame-ancestors 'none'" always;`);
		expect(nginx).toContain('add_header Referrer-Policy "no-referrer" always;');
	});
});
