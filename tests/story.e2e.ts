import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
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
			/[?&]story=belarus-week&chapter=4$/
		);
	});
});
