import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatDate } from '../src/lib/format';
import { colourDistance, differenceAround, frameOf, probe, type Frame } from './support/video';
import { expectOnlyOwnOrigin, paintedText, recordOrigins, recordPaintedText, waitForMapIdle } from './support/map';
import { daysBetween } from '../src/lib/data/timeline';
import { dateWords } from '../src/lib/i18n/i18n';
import { be } from '../src/lib/i18n/be';
import { en } from '../src/lib/i18n/en';

const PAPER = [0xfb, 0xfa, 0xf6];
const WEEK = daysBetween('2020-08-09', '2020-08-16');

/** Opens Export → Video and makes the choices; resolves once the dialog may start. */
async function chooseVideo(page: Page, choice: { format: string; size: string; frames?: number; seconds?: number }) {
	await page.getByText('Export', { exact: true }).click();
	await page.getByRole('button', { name: 'Video (MP4, WebM or GIF)…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export a video' });
	await expect(dialog.getByText('Checking what this browser can encode…')).toHaveCount(0);
	await dialog.locator(`input[value="${choice.format}"]`).check();
	await dialog.locator(`input[value="${choice.size}"]`).check();
	await dialog.getByRole('spinbutton').fill(String(choice.frames ?? choice.seconds));
	await dialog.getByRole('combobox', { name: /lasts/ }).selectOption(choice.frames ? 'frames' : 'seconds');
	return dialog;
}

/** Makes the video and keeps the downloaded file. */
async function makeVideo(page: Page, choice: Parameters<typeof chooseVideo>[1]) {
	const dialog = await chooseVideo(page, choice);
	const downloading = page.waitForEvent('download', { timeout: 120_000 });
	await dialog.getByRole('button', { name: 'Make the video' }).click();
	const file = await downloading;
	const where = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-video-')), file.suggestedFilename());
	await file.saveAs(where);
	await expect(dialog.getByRole('status')).toContainText(`Saved ${file.suggestedFilename()}`);
	return { file: where, name: file.suggestedFilename(), dialog };
}

/** The rows where the map is, between the frame's paper bands, read down its left edge. */
function mapRows(frame: Frame): { top: number; bottom: number } {
	const rows = Array.from({ length: frame.height }, (_, y) => y).filter(
		(y) => colourDistance(frame.at(2, y), PAPER) > 12
	);
	return { top: rows[0]!, bottom: rows.at(-1)! + 1 };
}

const mercator = (lon: number, lat: number) => [
	(lon + 180) / 360,
	(1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2
];

test.describe('a video of the week', () => {
	test('as WebM: it decodes with its size, length and frames, and a middle frame shows that day’s markers where they are, and its date', async ({
		page
	}) => {
		test.setTimeout(180_000);
		await recordPaintedText(page);
		const camera = { zoom: 6.2, lat: 53.3, lon: 27.4 };
		await page.goto(`/#map=${camera.zoom}/${camera.lat}/${camera.lon}`);
		await waitForMapIdle(page);
		const shown = await page.locator('.maplibregl-canvas').boundingBox();
		const { file, name } = await makeVideo(page, { format: 'webm', size: '1080x1080', frames: 3 });
		expect(name).toBe('protest-atlas-belarus-2020-08-2020-08-09-2020-08-16.webm');

		const video = probe(file);
		expect(video).toMatchObject({ format: 'matroska,webm', codec: 'vp9', width: 1080, height: 1080, frames: 24 });
		expect(video.seconds).toBeCloseTo(24 / 30, 1);
		// The browser's own player reads it too.
		const played = await playInPage(page, file, 'video/webm');
		expect(played).toMatchObject({ width: 1080, height: 1080 });
		expect(played.seconds).toBeCloseTo(0.8, 1);

		// Frame 12 is the fifth day's: 13 August, that day only.
		const middle = frameOf(file, 12, 1080, 1080);
		const first = frameOf(file, 1, 1080, 1080);
		const rows = mapRows(middle);
		expect(rows).toEqual(mapRows(first));
		const cssHeight = (rows.bottom - rows.top) / 2;
		const zoom = camera.zoom + Math.log2(Math.min(540 / shown!.width, cssHeight / shown!.height));
		const scale = 512 * 2 ** zoom * 2;
		const [cx, cy] = mercator(camera.lon, camera.lat);
		const at = (lon: number, lat: number) => {
			const [x, y] = mercator(lon, lat);
			return { x: 540 + (x! - cx!) * scale, y: (rows.top + rows.bottom) / 2 + (y! - cy!) * scale };
		};
		// Grodno marched on the 13th, not on the 9th; Brest on the 9th, not on the 13th.
		const grodno = at(23.8258, 53.6884);
		const brest = at(23.68775, 52.09755);
		expect(differenceAround(middle, first, grodno.x, grodno.y, 2)).toBeGreaterThan(60);
		expect(differenceAround(middle, first, brest.x, brest.y, 2)).toBeGreaterThan(60);
		// Beside them, the map is the same on both days: the markers are where the towns are.
		for (const town of [grodno, brest])
			expect(differenceAround(middle, first, town.x - 44, town.y + 44, 2)).toBeLessThan(30);
		// Each day's frames carry its date, in the order of the days, and the band above the map changes with it.
		const painted = await paintedText(page);
		// And they name who reported what they show.
		expect(painted.filter((text) => text.startsWith('Sources: ')).length).toBeGreaterThanOrEqual(WEEK.length);
		const captions = painted.filter((text) => WEEK.some((day) => text === formatDate(day)));
		expect(captions).toEqual(WEEK.map((day) => formatDate(day)));
		const band = (frame: Frame) => differenceAround(frame, middle, 300, rows.top / 2, 0);
		expect(Math.max(...[11, 13].map((i) => band(frameOf(file, i, 1080, 1080))))).toBeLessThan(20);
		let differs = 0;
		for (let x = 28; x < 700; x += 2)
			differs = Math.max(differs, differenceAround(first, middle, x, rows.top * 0.55, 0));
		expect(differs).toBeGreaterThan(100);
		// The page is given back as it was.
		expect(await page.locator('.maplibregl-canvas').boundingBox()).toEqual(shown);
		expect(new URL(page.url()).search).toBe('');
	});

	test('as MP4 in H.264 at 1920×1080, for social media, asking no other host and within the page’s CSP', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const origins = recordOrigins(page);
		await page.addInitScript(() => {
			const violations: string[] = [];
			(window as unknown as { violations: string[] }).violations = violations;
			document.addEventListener('securitypolicyviolation', (e) =>
				violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`)
			);
		});
		await page.goto('/');
		await waitForMapIdle(page);
		const { file } = await makeVideo(page, { format: 'mp4', size: '1920x1080', frames: 2 });
		await expectOnlyOwnOrigin(page, origins);
		expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
		expect(probe(file)).toMatchObject({
			format: expect.stringContaining('mp4'),
			codec: 'h264',
			width: 1920,
			height: 1080,
			frames: 16
		});
		expect(await playInPage(page, file, 'video/mp4')).toMatchObject({ width: 1920, height: 1080 });
	});

	test('as a GIF for a messenger: vertical, half the size, a frame a day lasting its second, its words in Belarusian', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await recordPaintedText(page);
		await page.goto('/?lang=be');
		await waitForMapIdle(page);
		await page.getByText('Экспарт', { exact: true }).click();
		await page.locator('button[data-action="video"]').click();
		const dialog = page.getByRole('dialog', { name: 'Экспарт відэа' });
		await dialog.locator('input[value="gif"]').check();
		await dialog.locator('input[value="1080x1920"]').check();
		const downloading = page.waitForEvent('download', { timeout: 120_000 });
		await dialog.getByRole('button', { name: 'Зрабіць відэа' }).click();
		const where = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-gif-')), 'week.gif');
		await (await downloading).saveAs(where);
		const gif = probe(where);
		expect(gif).toMatchObject({ codec: 'gif', width: 540, height: 960, frames: 8 });
		expect(gif.seconds).toBeCloseTo(8, 0);
		expect(readFileSync(where).subarray(0, 6).toString()).toBe('GIF89a');
		// The overlay is written in the reader's language: each day's date, the counts, the key,
		// the line of sources and the credits, the basemap's among them.
		const painted = await paintedText(page);
		const dates = dateWords('be');
		const captions = painted.filter((text) => WEEK.some((day) => text === formatDate(day, dates)));
		expect(captions).toEqual(WEEK.map((day) => formatDate(day, dates)));
		expect(painted.filter((text) => /^\d+ падз/.test(text)).length).toBeGreaterThanOrEqual(WEEK.length);
		expect(painted).toContain(be['type.rally']);
		expect(painted.filter((text) => text.startsWith(be['video.sources'].replace('{publishers}', ''))).length).toBe(
			WEEK.length
		);
		expect(painted.some((text) => text.includes('Natural Earth') && text.includes('GeoNames'))).toBe(true);
		expect(painted.filter((text) => text.startsWith('Sources: ') || /^\d+ events?$/.test(text))).toEqual([]);
	});

	test('where the browser has no H.264 encoder, the dialog says so and offers WebM and GIF', async ({ page }) => {
		await page.addInitScript(() => {
			const ask = VideoEncoder.isConfigSupported.bind(VideoEncoder);
			VideoEncoder.isConfigSupported = async (config) =>
				config.codec.startsWith('avc') ? { supported: false, config } : ask(config);
		});
		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByText('Export', { exact: true }).click();
		await page.getByRole('button', { name: 'Video (MP4, WebM or GIF)…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Export a video' });
		await expect(dialog.getByText(en['video.noMp4'])).toBeVisible();
		await expect(dialog.locator('input[value="mp4"]')).toBeDisabled();
		await expect(dialog.locator('input[value="webm"]')).toBeChecked();
		await expect(dialog.locator('input[value="gif"]')).toBeEnabled();
	});

	test('Cancel stops it, leaves no download and gives the map back', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/');
		await waitForMapIdle(page);
		const shown = await page.locator('.maplibregl-canvas').boundingBox();
		const dialog = await chooseVideo(page, { format: 'webm', size: '1920x1080', seconds: 4 });
		let downloads = 0;
		page.on('download', () => downloads++);
		await dialog.getByRole('button', { name: 'Make the video' }).click();
		await expect(dialog.getByRole('progressbar')).toBeVisible();
		await expect
			.poll(() => dialog.getByRole('progressbar').evaluate((p: HTMLProgressElement) => p.value))
			.toBeGreaterThan(0);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog.getByRole('status')).toHaveText('Cancelled: no file was saved.');
		await page.waitForTimeout(1500);
		expect(downloads).toBe(0);
		await expect.poll(() => page.locator('.maplibregl-canvas').boundingBox()).toEqual(shown);
		expect(new URL(page.url()).search).toBe('');
	});
});

test('a story as a video: chapter by chapter, the camera moving between them, captioned with each chapter’s title', async ({
	page
}) => {
	test.setTimeout(180_000);
	await recordPaintedText(page);
	await page.goto('/?story=belarus-week&chapter=2');
	await waitForMapIdle(page);
	const { file, name } = await makeVideo(page, { format: 'gif', size: '1080x1080', seconds: 1 });
	expect(name).toBe('protest-atlas-belarus-week.gif');
	const story = JSON.parse(readFileSync('static/data/stories/belarus-week.json', 'utf8')) as {
		chapters: { title: { en: string } }[];
	};
	const chapters = story.chapters.length;
	// Every chapter's title is painted as its caption, in order.
	const painted = await paintedText(page);
	const titles = story.chapters.map((c) => c.title.en);
	expect(painted.filter((text) => titles.includes(text)).filter((t, i, all) => all[i - 1] !== t)).toEqual(titles);
	// A held frame per chapter, and four frames of camera move into each after the first.
	expect(probe(file)).toMatchObject({ codec: 'gif', width: 540, height: 540, frames: chapters + 4 * (chapters - 1) });
	expect(new URL(page.url()).searchParams.get('chapter')).toBe('2');
});

test('the command line makes the same video from the built app', async () => {
	test.setTimeout(180_000);
	const out = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-cli-')), 'week.webm');
	const args = ['--data', 'belarus-2020-08', '--format', 'webm', '--size', '1080x1920', '--frames', '2'];
	execFileSync('npx', ['tsx', 'scripts/video.ts', ...args, '--build', '.build-test', '--out', out], {
		stdio: 'pipe',
		timeout: 170_000
	});
	expect(probe(out)).toMatchObject({ codec: 'vp9', width: 1080, height: 1920, frames: 16 });
	// A mistake is named, with the option, and nothing is made.
	let said = '';
	try {
		execFileSync('npx', ['tsx', 'scripts/video.ts', '--data', 'belarus-2020-08', '--size', '720p', '--out', out], {
			stdio: 'pipe'
		});
	} catch (error) {
		said = String((error as { stderr: Buffer }).stderr);
	}
	expect(said).toContain('--size must be one of 1920x1080, 1080x1080, 1080x1920; got "720p".');
});

/** Plays a file in a <video> element of the same browser: its size and length as the browser reads them. */
async function playInPage(atlas: Page, file: string, type: string) {
	const base64 = readFileSync(file).toString('base64');
	const page = await atlas.context().newPage();
	return page.evaluate(
		async ({ base64, type }) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
			const video = document.createElement('video');
			video.muted = true;
			video.src = URL.createObjectURL(new Blob([bytes], { type }));
			await new Promise((resolve, reject) => {
				video.onloadedmetadata = resolve;
				video.onerror = () => reject(new Error(`The browser cannot play ${type}: ${video.error?.message}`));
			});
			return { width: video.videoWidth, height: video.videoHeight, seconds: video.duration };
		},
		{ base64, type }
	);
}
