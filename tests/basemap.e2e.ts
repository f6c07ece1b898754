import { expect, test } from '@playwright/test';
import { expectOnlyOwnOrigin, keepScreenshot, recordOrigins, renderedLayers, waitForMapIdle } from './support/map';

test.describe('the offline basemap', () => {
	test('opens on Belarus with its border, oblasts, rivers and labelled cities, asking no other host', async ({
		page
	}) => {
		const origins = recordOrigins(page);
		await page.goto('/');
		await waitForMapIdle(page);
		const drawn = await renderedLayers(page, [
			'Countries',
			'BelarusBorder',
			'OblastEdges',
			'Rivers',
			'Lakes',
			'SettlementLabelsAbroad',
			'OblastLabels',
			'CountryLabels'
		]);
		for (const [layer, count] of Object.entries(drawn)) expect(count, `${layer} features rendered`).toBeGreaterThan(0);
		// Towns with events are named by their markers' labels, the others by the basemap's.
		const labels = await page.evaluate(() =>
			window
				.protestAtlas!.map.queryRenderedFeatures({
					layers: ['SettlementLabels', 'SettlementLabelsAbroad', 'CityLabels']
				})
				.map((f) => String(f.properties.name_en ?? f.properties.name))
		);
		expect(labels).toEqual(
			expect.arrayContaining(['Minsk', 'Gomel', 'Grodno', 'Brest', 'Vitebsk', 'Mogilev', 'Kaunas'])
		);
		expect(labels.filter((name) => name === 'Minsk')).toHaveLength(1);
		await keepScreenshot(page, 'basemap-belarus');
		// Belarus's largest towns all have markers here; nearer in, its smaller towns are named too.
		await page.evaluate(() => window.protestAtlas!.map.jumpTo({ center: [27.6, 53.6], zoom: 7.5 }));
		await waitForMapIdle(page);
		expect((await renderedLayers(page, ['SettlementLabels'])).SettlementLabels).toBeGreaterThan(0);
		await expectOnlyOwnOrigin(page, origins);
	});

	test('draws the first view with seven shader programs or fewer', async ({ page }) => {
		// MapLibre compiles a program for each kind of layer and each mix of properties read from
		// data, as the layer is first drawn: tens of milliseconds each in software and on low-end
		// phones, all before the first markers show.
		await page.addInitScript(() => {
			const counted = window as unknown as { linkedPrograms: number };
			counted.linkedPrograms = 0;
			for (const context of [WebGLRenderingContext, WebGL2RenderingContext]) {
				const link = context.prototype.linkProgram;
				context.prototype.linkProgram = function (program: WebGLProgram) {
					counted.linkedPrograms++;
					return link.call(this, program);
				};
			}
		});
		await page.goto('/');
		await waitForMapIdle(page);
		const programs = await page.evaluate(() => (window as unknown as { linkedPrograms: number }).linkedPrograms);
		expect(programs).toBeGreaterThan(3);
		expect(programs).toBeLessThanOrEqual(7);
	});

	test('draws the markers first, then the basemap', async ({ page }) => {
		// Reading the basemap's GeoJSON files and drawing their tiles took most of a cold start,
		// ahead of the markers; the markers are what the reader came for.
		await page.addInitScript(() => {
			const w = window as unknown as { drawn: string[] };
			w.drawn = [];
			const look = () => {
				const map = window.protestAtlas?.map;
				if (!map) return void requestAnimationFrame(look);
				map.on('render', () => {
					const layers = map.getStyle().layers ?? [];
					const markers = layers
						.filter((l) => l.type === 'circle' && String('source' in l && l.source).startsWith('event-'))
						.map((l) => l.id);
					const basemap = layers.filter((l) => l.id === 'Countries' || l.id === 'WorldLand').map((l) => l.id);
					for (const [name, ids] of [
						['markers', markers],
						['basemap', basemap]
					] as const)
						if (!w.drawn.includes(name) && ids.length && map.queryRenderedFeatures({ layers: ids }).length)
							w.drawn.push(name);
				});
			};
			requestAnimationFrame(look);
		});
		await page.goto('/');
		await waitForMapIdle(page);
		expect(await page.evaluate(() => (window as unknown as { drawn: string[] }).drawn)).toEqual(['markers', 'basemap']);
	});

	test('shows the Minsk Metro at city zoom', async ({ page }) => {
		const origins = recordOrigins(page);
		await page.goto('/#map=12.5/53.9/27.55');
		await waitForMapIdle(page);
		const drawn = await renderedLayers(page, ['MetroLines', 'MetroStations', 'MetroStationLabels']);
		expect(drawn.MetroLines).toBeGreaterThan(0);
		expect(drawn.MetroStations).toBeGreaterThan(10);
		expect(drawn.MetroStationLabels).toBeGreaterThan(0);
		await keepScreenshot(page, 'basemap-minsk-metro');
		await expectOnlyOwnOrigin(page, origins);
	});

	test('keeps the view in the URL hash and reopens it from a copied link', async ({ page, context }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await page.evaluate(() => window.protestAtlas!.map.jumpTo({ center: [30.3449, 53.9168], zoom: 9 }));
		await expect(page).toHaveURL(/#map=9(\.0+)?\/53\.91\d*\/30\.34\d*$/);
		const copied = page.url();
		const second = await context.newPage();
		await second.goto(copied);
		await waitForMapIdle(second);
		const view = await second.evaluate(() => {
			const map = window.protestAtlas!.map;
			return { zoom: map.getZoom(), ...map.getCenter() };
		});
		expect(view.zoom).toBeCloseTo(9, 1);
		expect(view.lat).toBeCloseTo(53.9168, 2);
		expect(view.lng).toBeCloseTo(30.3449, 2);
	});

	test('pans and zooms by keyboard, and the reset control returns to Belarus', async ({ page }) => {
		await page.goto('/#map=7/53.9/27.56');
		await waitForMapIdle(page);
		const canvas = page.getByRole('region', { name: /Map of protest events/ });
		await canvas.focus();
		await page.keyboard.press('Equal');
		await expect.poll(() => page.evaluate(() => window.protestAtlas!.map.getZoom())).toBeGreaterThan(7.5);
		const before = await page.evaluate(() => window.protestAtlas!.map.getCenter().lng);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.evaluate(() => window.protestAtlas!.map.getCenter().lng)).toBeGreaterThan(before);
		await page.getByRole('button', { name: 'Show the whole dataset' }).click();
		await waitForMapIdle(page);
		const bounds = await page.evaluate(() => window.protestAtlas!.map.getBounds().toArray());
		expect(bounds[0][0]).toBeLessThan(23.5);
		expect(bounds[1][0]).toBeGreaterThan(32.5);
	});

	test('pans by dragging with the mouse', async ({ page }) => {
		await page.goto('/#map=7/53.9/27.56');
		await waitForMapIdle(page);
		const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x - 200, y, { steps: 8 });
		await page.mouse.up();
		await expect.poll(() => page.evaluate(() => window.protestAtlas!.map.getCenter().lng)).toBeGreaterThan(27.9);
	});

	test('labels the map in Belarusian or Russian on request, with fonts the app serves', async ({ page }) => {
		const origins = recordOrigins(page);
		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
		await expect(page).toHaveURL(/lang=ru/);
		const fields = await page.evaluate(() => {
			const map = window.protestAtlas!.map;
			return ['SettlementLabels', 'SettlementLabelsAbroad', 'CityLabels'].map((id) =>
				JSON.stringify(map.getLayoutProperty(id, 'text-field'))
			);
		});
		for (const field of fields) expect(field).toContain('name_ru');
		await waitForMapIdle(page);
		await keepScreenshot(page, 'labels-russian');
		// The interface is in Russian now, the select too.
		await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
		await expect(page).not.toHaveURL(/lang=/);
		await expect
			.poll(() =>
				page.evaluate(() => JSON.stringify(window.protestAtlas!.map.getLayoutProperty('CityLabels', 'text-field')))
			)
			.not.toContain('name_ru');
		await expectOnlyOwnOrigin(page, origins);
	});

	test('forbids requests to other hosts with a Content-Security-Policy', async ({ page }) => {
		const response = await page.goto('/');
		const html = await response!.text();
		const policy = /http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
		expect(policy).toContain("default-src 'self'");
		// blob: addresses are objects made by the page's own workers (the markers), never another host.
		expect(policy).toContain("connect-src 'self' blob:;");
		expect(policy).not.toMatch(/https?:/);
	});

	test('shows a scale bar and credits every data source', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
		const attribution = page.locator('.maplibregl-ctrl-attrib');
		for (const name of ['Natural Earth', 'GeoNames', 'GSHHG', 'metro-game'])
			await expect(attribution).toContainText(name);
	});
});
