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

test('a first visit takes the browser’s language', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ru-RU' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/lang=ru/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Атлас протестов');
	await context.close();
});
