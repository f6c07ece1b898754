import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkStoryFile } from '../src/lib/data/story/publish-story';
import { expectOnlyOwnOrigin, recordOrigins, waitForMapIdle } from './support/map';

interface Chapter {
	view: {
		camera?: { place?: string; city?: string; bbox?: number[] };
		from?: string;
		to?: string;
		types?: string[];
		place?: string;
	};
	title: { en: string; be: string; ru: string };
}
const story = JSON.parse(readFileSync('static/data/stories/belarus-week.json', 'utf8')) as { chapters: Chapter[] };
const { places, events } = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as {
	places: { id: string; geometry: { coordinates: [number, number] } }[];
	events: { type: string; when: { start: string } }[];
};

/** The ids of the places and cities drawn now, and the camera. */
async function drawn(page: Page) {
	return page.evaluate(() => {
		const map = window.protestAtlas!.map;
		const features = map.queryRenderedFeatures({ layers: ['PlaceHitAreas', 'CityHitAreas'] });
		const center = map.getCenter();
		return {
			ids: [...new Set(features.map((f) => String(f.properties.id)))],
			center: [center.lng, center.lat],
			zoom: map.getZoom(),
			bounds: map.getBounds().toArray().flat()
		};
	});
}

/** One end of the timeline's window, as its slider says it. */
const timelineEnd = (page: Page, name: string) => page.getByRole('slider', { name }).getAttribute('aria-valuetext');

async function expectChapter(page: Page, n: number) {
	const chapter = story.chapters[n - 1]!;
	await expect(page).toHaveURL(new RegExp(`[?&]chapter=${n}(&|$|#)`));
	await waitForMapIdle(page);
	const current = page.locator('article[aria-current="step"]');
	await expect(current).toHaveAttribute('data-chapter', String(n));
	await expect(current.getByRole('heading', { level: 2 })).toHaveText(chapter.title.en);
	const { ids, center, zoom, bounds } = await drawn(page);
	const camera = chapter.view.camera!;
	if (camera.place) {
		// The chapter's place is drawn, and the camera is on it at street level.
		expect(ids).toContain(camera.place);
		const at = places.find((p) => p.id === camera.place)!.geometry.coordinates;
		expect(Math.abs(center[0]! - at[0])).toBeLessThan(0.01);
		expect(Math.abs(center[1]! - at[1])).toBeLessThan(0.01);
		expect(zoom).toBeCloseTo(13, 0);
	}
	if (camera.bbox) {
		// The whole box is in view, and not much more.
		const [w, s, e, n] = bounds as [number, number, number, number];
		expect(w).toBeLessThanOrEqual(camera.bbox[0]! + 0.05);
		expect(e).toBeGreaterThanOrEqual(camera.bbox[2]! - 0.05);
		expect(s).toBeLessThanOrEqual(camera.bbox[1]! + 0.05);
		expect(n).toBeGreaterThanOrEqual(camera.bbox[3]! - 0.05);
		expect(e - w).toBeLessThan((camera.bbox[2]! - camera.bbox[0]!) * 2.5);
	}
	// The timeline's window is the chapter's dates.
	const day = (date: string) => new RegExp(`\\b${Number(date.slice(8))} Aug 2020`);
	expect(await timelineEnd(page, 'First date')).toMatch(day(chapter.view.from!));
	expect(await timelineEnd(page, 'Last date')).toMatch(day(chapter.view.to!));
}

test.describe('reading the story of the week', () => {
	test('the home page links to the story; each chapter sets the map, the dates and the filters', async ({ page }) => {
		const origins = recordOrigins(page);
		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByRole('link', { name: 'Read the story' }).click();
		await expectChapter(page, 1);
		// Next, then Previous, then the keys, as a reader would.
		await page.getByRole('button', { name: 'Next →' }).click();
		await expectChapter(page, 2);
		await expect(page.getByRole('complementary', { name: 'Pushkinskaya metro station' })).toBeVisible();
		await page.getByRole('button', { name: 'Next →' }).click();
		await expectChapter(page, 3);
		// Nothing of chapter 2 lingers: no place is selected now.
		await expect(page.getByRole('complementary', { name: 'Pushkinskaya metro station' })).toHaveCount(0);
		await page.getByRole('button', { name: '← Previous' }).click();
		await expectChapter(page, 2);
		await page.getByRole('region', { name: /The week Belarus rose/ }).focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expectChapter(page, 5);
		// Chapter 5 shows strikes only: the timeline counts the strikes of its two days, and the key agrees.
		const strikes = events.filter(
			(e) => e.type === 'strike' && e.when.start >= '2020-08-13' && e.when.start < '2020-08-15'
		);
		await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(`${strikes.length} events`);
		await page.locator('summary', { hasText: 'Key' }).click();
		await expect(page.getByRole('button', { name: /Strike/, pressed: true })).toBeVisible();
		await expect(page.getByRole('button', { name: /Rally/, pressed: false })).toBeVisible();
		await page.getByRole('region', { name: /The week Belarus rose/ }).focus();
		await page.keyboard.press('ArrowLeft');
		await expectChapter(page, 4);
		// The Back button walks back through the chapters read.
		await page.goBack();
		await expectChapter(page, 5);
		await expectOnlyOwnOrigin(page, origins);
	});

	test('a deep link opens its chapter; scrolling the text moves to the next', async ({ page }) => {
		await page.goto('/?story=belarus-week&chapter=6');
		await expectChapter(page, 6);
		await expect(
			page.getByRole('status').filter({ hasText: `Chapter 6 of 7: ${story.chapters[5]!.title.en}` })
		).toBeAttached();
		const next = page.locator('article[data-chapter="7"]');
		await next.scrollIntoViewIfNeeded();
		await page.locator('.column').evaluate((column) => column.scrollBy(0, 400));
		await expectChapter(page, 7);
	});

	test('"Explore from here" leaves at the chapter’s view with the whole interface; "Back to the story" returns', async ({
		page
	}) => {
		await page.goto('/?story=belarus-week&chapter=4&lang=ru');
		await waitForMapIdle(page);
		await page.getByRole('button', { name: 'Исследовать отсюда' }).click();
		await expect(page).toHaveURL(/\?from=2020-08-12&to=2020-08-13&types=human-chain,rally&lang=ru/);
		await expect(page.getByRole('navigation', { name: /./ })).toBeVisible();
		await page.getByRole('button', { name: 'Вернуться к истории' }).click();
		await expect(page).toHaveURL(/\?story=belarus-week&chapter=4&lang=ru/);
		await expect(page.locator('article[aria-current="step"] h2')).toHaveText(story.chapters[3]!.title.ru);
	});

	test('with reduced motion, a chapter cuts to its view instead of flying', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/?story=belarus-week&chapter=1');
		await waitForMapIdle(page);
		await page.getByRole('button', { name: 'Next →' }).click();
		await expect(page).toHaveURL(/chapter=2/);
		// No flight: once the view has answered and two frames are drawn, the map is at Pushkinskaya and still.
		const camera = await page.evaluate(async () => {
			await window.protestAtlas!.settled();
			await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
			const map = window.protestAtlas!.map;
			return { zoom: map.getZoom(), moving: map.isMoving() };
		});
		expect(camera.zoom).toBeCloseTo(13, 1);
		expect(camera.moving).toBe(false);
	});

	test('a story link names what it could not open', async ({ page }) => {
		await page.goto('/?story=no-such-story');
		await expect(page.getByRole('alert')).toContainText('story=no-such-story');
		await waitForMapIdle(page);
	});
});

test.describe('a story on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the chapter is a card in the sheet, and its place stays in sight above it', async ({ page }) => {
		await page.goto('/?story=belarus-week&chapter=2');
		await waitForMapIdle(page);
		const card = page.getByRole('region', { name: 'Story' });
		await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.chapters[1]!.title.en);
		const where = await page.evaluate(() => {
			const map = window.protestAtlas!.map;
			const at = map.project([27.49702, 53.90966]);
			const box = map.getCanvas().getBoundingClientRect();
			return { x: at.x + box.left, y: at.y + box.top };
		});
		const sheet = await page.getByRole('region', { name: 'Timeline, key and lists' }).boundingBox();
		expect(where.y).toBeGreaterThan(60);
		expect(where.y).toBeLessThan(sheet!.y);
		expect(where.x).toBeGreaterThan(0);
		expect(where.x).toBeLessThan(390);
		await card.getByRole('button', { name: 'Next →' }).click();
		await expect(page).toHaveURL(/chapter=3/);
		await expect(card.getByRole('heading', { level: 2 })).toHaveText(story.chapters[2]!.title.en);
	});
});

test.describe('a story in an iframe', () => {
	test('the embed plays the story, with a link to open it in the atlas', async ({ page }) => {
		await page.goto('/embed/?story=belarus-week&chapter=3');
		await waitForMapIdle(page);
		await expect(page.locator('article[aria-current="step"] h2')).toHaveText(story.chapters[2]!.title.en);
		await expect(page.getByRole('button', { name: 'Explore from here' })).toHaveCount(0);
		await page.getByRole('button', { name: 'Next →' }).click();
		await expect(page).toHaveURL(/\/embed\/\?story=belarus-week&chapter=4/);
		await expect(page.getByRole('link', { name: 'Open in Protest Atlas' })).toHaveAttribute(
			'href',
			// The map's camera may follow in the hash, as in any link the atlas gives.
			/[?&]story=belarus-week&chapter=4(#map=[\d./-]+)?$/
		);
	});
});

test.describe('writing a story in the browser', () => {
	test('capture → write → reorder → download → check → publish → read gives back the same chapters', async ({
		page
	}) => {
		await page.goto('/?place=stela&from=2020-08-16&to=2020-08-16#map=12/53.915/27.55');
		await waitForMapIdle(page);
		await page.getByRole('button', { name: 'New story' }).click();
		const editor = page.getByRole('dialog', { name: 'Write a story' });
		await editor.getByLabel('Story title').fill('Sunday, and before');
		await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
		const first = editor.getByRole('group', { name: 'Chapter 1' });
		await first.getByLabel('Title').fill('The march');
		await first.getByLabel(/^Text/).fill('People walked to **Independence Square**.');
		await first.getByText(/Events it rests on/).click();
		await first.getByRole('checkbox', { name: /The March for Freedom/ }).check();
		// A second view, chosen with the app itself: the whole week.
		await page.getByRole('button', { name: 'All dates' }).click();
		await expect(page).not.toHaveURL(/from=/);
		await waitForMapIdle(page);
		await editor.getByRole('button', { name: 'Add this view as a chapter' }).click();
		const second = editor.getByRole('group', { name: 'Chapter 2' });
		await second.getByLabel('Title').fill('The whole week');
		await second.getByLabel(/^Text/).fill('Seven days.');
		await second.getByRole('button', { name: 'Move up' }).click();
		await expect(editor.getByRole('group', { name: 'Chapter 1' }).getByLabel('Title')).toHaveValue('The whole week');

		const downloading = page.waitForEvent('download');
		await editor.getByRole('button', { name: 'Download the story file' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('sunday-and-before.json');
		const file = path.join(test.info().outputDir, 'sunday-and-before.json');
		await download.saveAs(file);
		const text = readFileSync(file, 'utf8');
		const checked = checkStoryFile(text, file, () =>
			JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8'))
		);
		expect(checked.problems).toEqual([]);
		expect(checked.story!.chapters.map((c) => [c.title, c.text, c.events, c.view.place, c.view.from])).toEqual([
			[{ en: 'The whole week' }, { en: 'Seven days.' }, [], 'stela', undefined],
			[
				{ en: 'The march' },
				{ en: 'People walked to **Independence Square**.' },
				['2020-08-16-march-for-freedom'],
				'stela',
				'2020-08-16'
			]
		]);
		const camera = checked.story!.chapters[1]!.view.camera as { center: number[]; zoom: number };
		expect(camera.zoom).toBeCloseTo(12, 0);

		// Published with one command into a copy of the data folder, it reads back the same.
		const out = mkdtempSync(path.join(tmpdir(), 'stories-'));
		cpSync('static/data/belarus-2020-08.json', path.join(out, 'belarus-2020-08.json'));
		const published = spawnSync(
			process.execPath,
			['node_modules/tsx/dist/cli.mjs', 'src/lib/data/story/story-cli.ts', 'add', file, '--out', out],
			{ encoding: 'utf8' }
		);
		expect(published.status).toBe(0);
		expect(JSON.parse(readFileSync(path.join(out, 'stories', 'sunday-and-before.json'), 'utf8'))).toEqual(
			checked.story
		);

		// The preview reads the draft as a reader would.
		await editor.getByRole('button', { name: 'Preview' }).click();
		await expect(page).toHaveURL(/story=sunday-and-before&chapter=1/);
		await expect(page.locator('article[aria-current="step"] h2')).toHaveText('The whole week');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await page.getByRole('button', { name: 'Next →' }).click();
		await expect(page.locator('article[aria-current="step"] h2')).toHaveText('The march');
		await expect(page.locator('article[aria-current="step"]')).toContainText('Independence Square');
	});
});
