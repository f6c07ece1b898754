import { expect, test, type Page } from '@playwright/test';
import { expectOnlyOwnOrigin, recordOrigins, waitForMapIdle } from './support/map';

/** Ids of the place markers drawn in Minsk at city zoom. */
async function minskMarkers(page: Page): Promise<string[]> {
	await waitForMapIdle(page);
	return page.evaluate(() =>
		window
			.protestAtlas!.map.queryRenderedFeatures({ layers: ['PlaceDiscs', 'PlaceRings', 'PlaceUnknown'] })
			.map((f) => String(f.properties.id))
	);
}

async function clickDay(page: Page, label: string) {
	const chart = page.getByRole('group', { name: /Events per day/ });
	const box = (await chart.locator('text.label', { hasText: label }).boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y - 20);
}

test.describe('the week as a timeline', () => {
	test('a range of 14 August alone shows the House of Government gathering and hides 15 August', async ({ page }) => {
		const origins = recordOrigins(page);
		await page.goto('/#map=14.5/53.8975/27.5465');
		await waitForMapIdle(page);
		await clickDay(page, '14 Aug');
		await expect(page).toHaveURL(/from=2020-08-14&to=2020-08-14/);
		await expect(page.locator('.timeline .summary')).toHaveText('Fri 14 Aug 2020: 16 events');
		await expect.poll(() => minskMarkers(page)).toContain('house-of-government');
		expect(await minskMarkers(page)).not.toContain('independence-square');
		await page.getByRole('button', { name: 'Places', exact: true }).click();
		await expect(page.getByRole('button', { name: 'House of Government', exact: true })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Pushkinskaya metro station', exact: true })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Stela (Minsk Hero City Obelisk)', exact: true })).toHaveCount(0);
		await page
			.getByRole('button', { name: 'Minsk', exact: true })
			.click({ trial: true })
			.catch(() => undefined);
		await page.goto('/?from=2020-08-14&to=2020-08-14&city=minsk');
		const minsk = page.getByRole('complementary', { name: 'Minsk' });
		await expect(minsk.getByRole('article', { name: 'Thousands gather at the House of Government' })).toBeVisible();
		await expect(minsk.getByRole('article', { name: /memorial at noon/ })).toHaveCount(0);
		await expect(minsk.getByRole('article', { name: 'The March for Freedom' })).toHaveCount(0);
		await expectOnlyOwnOrigin(page, origins);
	});

	test('draws the schematic route of the March for Freedom on its day, dotted and labelled as not sourced, in the reader’s language', async ({
		page
	}) => {
		await page.goto('/?from=2020-08-16&to=2020-08-16#map=12.6/53.905/27.545');
		await waitForMapIdle(page);
		const drawn = (layer: string) =>
			page.evaluate(
				(id) => window.protestAtlas!.map.queryRenderedFeatures({ layers: [id] }).map((f) => f.properties.id),
				layer
			);
		expect(await drawn('SchematicPaths')).toContain('2020-08-16-march-for-freedom');
		expect(await drawn('SchematicPathLabels')).toContain('2020-08-16-march-for-freedom');
		expect(await drawn('EventPaths')).not.toContain('2020-08-16-march-for-freedom');
		const label = () =>
			page.evaluate(() => window.protestAtlas!.map.getLayoutProperty('SchematicPathLabels', 'text-field'));
		expect(await label()).toBe('route not sourced');
		await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
		await expect.poll(label).toBe('маршрут без источника');
		await waitForMapIdle(page);
		expect(await drawn('SchematicPathLabels')).toContain('2020-08-16-march-for-freedom');
	});

	test('arrow keys step the range by a day', async ({ page }) => {
		await page.goto('/?from=2020-08-14&to=2020-08-14');
		const window = page.getByRole('slider', { name: 'Date range' });
		await expect(window).toHaveAttribute('aria-valuetext', 'Fri 14 Aug 2020');
		await window.focus();
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/from=2020-08-15&to=2020-08-15/);
		await expect(window).toHaveAttribute('aria-valuetext', 'Sat 15 Aug 2020');
		const last = page.getByRole('slider', { name: 'Last date' });
		await last.focus();
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/from=2020-08-15&to=2020-08-16/);
	});

	test('playback advances day by day and pauses', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('fast');
		// Playback must update the markers in place, never rebuild the map's style or sources. The app
		// adds its sources and layers through map.style (unchecked), so both are watched.
		await page.evaluate(() => {
			const map = window.protestAtlas!.map;
			const calls: string[] = [];
			const watch = (owner: object, names: string[], prefix: string) => {
				const methods = owner as Record<string, (...args: unknown[]) => unknown>;
				for (const name of names) {
					const original = methods[name]!.bind(owner);
					methods[name] = (...args: unknown[]) => {
						calls.push(`${prefix}${name}`);
						return original(...args);
					};
				}
			};
			watch(map, ['setStyle', 'addSource', 'removeSource', 'addLayer', 'removeLayer'], 'map.');
			watch(map.style, ['setState', 'addSource', 'removeSource', 'addLayer', 'removeLayer'], 'map.style.');
			// Every day the URL shows, recorded in the page as it happens, not sampled from outside.
			const days: string[] = [];
			const replace = history.replaceState.bind(history);
			history.replaceState = (state, unused, url) => {
				const from = url ? new URL(String(url), location.href).searchParams.get('from') : null;
				if (from && days.at(-1) !== from) days.push(from);
				replace(state, unused, url);
			};
			Object.assign(window, { rebuilds: calls, playedDays: days });
		});
		await page.getByRole('button', { name: 'Play the week' }).click();
		const played = () => page.evaluate(() => (window as unknown as { playedDays: string[] }).playedDays);
		await expect.poll(async () => (await played()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
		expect((await played()).slice(0, 3)).toEqual(['2020-08-09', '2020-08-10', '2020-08-11']);
		await page.getByRole('button', { name: 'Pause' }).click();
		const paused = page.url();
		await page.waitForTimeout(1200);
		expect(page.url()).toBe(paused);
		expect(new URL(paused).searchParams.get('from')).toBe(new URL(paused).searchParams.get('to'));
		expect(await page.evaluate(() => (window as unknown as { rebuilds: string[] }).rebuilds)).toEqual([]);
		await waitForMapIdle(page);
	});

	test('playback can show everything up to the current day', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('combobox', { name: 'Playback shows' }).selectOption('cumulative');
		await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('fast');
		await page.getByRole('button', { name: 'Play the week' }).click();
		await expect(page).toHaveURL(/from=2020-08-09&to=2020-08-1[1-6]/, { timeout: 15_000 });
		await page.getByRole('button', { name: 'Pause' }).click();
	});

	test('a shared link reproduces dates, types, status, minimum size, place and view', async ({ page }) => {
		const link =
			'/?place=stela&from=2020-08-15&to=2020-08-16&types=rally,funeral&status=reported&min=1000#map=12/53.9/27.55';
		await page.goto(link);
		await waitForMapIdle(page);
		await expect(page.getByRole('slider', { name: 'Date range' })).toHaveAttribute('aria-valuetext', '15–16 Aug 2020');
		await expect(page.getByRole('button', { name: /^Rally or march/ })).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByRole('button', { name: /^Death/ })).toHaveAttribute('aria-pressed', 'false');
		await expect(page.getByRole('checkbox', { name: 'Announced' })).not.toBeChecked();
		await expect(page.getByRole('combobox', { name: 'Smallest crowd' })).toHaveValue('1000');
		const panel = page.getByRole('complementary', { name: 'Stela (Minsk Hero City Obelisk)' });
		await expect(panel.getByRole('article', { name: 'The March for Freedom' })).toBeVisible();
		await expect(panel.getByRole('article', { name: 'Crowds dispersed at the Stela' })).toHaveCount(0);
		expect(await page.evaluate(() => window.protestAtlas!.map.getZoom())).toBeCloseTo(12, 1);
		await page.reload();
		await expect(panel.getByRole('article', { name: 'The March for Freedom' })).toBeVisible();
		expect(new URL(page.url()).search).toBe(new URL(link, page.url()).search);
	});

	test('the camera is part of the link: a filter chosen after panning keeps where the map is, and Back goes back there', async ({
		page
	}) => {
		await page.goto('/#map=6/53.7/27.9');
		await waitForMapIdle(page);
		await page.evaluate(() => window.protestAtlas!.map.jumpTo({ center: [27.56, 53.9], zoom: 9 }));
		await expect(page).toHaveURL(/#map=9\/53\.9\/27\.56$/);
		await page.getByRole('combobox', { name: 'Smallest crowd' }).selectOption('1000');
		await expect(page).toHaveURL(/\?min=1000#map=9\/53\.9\/27\.56$/);
		await page.evaluate(() => window.protestAtlas!.map.jumpTo({ center: [30.34, 53.92], zoom: 10 }));
		await expect(page).toHaveURL(/\?min=1000#map=10\/53\.92\/30\.34$/);
		await page.goBack();
		await expect(page).toHaveURL(/#map=9\/53\.9\/27\.56$/);
		await expect.poll(() => page.evaluate(() => window.protestAtlas!.map.getZoom())).toBeCloseTo(9, 1);
	});

	test('filters by status and minimum crowd size', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('combobox', { name: 'Smallest crowd' }).selectOption('100000');
		await expect(page).toHaveURL(/min=100000/);
		await expect(page.locator('.timeline .summary')).toHaveText('All dates: 1 event');
		await page.getByRole('checkbox', { name: 'Reported' }).uncheck();
		await expect(page).toHaveURL(/status=announced,called/);
		await expect(page.locator('.timeline .summary')).toHaveText('All dates: 0 events');
	});
});

const found = (page: Page) => page.getByRole('listbox', { name: 'Places found' }).getByRole('option');

test.describe('finding a place by name', () => {
	for (const [query, name] of [
		['Жодино', 'Zhodino'],
		['Жодзіна', 'Zhodino'],
		['Hrodna', 'Grodno'],
		['Пушкинская', 'Pushkinskaya metro station']
	] as const) {
		test(`"${query}" finds ${name} and flies the map there`, async ({ page }) => {
			await page.goto('/');
			await waitForMapIdle(page);
			const search = page.getByRole('combobox', { name: /Find a place/ });
			await search.fill(query);
			await expect(found(page).first().locator('.en')).toHaveText(name);
			await search.press('Enter');
			await expect(page.getByRole('complementary', { name })).toBeVisible();
			await waitForMapIdle(page);
			expect(await page.evaluate(() => window.protestAtlas!.map.getZoom())).toBeGreaterThan(8);
		});
	}

	test('an unknown name gets the nearest spellings', async ({ page }) => {
		await page.goto('/');
		const search = page.getByRole('combobox', { name: /Find a place/ });
		await search.fill('Brestovitsa');
		await expect(found(page)).toHaveCount(0);
		await search.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: /No place called/ })).toContainText('Did you mean Brest');
	});
});

test.describe('in another time zone', () => {
	test.use({ timezoneId: 'America/Los_Angeles' });

	test('shows event times in Minsk time, whatever the reader’s zone', async ({ page }) => {
		await page.goto('/?place=pushkinskaya');
		const panel = page.getByRole('complementary', { name: 'Pushkinskaya metro station' });
		await expect(panel.getByRole('article', { name: /Taraikovsky killed/ })).toContainText(
			'Mon 10 Aug 2020, about 23:00'
		);
		await expect(panel).toContainText('Times are local (UTC+3).');
	});
});
