/**
 * Benchmark: the week as a video at each size, as a reporter makes it in the browser (Export →
 * Video, a second a day, 30 frames a second). It prints the frames made per second of wall time
 * and the page's peak memory while filming: the JavaScript heap (as DevTools counts it) and the
 * renderer process's resident memory, each above what the page held before. Beside it, a control
 * in a fresh page: the same map resized to the frame's map and drawn eight times, with no encoder
 * and no overlay, so that the video's own memory can be told from the map's drawing buffers.
 * Asserts nothing. Run with `npm run bench:video`, which builds the app with its test hooks (the
 * control resizes the map through them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serveFolder } from '../../scripts/static-host';
import { writeDocBlock } from './scale/doc-block';

const SIZES = ['1920x1080', '1080x1080', '1080x1920'] as const;
const FORMATS = (process.env.BENCH_VIDEO_FORMATS ?? 'mp4,gif').split(',');
const ROUNDS = Number(process.env.BENCH_VIDEO_ROUNDS ?? 3);

/** Resident memory of Chromium's renderer processes, in bytes. */
function rendererMemory(): number {
	let total = 0;
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!command.includes('--type=renderer')) continue;
			const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (rss) total += Number(rss[1]) * 1024;
		} catch {
			// The process ended while it was read.
		}
	}
	return total;
}

/** Runs `sample` every 100 ms until the returned function is called; that resolves after the last sample. */
function sampleEvery100ms(sample: () => unknown): () => Promise<void> {
	let sampling = true;
	const loop = (async () => {
		while (sampling) {
			await sample();
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	})();
	return () => {
		sampling = false;
		return loop;
	};
}

async function film(page: Page, format: string, size: string) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const heap = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
	};
	await cdp.send('HeapProfiler.collectGarbage');
	const before = { heap: await heap(), rss: rendererMemory() };
	const peak = { ...before };
	// The map's size while it films, for the control.
	let mapBox = { width: 0, height: 0 };
	const stopSampling = sampleEvery100ms(async () => {
		peak.heap = Math.max(peak.heap, await heap());
		peak.rss = Math.max(peak.rss, rendererMemory());
		const box = await page.evaluate(() => {
			const map = document.querySelector<HTMLElement>('.maplibregl-map');
			return map?.style.position === 'fixed' ? { width: map.offsetWidth, height: map.offsetHeight } : undefined;
		});
		if (box && box.width * box.height > mapBox.width * mapBox.height) mapBox = box;
	});
	await page.locator('details.menu summary').click();
	await page.locator('button[data-action="video"]').click();
	const dialog = page.locator('dialog[open]');
	await page.waitForFunction(() => !document.querySelector('dialog[open] .checking'));
	await dialog.locator(`input[value="${format}"]`).check();
	await dialog.locator(`input[value="${size}"]`).check();
	await dialog.locator('#video-pace').fill('1');
	await dialog.locator('#video-pace + select').selectOption('seconds');
	const downloading = page.waitForEvent('download', { timeout: 0 });
	const start = performance.now();
	await dialog.locator('button.primary').click();
	const file = await downloading;
	const seconds = (performance.now() - start) / 1000;
	await stopSampling();
	const bytes = readFileSync((await file.path())!).length;
	await dialog.getByRole('button', { name: 'Close' }).click();
	await cdp.detach();
	const frames = format === 'gif' ? 8 : 8 * 30;
	return {
		fps: frames / seconds,
		seconds,
		heap: peak.heap - before.heap,
		rss: peak.rss - before.rss,
		bytes,
		mapBox
	};
}

/**
 * The control: the renderer's rise when the map alone is resized to the frame's map, at the
 * frame's pixel ratio, and drawn eight times (a camera step each) and copied out, as the video does.
 */
async function mapAlone(page: Page, box: { width: number; height: number }, ratio: number): Promise<number> {
	const before = rendererMemory();
	let peak = before;
	const stopSampling = sampleEvery100ms(() => {
		peak = Math.max(peak, rendererMemory());
	});
	await page.evaluate(
		async ({ box, ratio }) => {
			const map = (window as unknown as { protestAtlas: { map: import('maplibre-gl').Map } }).protestAtlas.map;
			Object.assign(map.getContainer().style, {
				position: 'fixed',
				left: '0',
				top: '0',
				width: `${box.width}px`,
				height: `${box.height}px`
			});
			map.setPixelRatio(ratio);
			map.resize();
			const copy = document.createElement('canvas');
			copy.width = box.width * ratio;
			copy.height = box.height * ratio;
			for (let day = 0; day < 8; day++) {
				map.jumpTo({ zoom: map.getZoom() + 0.01 });
				await new Promise((resolve) => map.once('idle', resolve));
				copy.getContext('2d')!.drawImage(map.getCanvas(), 0, 0);
			}
		},
		{ box, ratio }
	);
	await stopSampling();
	return peak - before;
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

const host = await serveFolder(path.resolve(process.env.BENCH_BUILD ?? '.build-test'));

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']
});
async function freshPage() {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
	await page.goto(`${host.url}/`);
	await page.locator('.maplibregl-canvas').waitFor();
	await page.waitForTimeout(2000);
	return page;
}

try {
	const lines = [
		'format  size        frames/s (min–max)   wall s   JS heap peak MB   renderer peak MB   map alone MB   video own MB   file MB'
	];
	console.log(`The week (8 days, a second a day) as a video; median of ${ROUNDS} rounds, the sizes in rotating order.`);
	console.log(lines[0]);
	for (const format of FORMATS) {
		type Run = Awaited<ReturnType<typeof film>> & { mapAlone: number };
		const results = new Map<string, Run[]>(SIZES.map((s) => [s, []]));
		for (let round = 0; round < ROUNDS; round++) {
			for (const size of [...SIZES.slice(round % 3), ...SIZES.slice(0, round % 3)]) {
				// A fresh page each time: no round inherits another's memory.
				const page = await freshPage();
				const run = await film(page, format, size);
				await page.close();
				const [width, height] = size.split('x').map(Number) as [number, number];
				const control = await freshPage();
				const alone = await mapAlone(control, run.mapBox, Math.min(width, height) / 540);
				await control.close();
				results.get(size)!.push({ ...run, mapAlone: alone });
			}
		}
		for (const [size, runs] of results) {
			const fps = runs.map((r) => r.fps);
			const line = [
				format.padEnd(6),
				size.padEnd(10),
				`${median(fps).toFixed(1)} (${Math.min(...fps).toFixed(1)}–${Math.max(...fps).toFixed(1)})`.padEnd(20),
				median(runs.map((r) => r.seconds))
					.toFixed(1)
					.padStart(6),
				mb(median(runs.map((r) => r.heap))).padStart(17),
				mb(median(runs.map((r) => r.rss))).padStart(18),
				mb(median(runs.map((r) => r.mapAlone))).padStart(14),
				mb(median(runs.map((r) => r.rss - r.mapAlone))).padStart(14),
				(median(runs.map((r) => r.bytes)) / 1e6).toFixed(1).padStart(9)
			].join('  ');
			console.log(line);
			lines.push(line);
		}
	}
	await writeDocBlock(
		'video',
		'The week as a video: frames per second and memory',
		`Median of ${ROUNDS} rounds per size, in rotating order, in headless Chromium with software WebGL; MB are 10⁶ bytes.`,
		['```', ...lines, '```'].join('\n')
	);
} finally {
	await browser.close();
	await host.close();
}
