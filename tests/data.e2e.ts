import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parquetReadObjects } from 'hyparquet';
import { acledCsv, acledRow } from '../src/lib/data/import/fixtures';
import { EVENT_TYPE_IDS } from '../src/lib/data/schema';
import { formatSpan } from '../src/lib/format';
import { catalogue, dateWords } from '../src/lib/i18n/i18n';
import {
	expectOnlyOwnOrigin,
	keepScreenshot,
	paintedText,
	recordOrigins,
	recordPaintedText,
	waitForMapIdle
} from './support/map';

/** An ACLED export as a newsroom would download it: BOM, CRLF, multi-line notes and a few broken rows. */
function acledExport(): string {
	const towns: [string, string, string][] = [
		['Minsk', '53.9000', '27.5667'],
		['Grodno', '53.6884', '23.8258'],
		['Brest', '52.0976', '23.7341'],
		['Gomel', '52.4345', '30.9754']
	];
	const rows = towns.flatMap(([location, latitude, longitude], i) =>
		[0, 1].map((day) =>
			acledRow({
				event_id_cnty: `BLR${100 + i * 2 + day}`,
				event_date: `${13 + day} August 2020`,
				location,
				admin1: location,
				latitude,
				longitude,
				notes: `On ${13 + day} August 2020, people marched in ${location}.\r\nA second line <b>with markup</b>.`,
				tags: day ? 'crowd size=thousands' : 'crowd size=around 300'
			})
		)
	);
	rows.push(acledRow({ event_id_cnty: 'BLR900', event_date: '2020-08-32' }));
	rows.push(acledRow({ event_id_cnty: 'BLR901', latitude: '95' }));
	return acledCsv(rows, { bom: true, crlf: true });
}

async function renderedIds(page: Page, layers: string[]): Promise<string[]> {
	await waitForMapIdle(page);
	return page.evaluate(
		(ids) => window.protestAtlas!.map.queryRenderedFeatures({ layers: ids }).map((f) => String(f.properties.id)),
		layers
	);
}

const CITY_LAYERS = ['CityRings', 'CityDiscs', 'CityUnknown'];

/** Opens the app at `path` and picks the ACLED export through the file picker, as a journalist would. */
async function openAcledExport(page: Page, path: string, name: string): Promise<void> {
	await page.goto(path);
	await waitForMapIdle(page);
	await page.locator('input[type=file]').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(acledExport())
	});
}

/** The cities drawn, each once, in order. */
const drawnCities = (page: Page) => renderedIds(page, CITY_LAYERS).then((ids) => [...new Set(ids)].sort());

test.describe('bringing your own data', () => {
	test('a Windows-1251 file is refused with its reason, and read once the reader names its encoding', async ({
		page
	}) => {
		await page.goto('/');
		await page.locator('input[type=file]').setInputFiles('tests/hostile/acled-cp1251.csv');
		const dialog = page.getByRole('dialog', { name: 'Importing acled-cp1251.csv' });
		await expect(dialog.getByRole('table').first()).toContainText('the file is not UTF-8 text (line 2');
		await expect(dialog).toContainText('No row could be imported');
		await dialog.getByRole('combobox', { name: 'The file’s encoding' }).selectOption('cp1251');
		await dialog.getByRole('button', { name: 'Read again' }).click();
		await expect(dialog).toContainText('2 events imported');
		await dialog.getByRole('button', { name: 'Show on the map' }).click();
		await expect(page.getByText('Showing your file')).toContainText('2 of 2 rows imported');
		await page.getByRole('button', { name: 'Places', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Гродно', exact: true })).toBeVisible();
	});

	test('slashed dates that could be read two ways are asked about, then read as the reader says', async ({ page }) => {
		await page.goto('/');
		await page.locator('input[type=file]').setInputFiles('tests/hostile/acled-ambiguous-date.csv');
		const dialog = page.getByRole('dialog', { name: 'Importing acled-ambiguous-date.csv' });
		await expect(dialog).toContainText('could be 8 September 2020 (day first) or 9 August 2020 (month first)');
		await dialog.getByRole('combobox', { name: 'Dates such as 08/09/2020 are' }).selectOption('mdy');
		await dialog.getByRole('button', { name: 'Read again' }).click();
		await expect(dialog).toContainText('is no date when read month first');
		await dialog.getByRole('combobox', { name: 'Dates such as 08/09/2020 are' }).selectOption('dmy');
		await dialog.getByRole('button', { name: 'Read again' }).click();
		await expect(dialog).toContainText('2 events imported');
	});

	test('a journalist opens an ACLED export through the file picker and sees the report and the markers', async ({
		page
	}) => {
		const origins = recordOrigins(page);
		await openAcledExport(page, '/', 'acled-belarus-august-2020.csv');
		const dialog = page.getByRole('dialog', { name: 'Importing acled-belarus-august-2020.csv' });
		await expect(dialog).toContainText('8 events imported · 2 rows rejected');
		// The eight good records span two lines each (their notes hold a line break): the bad rows start on 18 and 19.
		const rejected = dialog.getByRole('table').first();
		await expect(rejected.getByRole('row').nth(1)).toHaveText(/^18\s*event_date\s*expected a real calendar date/);
		await expect(rejected.getByRole('row').nth(2)).toHaveText(
			/^19\s*latitude\s*expected a latitude between -90 and 90/
		);
		const reportDownload = page.waitForEvent('download');
		await dialog.getByRole('button', { name: 'Download the report (CSV)' }).click();
		const report = await reportDownload;
		expect(report.suggestedFilename()).toBe('acled-belarus-august-2020-import-report.csv');
		expect(readFileSync(await report.path(), 'utf8')).toContain('rejected,18,event_date,');
		await keepScreenshot(page, 'import-report');
		await dialog.getByRole('button', { name: 'Show on the map' }).click();
		await expect(page.getByText('Showing your file')).toContainText('8 of 10 rows imported');
		await expect.poll(() => drawnCities(page)).toEqual(['brest', 'gomel', 'grodno', 'minsk']);
		await expect(page.locator('.timeline .summary')).toContainText('8 events');
		// The lists and panels work on the new data, and its markup stays text.
		await page.getByRole('button', { name: 'Grodno', exact: true }).click();
		const panel = page.getByRole('complementary', { name: 'Grodno' });
		await expect(panel).toContainText('A second line <b>with markup</b>.');
		await expect(panel.locator('b')).toHaveCount(0);
		await keepScreenshot(page, 'imported-acled');
		await expectOnlyOwnOrigin(page, origins);
	});

	test('from the reader’s file, the dataset picker goes back to the published dataset, whole', async ({ page }) => {
		await openAcledExport(page, '/', 'acled-belarus-august-2020.csv');
		await page.getByRole('dialog').getByRole('button', { name: 'Show on the map' }).click();
		await expect(page.locator('.timeline .summary')).toContainText('8 events');
		await expect.poll(() => drawnCities(page)).toEqual(['brest', 'gomel', 'grodno', 'minsk']);
		await page.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption('belarus-2020-08');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Belarus, 9–16 August 2020');
		await expect(page.locator('.timeline .summary')).toContainText('61 events');
		await page.evaluate(() => window.protestAtlas!.settled());
		await waitForMapIdle(page);
		// Towns the reader's file did not have are back, and the published places are listed again.
		await expect.poll(() => renderedIds(page, CITY_LAYERS)).toContain('zhodino');
		await page.getByRole('button', { name: 'Places', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Pushkinskaya metro station' })).toBeVisible();
	});

	test('in Russian, the import report says its reasons are in English, and marks them so', async ({ page }) => {
		await openAcledExport(page, '/?lang=ru', 'acled.csv');
		const dialog = page.getByRole('dialog');
		await expect(dialog).toContainText('Причины приведены на английском');
		await expect(dialog.locator('td[lang="en"]').first()).toContainText('expected a real calendar date');
	});

	test('dropping a file on the map opens it the same way', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		const transfer = await page.evaluateHandle((text) => {
			const data = new DataTransfer();
			data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
			return data;
		}, acledExport());
		await page.locator('.map-frame').dispatchEvent('dragover', { dataTransfer: transfer });
		await page.locator('.map-frame').dispatchEvent('drop', { dataTransfer: transfer });
		await expect(page.getByRole('dialog', { name: 'Importing dropped.csv' })).toContainText('8 events imported');
	});

	test('a link cannot open a dataset from elsewhere: it is refused, said, and never fetched', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => {
			if (!request.isNavigationRequest()) requested.push(request.url());
		});
		const origins = recordOrigins(page);
		for (const value of ['https://evil.example/forged.json', '../data/index', 'not-published']) {
			await page.goto(`/?data=${encodeURIComponent(value)}`);
			await expect(page.getByRole('alert').filter({ hasText: 'not published here' })).toContainText(value);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Belarus, 9–16 August 2020');
		}
		await expectOnlyOwnOrigin(page, origins);
		expect(requested.filter((url) => /evil|forged|not-published/.test(url))).toEqual([]);
		expect(
			requested
				.filter((url) => url.includes('/data/'))
				.every((url) => /\/data\/(index|belarus-2020-08(\.overview)?|stories\/index)\.json$/.test(url))
		).toBe(true);
		await page.getByRole('button', { name: 'Dismiss' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'not published here' })).toHaveCount(0);
	});

	test('the dataset picker lists what is published, with dates and counts, and opens it by link', async ({ page }) => {
		await page.goto('/?data=belarus-2020-08');
		const picker = page.getByRole('combobox', { name: 'Dataset' });
		await expect(picker).toHaveValue('belarus-2020-08');
		await expect(picker.locator('option')).toHaveText(['Belarus, 9–16 August 2020 · 9–16 Aug · 61 events']);
	});
});

test.describe('taking the data out', () => {
	test('the filtered view exports as GeoJSON and ACLED CSV that import again to the same events', async ({ page }) => {
		await page.goto('/?from=2020-08-15&to=2020-08-15');
		await waitForMapIdle(page);
		await expect(page.locator('.timeline .summary')).toHaveText('Sat 15 Aug 2020: 8 events');

		for (const [label, ext] of [
			['GeoJSON', 'geojson'],
			['CSV in ACLED’s columns', 'acled.csv']
		] as const) {
			await page.getByText('Export', { exact: true }).click();
			const downloading = page.waitForEvent('download');
			await page.getByRole('button', { name: label, exact: true }).click();
			const file = await downloading;
			expect(file.suggestedFilename()).toBe(`protest-atlas-belarus-2020-08-2020-08-15-2020-08-15.${ext}`);
			await page.locator('input[type=file]').setInputFiles(await file.path());
			const dialog = page.getByRole('dialog', { name: /^Importing/ });
			await expect(dialog).toContainText('8 events imported · 0 rows rejected');
			await dialog.getByRole('button', { name: 'Show on the map' }).click();
			await expect(page.locator('.timeline .summary')).toContainText('8 events');
			await page.goto('/?from=2020-08-15&to=2020-08-15');
			await waitForMapIdle(page);
		}
	});

	test('the map exports as a PNG with its key, dates and credits drawn in', async ({ page }) => {
		await page.goto('/?from=2020-08-14&to=2020-08-16');
		await waitForMapIdle(page);
		await page.getByText('Export', { exact: true }).click();
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Image of the map (PNG)' }).click();
		const file = await downloading;
		expect(file.suggestedFilename()).toBe('protest-atlas-belarus-2020-08-2020-08-14-2020-08-16.png');
		const png = readFileSync(await file.path());
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		const canvas = await page
			.locator('.maplibregl-canvas')
			.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
		// Width and height sit at bytes 16–23 of a PNG: the map plus a header and a key below it.
		expect(png.readUInt32BE(16)).toBe(canvas.w);
		expect(png.readUInt32BE(20)).toBeGreaterThan(canvas.h + 60);
	});

	test('the whole published dataset downloads as Parquet, which research tools read as it is', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByText('Export', { exact: true }).click();
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'All events (Parquet)' }).click();
		const file = await downloading;
		expect(file.suggestedFilename()).toBe('belarus-2020-08.parquet');
		const bytes = readFileSync(await file.path());
		const rows = await parquetReadObjects({
			file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
		});
		expect(rows).toHaveLength(61);
		expect(rows.find((row) => row.id === '2020-08-16-march-for-freedom')).toMatchObject({
			type: 'rally',
			city: 'Minsk'
		});
	});

	test('the PNG’s title, dates, key and credits are painted in the reader’s language', async ({ page }) => {
		// Record what is painted as text, since a PNG cannot be read back as words.
		await recordPaintedText(page);
		await page.goto('/?from=2020-08-14&to=2020-08-16&lang=ru');
		await waitForMapIdle(page);
		await page.getByText('Экспорт', { exact: true }).click();
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: /PNG/ }).click();
		await downloading;
		const painted = await paintedText(page);
		const ru = catalogue('ru') as Record<string, string>;
		expect(painted).toContain(`${ru['app.name']}: Belarus, 9–16 August 2020`);
		expect(painted).toContain(ru['type.rally']);
		expect(painted).toContain(formatSpan('2020-08-14', '2020-08-16', dateWords('ru')));
		expect(painted.some((text) => /^[\d\s\u00a0]+ человек$/.test(text))).toBe(true);
		const en = catalogue('en') as Record<string, string>;
		const english = EVENT_TYPE_IDS.map((type) => en[`type.${type}`]);
		expect(painted.filter((text) => english.includes(text) || text.endsWith(' people'))).toEqual([]);
	});
});

test.describe('publishing and embedding', () => {
	test('the share dialog gives the permalink and an iframe snippet with a title', async ({ page }) => {
		await page.goto('/?place=pushkinskaya#map=13/53.906/27.52');
		await page.getByRole('button', { name: 'Share' }).click();
		const dialog = page.getByRole('dialog', { name: 'Share this map' });
		await expect(dialog.getByLabel('Link to this view')).toHaveValue(
			/^http:\/\/127\.0\.0\.1:4173\/\?data=belarus-2020-08&place=pushkinskaya#map=13/
		);
		const snippet = await dialog.getByLabel('Embed in a web page').inputValue();
		expect(snippet).toMatch(
			/^<iframe src="http:\/\/127\.0\.0\.1:4173\/embed\/\?data=belarus-2020-08&amp;place=pushkinskaya#map=/
		);
		expect(snippet).toContain('title="Protest Atlas: Belarus, 9–16 August 2020"');
	});

	test('the embed route shows the map, key and timeline without the header and lists, and links to the atlas', async ({
		page
	}) => {
		const origins = recordOrigins(page);
		await page.goto('/embed/?from=2020-08-16&to=2020-08-16');
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Key' })).toBeVisible();
		await expect(page.locator('.timeline')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Cities', exact: true })).toHaveCount(0);
		const open = page.getByRole('link', { name: 'Open in Protest Atlas' });
		await expect(open).toHaveAttribute('href', /^\/\?data=belarus-2020-08&from=2020-08-16&to=2020-08-16/);
		await expect(open).toHaveAttribute('target', '_blank');
		await expect.poll(() => renderedIds(page, CITY_LAYERS)).toContain('minsk');
		await keepScreenshot(page, 'embed');
		await expectOnlyOwnOrigin(page, origins);
	});
});

test.describe('a large file', () => {
	test('a 50 MB CSV imports in a worker: progress shows, the page stays responsive, and cancel stops it', async ({
		page
	}) => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-')), 'acled-large.csv');
		const notes = 'Protesters gathered in the centre, chanting and carrying flags; police watched from nearby. '.repeat(
			5
		);
		const rows = Array.from({ length: 80_000 }, (_, i) =>
			acledRow({ event_id_cnty: `BLR${i}`, notes: `${i}: ${notes}`, event_date: `${10 + (i % 7)} August 2020` })
		);
		writeFileSync(file, acledCsv(rows));
		expect(statSync(file).size).toBeGreaterThan(50_000_000);

		await page.goto('/');
		await waitForMapIdle(page);
		await page.evaluate(() => {
			const state = window as unknown as { longTasks: number[] };
			state.longTasks = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
			}).observe({ type: 'longtask' });
		});
		await page.locator('input[type=file]').setInputFiles(file);
		const dialog = page.getByRole('dialog', { name: 'Importing acled-large.csv' });
		const bar = dialog.getByRole('progressbar', { name: 'Import progress' });
		await expect
			.poll(() => bar.evaluate((p: HTMLProgressElement) => p.value), { timeout: 60_000 })
			.toBeGreaterThan(0.1);
		// The main thread answers while the worker reads.
		const started = Date.now();
		await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 20)));
		expect(Date.now() - started).toBeLessThan(1000);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog).toContainText('Import cancelled. Nothing was changed.');
		const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
		expect(longest).toBeLessThan(50);
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Belarus, 9–16 August 2020');
	});
});

test.describe('a malformed link', () => {
	test('never blanks the map: ?status=maybe still shows every event, and says what it ignored', async ({ page }) => {
		await page.goto('/?status=maybe&types=zzz');
		await waitForMapIdle(page);
		await expect(page.locator('.timeline .summary')).toHaveText('All dates: 61 events');
		const notice = page.getByRole('alert').filter({ hasText: 'was not understood' });
		await expect(notice).toContainText('types=zzz, status=maybe');
		await expect.poll(() => renderedIds(page, CITY_LAYERS).then((ids) => ids.length)).toBeGreaterThan(10);
		await notice.getByRole('button', { name: 'Dismiss' }).click();
		await expect(notice).toHaveCount(0);
	});

	test('impossible dates, absurd sizes and unknown places are named, cut short and isolated', async ({ page }) => {
		const override = '\u202E';
		const search = new URLSearchParams({
			from: '2020-02-30',
			min: '1e308',
			place: 'no-such-place',
			lang: 'x'.repeat(2_000),
			data: `${override}forged`
		});
		await page.goto(`/?${search}`);
		await waitForMapIdle(page);
		await expect(page.locator('.timeline .summary')).toHaveText('All dates: 61 events');
		await expect.poll(() => renderedIds(page, CITY_LAYERS).then((ids) => ids.length)).toBeGreaterThan(10);
		const ignored = page.getByRole('alert').filter({ hasText: 'was not understood' });
		for (const part of ['from=2020-02-30', 'min=1e308', 'place=no-such-place', `lang=${'x'.repeat(40)}…`])
			await expect(ignored.locator('bdi', { hasText: part })).toHaveCount(1);
		expect((await ignored.textContent())!.length).toBeLessThan(400);
		// The forged value sits in its own <bdi>: its override cannot reverse the sentence around it.
		const refused = page.getByRole('alert').filter({ hasText: 'not published here' });
		await expect(refused.locator('bdi')).toHaveText(`${override}forged`);
		const sentence = await refused.locator('p').evaluate((p) =>
			[...p.childNodes]
				.filter((n) => n.nodeType === Node.TEXT_NODE)
				.map((n) => n.textContent)
				.join('')
		);
		expect(sentence).not.toContain(override);
	});
});
