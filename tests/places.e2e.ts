import { expect, test, type Page } from '@playwright/test';
import {
	MINSK,
	PUSHKINSKAYA,
	clickMapAt,
	expectOnlyOwnOrigin,
	hoverMapAt,
	keepScreenshot,
	recordOrigins,
	seriousA11yViolations,
	waitForMapIdle
} from './support/map';

const placePanel = (page: Page) => page.getByRole('complementary', { name: 'Pushkinskaya metro station' });

/** The two Pushkinskaya events the article and its sources describe, with their sources. */
async function expectPushkinskayaStory(page: Page) {
	const panel = placePanel(page);
	await expect(panel).toBeVisible();
	const memorial = panel.getByRole('article', { name: 'Thousands at the Pushkinskaya memorial at noon' });
	await expect(memorial).toContainText('Sat 15 Aug 2020, about 12:00');
	await expect(memorial).toContainText('several thousand');
	await expect(memorial).toContainText('A rally is scheduled for 12 p.m. near the Pushkin metro station');
	const tass = memorial.getByRole('link', { name: 'TASS' });
	await expect(tass).toHaveAttribute('href', 'https://tass.com/society/1189999');
	await expect(tass).toHaveAttribute('target', '_blank');
	await expect(tass).toHaveAttribute('rel', 'noopener noreferrer');
	const death = panel.getByRole('article', { name: 'Alexander Taraikovsky killed near Pushkinskaya' });
	await expect(death).toContainText('Mon 10 Aug 2020, about 23:00');
	await expect(death).toContainText('Police say he was killed when a projectile he was about to launch exploded');
	await expect(death.getByRole('link', { name: 'Belsat' })).toBeVisible();
	await expect(panel).toContainText('Пушкінская');
	await expect(panel).toContainText('Пушкинская');
}

test.describe('reading what happened at a place', () => {
	test('clicking the Pushkinskaya marker opens its sourced story, and Escape closes it', async ({ page }) => {
		const origins = recordOrigins(page);
		await page.goto('/#map=13/53.906/27.52');
		await waitForMapIdle(page);
		await hoverMapAt(page, PUSHKINSKAYA);
		await expect(page.locator('.marker-tooltip')).toContainText('Pushkinskaya metro station · 3 events');
		await expect(page.locator('.maplibregl-canvas')).toHaveCSS('cursor', 'pointer');
		await clickMapAt(page, PUSHKINSKAYA);
		await expectPushkinskayaStory(page);
		await expect(page).toHaveURL(/\?place=pushkinskaya#map=/);
		await expect(page.getByRole('heading', { name: 'Pushkinskaya metro station', level: 2 })).toBeFocused();
		await expect(page.getByRole('status').filter({ hasText: 'Pushkinskaya metro station: 3 events' })).toBeAttached();
		await keepScreenshot(page, 'place-panel-desktop');
		await page.keyboard.press('Escape');
		await expect(placePanel(page)).toHaveCount(0);
		await expect(page).not.toHaveURL(/place=/);
		await expect(page.locator('.maplibregl-canvas')).toBeFocused();
		await expectOnlyOwnOrigin(page, origins);
	});

	test('a copied link reopens the same place and view, and back and forward move between selections', async ({
		page
	}) => {
		await page.goto('/?place=pushkinskaya#map=13/53.906/27.52');
		await waitForMapIdle(page);
		await expectPushkinskayaStory(page);
		const zoom = await page.evaluate(() => window.protestAtlas!.map.getZoom());
		expect(zoom).toBeCloseTo(13, 1);
		await page.getByRole('button', { name: 'Minsk', exact: true }).click();
		await expect(page.getByRole('complementary', { name: 'Minsk' })).toBeVisible();
		await page.goBack();
		await expect(placePanel(page)).toBeVisible();
		await page.goForward();
		await expect(page.getByRole('complementary', { name: 'Minsk' })).toBeVisible();
	});

	test('a place abroad, beyond the map, says so in its panel', async ({ page }) => {
		await page.goto('/?place=brussels');
		const panel = page.getByRole('complementary', { name: 'Brussels' });
		await expect(panel).toContainText('This place lies outside the map’s extent.');
		await expect(panel.getByRole('article', { name: /EU foreign ministers/ })).toBeVisible();
		await page.goto('/?place=pushkinskaya');
		await expect(page.getByRole('complementary', { name: 'Pushkinskaya metro station' })).not.toContainText(
			'outside the map'
		);
	});

	test('the panel marks an approximate location and shows text from data as text', async ({ page }) => {
		await page.goto('/?place=maz');
		const panel = page.getByRole('complementary', { name: 'Minsk Automobile Plant (MAZ)' });
		await expect(panel).toContainText('Location approximate: ±700 m');
		await expect(panel.locator('script, img, iframe')).toHaveCount(0);
	});
});

test.describe('gatherings city by city', () => {
	test('choosing Minsk from the Cities panel fits the map to it and lists its gatherings by day', async ({ page }) => {
		const origins = recordOrigins(page);
		await page.goto('/');
		await waitForMapIdle(page);
		const minskRow = page.getByRole('button', { name: 'Minsk', exact: true });
		await expect(page.locator('#city-minsk-facts')).toContainText('gatherings');
		await minskRow.click();
		const panel = page.getByRole('complementary', { name: 'Minsk' });
		await expect(panel).toBeVisible();
		await expect(panel.getByRole('heading', { name: 'Fri 14 Aug 2020' })).toBeVisible();
		await expect(panel.getByRole('article', { name: 'Thousands gather at the House of Government' })).toBeVisible();
		await expect(panel.getByRole('article', { name: 'The March for Freedom' })).toContainText('100,000–400,000');
		await expect(page).toHaveURL(/\?city=minsk/);
		await waitForMapIdle(page);
		const bounds = await page.evaluate(() => window.protestAtlas!.map.getBounds().toArray());
		expect(bounds[0][0]).toBeLessThan(27.5);
		expect(bounds[1][0]).toBeGreaterThan(27.62);
		expect(bounds[1][0] - bounds[0][0]).toBeLessThan(1);
		await keepScreenshot(page, 'city-panel-desktop');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
		await expectOnlyOwnOrigin(page, origins);
	});

	test('with reduced motion, choosing a city jumps there without a flight', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByRole('button', { name: 'Minsk', exact: true }).click();
		await expect(page.getByRole('complementary', { name: 'Minsk' })).toBeVisible();
		await expect
			// An animated flight takes 800 ms; with reduced motion the map is there at once.
			.poll(() => page.evaluate(() => window.protestAtlas!.map.getZoom()), { timeout: 400, intervals: [50] })
			.toBeGreaterThan(9);
		expect(await page.evaluate(() => window.protestAtlas!.map.isMoving())).toBe(false);
	});

	test('sorts the cities by number and by size of gatherings', async ({ page }) => {
		await page.goto('/');
		const names = () => page.locator('.cities li > button').allTextContents();
		await expect.poll(names).toContain('Minsk');
		expect((await names())[0]).toBe('Minsk');
		await page.getByLabel('Sort by').selectOption('size');
		const bySize = await names();
		expect(bySize[0]).toBe('Minsk');
		expect(bySize.indexOf('Grodno')).toBeLessThan(bySize.indexOf('Lida'));
	});

	test('at country zoom one circle stands for each city, and clicking it zooms in', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		const cities = await page.evaluate(() =>
			window
				.protestAtlas!.map.queryRenderedFeatures({ layers: ['CityDiscs', 'CityUnknown'] })
				.map((f) => f.properties.id)
		);
		expect(new Set(cities).size).toBe(cities.length);
		expect(cities).toEqual(expect.arrayContaining(['minsk', 'grodno', 'brest', 'zhodino']));
		const places = await page.evaluate(
			() => window.protestAtlas!.map.queryRenderedFeatures({ layers: ['PlaceDiscs'] }).length
		);
		expect(places).toBe(0);
		await clickMapAt(page, MINSK);
		await expect(page.getByRole('complementary', { name: 'Minsk' })).toBeVisible();
		await waitForMapIdle(page);
		expect(await page.evaluate(() => window.protestAtlas!.map.getZoom())).toBeGreaterThan(9);
		const split = await page.evaluate(
			() =>
				window.protestAtlas!.map.queryRenderedFeatures({ layers: ['PlaceDiscs', 'PlaceUnknown', 'PlaceClusters'] })
					.length
		);
		expect(split).toBeGreaterThan(1);
	});

	test('far out, a step leaves the unseen places and routes alone, and they follow it once the reader comes near', async ({
		page
	}) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await page.evaluate(() => {
			const loads: string[] = [];
			Object.assign(window, { loads });
			window.protestAtlas!.map.on('dataloading', (e) => {
				if ('sourceId' in e && typeof e.sourceId === 'string') loads.push(e.sourceId);
			});
		});
		await page.getByRole('button', { name: /^Rally or march/ }).click();
		await page.evaluate(() => window.protestAtlas!.settled());
		await waitForMapIdle(page);
		const loads = await page.evaluate(() => (window as unknown as { loads: string[] }).loads);
		expect(loads).toContain('event-cities');
		expect(loads).not.toContain('event-places');
		expect(loads).not.toContain('event-paths');
		await page.evaluate((center) => window.protestAtlas!.map.jumpTo({ center, zoom: 12 }), MINSK);
		await waitForMapIdle(page);
		const types = await page.evaluate(() =>
			window
				.protestAtlas!.map.queryRenderedFeatures({ layers: ['PlaceDiscs', 'PlaceUnknown'] })
				.map((f) => f.properties.type)
		);
		expect(types.length).toBeGreaterThan(0);
		expect(types).not.toContain('rally');
	});

	test('a step sets only the layer filters it changes, since MapLibre redraws after each one', async ({ page }) => {
		await page.goto('/?place=pushkinskaya#map=12/53.9/27.55');
		await waitForMapIdle(page);
		await page.evaluate(() => {
			const map = window.protestAtlas!.map;
			const unchanged: string[] = [];
			Object.assign(window, { unchanged });
			const setFilter = map.setFilter.bind(map);
			map.setFilter = (layer, filter, options) => {
				if (JSON.stringify(map.getFilter(layer)) === JSON.stringify(filter)) unchanged.push(layer);
				return setFilter(layer, filter, options);
			};
		});
		for (const type of [/^Rally or march/, /^Strike or walkout/]) {
			await page.getByRole('button', { name: type }).click();
			await page.evaluate(() => window.protestAtlas!.settled());
			await waitForMapIdle(page);
		}
		expect(await page.evaluate(() => (window as unknown as { unchanged: string[] }).unchanged)).toEqual([]);
	});

	test('a type hidden from the legend leaves the map and the lists', async ({ page }) => {
		await page.goto('/?place=pushkinskaya');
		const panel = placePanel(page);
		await expect(panel.getByRole('article', { name: /Taraikovsky killed/ })).toBeVisible();
		const death = page.getByRole('button', { name: /^Death/ });
		await expect(death).toHaveAttribute('aria-pressed', 'true');
		await death.click();
		await expect(death).toHaveAttribute('aria-pressed', 'false');
		await expect(page).toHaveURL(/types=/);
		await expect(panel.getByRole('article', { name: /Taraikovsky killed/ })).toHaveCount(0);
		await expect(panel.getByRole('article', { name: /memorial at noon/ })).toBeVisible();
	});
});

test.describe('by keyboard alone', () => {
	async function tabTo(page: Page, name: string) {
		for (let i = 0; i < 80; i++) {
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
			if (focused === name) return;
		}
		throw new Error(`Could not reach "${name}" with Tab`);
	}

	test('opens a city and a place from the lists and returns focus on Escape', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await tabTo(page, 'Minsk');
		await page.keyboard.press('Enter');
		const cityPanel = page.getByRole('complementary', { name: 'Minsk' });
		await expect(cityPanel).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Minsk', level: 2 })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(cityPanel).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Minsk', exact: true })).toBeFocused();
		await tabTo(page, 'Places');
		await page.keyboard.press('Enter');
		await tabTo(page, 'Pushkinskaya metro station');
		await page.keyboard.press('Enter');
		await expectPushkinskayaStory(page);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('button', { name: 'Pushkinskaya metro station' })).toBeFocused();
	});
});

test.describe('accessibility', () => {
	// The page's own policy rightly refuses injected scripts; axe is injected by the test.
	test.use({ bypassCSP: true });

	test('axe reports no serious or critical violation, with and without a panel open', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.goto('/?place=pushkinskaya');
		await expect(placePanel(page)).toBeVisible();
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.goto('/?city=minsk');
		await expect(page.getByRole('complementary', { name: 'Minsk' })).toBeVisible();
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});
