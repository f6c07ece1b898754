/** The interface in Belarusian and Russian: no string of the English catalogue is left on screen. */
import { expect, test } from '@playwright/test';
import { catalogue } from '../src/lib/i18n/i18n';
import { waitForMapIdle } from './support/map';

/**
 * The English catalogue's fixed strings that the language translates (a name such as "GeoJSON"
 * stays the same); messages with placeholders are checked by their own tests.
 */
function english(lang: 'be' | 'ru'): string[] {
	const en = catalogue('en') as Record<string, string>;
	const other = catalogue(lang) as Record<string, string>;
	return Object.keys(en)
		.filter((key) => !en[key]!.includes('{') && other[key] !== en[key])
		.map((key) => en[key]!);
}

for (const [lang, label, heading] of [
	['be', 'Беларуская', 'Атлас пратэстаў'],
	['ru', 'Русский', 'Атлас протестов']
] as const) {
	test(`switching to ${label} leaves no English catalogue string in view, and sets <html lang>`, async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
		await expect(page).toHaveURL(new RegExp(`lang=${lang}`));
		await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		const visible = await page.evaluate(() => {
			const texts: string[] = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const parent = node.parentElement;
				const text = node.textContent?.trim();
				if (!text || !parent || parent.closest('script, style, title')) continue;
				const style = getComputedStyle(parent);
				if (style.visibility === 'hidden' || style.display === 'none' || parent.getClientRects().length === 0) continue;
				texts.push(text);
			}
			return texts;
		});
		// Numbers are grouped as the language writes them, even where the browser lacks its number data.
		await expect(page.locator('.legend svg text', { hasText: /^450\s000$/ })).toBeVisible();
		const untranslated = english(lang);
		expect(visible.filter((text) => untranslated.includes(text))).toEqual([]);
		// The map's labels follow the language too.
		const names = await page.evaluate(() =>
			window.protestAtlas!.map.queryRenderedFeatures({ layers: ['CityLabels'] }).map((f) => String(f.properties.id))
		);
		expect(names).toContain('minsk');
		// So do the basemap's towns, regions and neighbouring countries.
		await page.evaluate(() => window.protestAtlas!.map.jumpTo({ center: [27, 53.5], zoom: 5.2 }));
		await waitForMapIdle(page);
		const labels = await page.evaluate(() =>
			window
				.protestAtlas!.map.queryRenderedFeatures({
					layers: ['SettlementLabels', 'SettlementLabelsAbroad', 'CountryLabels', 'OblastLabels']
				})
				.map((f) => {
					// A symbol's evaluated text, as drawn for this feature.
					const text = (f.layer.layout as { 'text-field': { sections: { text: string }[] } })['text-field'];
					return `${f.layer.id}:${text.sections.map((section) => section.text).join('')}`;
				})
		);
		expect(labels.filter((label) => label.startsWith('SettlementLabels')).length).toBeGreaterThan(10);
		expect(labels.filter((label) => label.startsWith('CountryLabels')).length).toBeGreaterThan(2);
		expect(labels.filter((label) => /[A-Za-z]/.test(label.split(':')[1]!))).toEqual([]);
	});
}

test('a map opened in Belarusian makes its labels in Belarusian, not in English first', async ({ page }) => {
	// Each label text changed after the layers are made lays out every tile of the layer again.
	await page.addInitScript(() => {
		const w = window as unknown as { changedTexts: string[] };
		w.changedTexts = [];
		const look = () => {
			const map = window.protestAtlas?.map;
			if (!map) return void requestAnimationFrame(look);
			const style = map.style;
			const set = style.setLayoutProperty.bind(style);
			style.setLayoutProperty = (id, name, value, options) => {
				const before = JSON.stringify(style.getLayer(id)?.getLayoutProperty(name));
				set(id, name, value, options);
				if (name === 'text-field' && JSON.stringify(style.getLayer(id)?.getLayoutProperty(name)) !== before)
					w.changedTexts.push(id);
			};
		};
		requestAnimationFrame(look);
	});
	await page.goto('/?lang=be');
	await waitForMapIdle(page);
	const labels = await page.evaluate(() =>
		window.protestAtlas!.map.queryRenderedFeatures({ layers: ['CityLabels'] }).map((f) => f.properties.name_be)
	);
	expect(labels).toContain('Мінск');
	expect(await page.evaluate(() => (window as unknown as { changedTexts: string[] }).changedTexts)).toEqual([]);
});

test('a first visit takes the browser’s language', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ru-RU' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/lang=ru/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Атлас протестов');
	await context.close();
});
