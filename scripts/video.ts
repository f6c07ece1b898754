/**
 * `npm run video`: the browser's Export → Video, from the command line. It serves the built app,
 * opens it in headless Chromium, makes the same choices a reporter would in the video dialog and
 * saves the file. Nothing is filmed differently from the browser, so the two never drift apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { parseVideoArgs, VIDEO_USAGE } from '../src/lib/data/video/video-args';
import { serveFolder } from './static-host';

const parsed = parseVideoArgs(process.argv.slice(2));
if (!parsed.ok) {
	for (const problem of parsed.problems) console.error(problem);
	console.error(`\n${VIDEO_USAGE}`);
	process.exit(2);
}
const args = parsed.args;
const root = path.resolve(args.build);

/** The slugs a published index lists, or undefined when the build has none. */
function listed(file: string, key: 'datasets' | 'stories'): { slug: string; dataset?: string }[] | undefined {
	const where = path.join(root, file);
	if (!existsSync(where)) return undefined;
	return (JSON.parse(readFileSync(where, 'utf8')) as Record<string, { slug: string; dataset?: string }[]>)[key];
}

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

if (!existsSync(path.join(root, 'index.html')))
	fail(`No built app in ${args.build}/: run \`npm run build\` first, or name the build with --build.`);
const datasets = listed('data/index.json', 'datasets') ?? [];
if (!datasets.some((d) => d.slug === args.data))
	fail(
		`No dataset "${args.data}" is published in ${args.build}/. Published: ${datasets.map((d) => d.slug).join(', ') || 'none'}.`
	);
if (args.story) {
	const story = listed('data/stories/index.json', 'stories')?.find((s) => s.slug === args.story);
	if (!story) fail(`No story "${args.story}" is published in ${args.build}/.`);
	if (story.dataset !== args.data)
		fail(`The story "${args.story}" walks through "${story.dataset}", not "${args.data}".`);
}

const host = await serveFolder(root);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']
});
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
	const search = new URLSearchParams({ data: args.data, lang: args.lang });
	if (args.story) search.set('story', args.story);
	await page.goto(`${host.url}/?${search}`);
	await page.locator('.maplibregl-canvas').waitFor();
	await page.locator('details.menu summary').click();
	await page.locator('button[data-action="video"]').click();
	const dialog = page.locator('dialog[aria-labelledby="video-heading"]');
	const format = dialog.locator(`input[type="radio"][value="${args.format}"]`);
	await dialog.locator('input[value="gif"]').waitFor();
	// The dialog first asks the browser what it can encode.
	await page.waitForFunction(() => !document.querySelector('dialog[open] .checking'));
	if (await format.isDisabled()) fail(`This Chromium cannot encode ${args.format.toUpperCase()}; try --format webm.`);
	await format.check();
	await dialog.locator(`input[type="radio"][value="${args.size}"]`).check();
	if (!args.story) await dialog.locator('#video-mode').selectOption(args.mode);
	await dialog.locator('#video-pace').fill(String(args.pace.amount));
	await dialog.locator('#video-pace + select').selectOption(args.pace.unit);
	const downloading = page.waitForEvent('download', { timeout: 0 });
	await dialog.locator('button.primary').click();
	const status = dialog.locator('[role="status"]');
	const progress = setInterval(async () => {
		const text = await status.textContent().catch(() => '');
		if (text) process.stderr.write(`\r${text}   `);
	}, 2000);
	// Once the progress bar goes, the file has come, or the dialog says why not.
	const ended = dialog
		.locator('progress')
		.waitFor({ state: 'detached', timeout: 0 })
		.then(() => Promise.race([downloading, new Promise<undefined>((done) => setTimeout(done, 5000))]));
	const file = await Promise.race([downloading, ended]);
	clearInterval(progress);
	process.stderr.write('\n');
	if (!file) fail(`The video could not be made: ${await status.textContent()}`);
	await file.saveAs(args.out);
	console.log(`Wrote ${args.out}`);
} finally {
	await browser.close();
	await host.close();
}
