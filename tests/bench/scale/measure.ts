/**
 * Opens one page in a fresh browser, cold, and measures it: the first frame in which the map's
 * marker layers return a feature, then a filter step (one type hidden) and a one-day date step,
 * each until the map is idle; the longest main-thread task after the first markers; the JS heap of
 * the page and of its workers; and the bytes the page and its workers fetched.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

export interface Measurement {
	firstMarkers?: number;
	filterStep?: number;
	dateStep?: number;
	longestTaskAfterFirstMarkers?: number;
	longTasksAfterFirstMarkers?: number;
	/**
	 * The longest script run on the main thread after the first markers (Long Animation Frames):
	 * the part of a long task that is the page's own code, not the drawing of a frame.
	 */
	longestScriptAfterFirstMarkers?: number;
	/** The longest of MapLibre's animation-frame callbacks after the first markers: drawing, reported apart. */
	longestFrameAfterFirstMarkers?: number;
	heap?: number;
	/** The JS heap of the page's dedicated workers together: where the app keeps its events. */
	workersHeap?: number;
	bytes?: number;
	/** The bytes fetched by the time the first markers were seen: what the first view cost. */
	bytesAtFirstMarkers?: number;
	error?: string;
	/** With BENCH_VERBOSE: every long task and step, in ms since navigation, to see where time goes. */
	trace?: string;
}

/** The first day of every benchmark dataset: the one-day window starts there and steps to the next. */
const FIRST_DAY = '2020-08-09';
const NEXT_DAY = '2020-08-10';
const HIDDEN_TYPE = 'rally';

interface BenchWindow {
	__probe: {
		firstMarkers?: number;
		longTasks: [number, number][];
		/** Start, duration, what, and the file of an animation frame's callback. */
		scripts: [number, number, string, string][];
		steps: [string, number][];
	};
	bench?: {
		map?: import('maplibre-gl').Map;
		markerLayers?: string[];
		leaflet?: boolean;
		step?: (state: { hiddenType?: string; from?: string; to?: string }) => void | Promise<void>;
		prepare?: () => Promise<unknown>;
	};
	protestAtlas?: { map: import('maplibre-gl').Map; settled: () => Promise<void> };
}

/** Runs in the page before its own scripts: watches long tasks and the first frame with markers. */
function probe() {
	const w = window as unknown as BenchWindow;
	w.__probe = { longTasks: [], scripts: [], steps: [] };
	new PerformanceObserver((list) => {
		type Script = PerformanceEntry & {
			invoker?: string;
			invokerType?: string;
			sourceFunctionName?: string;
			sourceURL?: string;
		};
		for (const frame of list.getEntries() as (PerformanceEntry & { scripts?: Script[] })[])
			for (const script of frame.scripts ?? [])
				w.__probe.scripts.push([
					script.startTime,
					script.duration,
					`${script.invoker ?? ''} ${script.sourceFunctionName ?? ''}`.trim(),
					script.invokerType === 'user-callback' && script.invoker === 'FrameRequestCallback'
						? (script.sourceURL ?? '').split('/').pop()!
						: ''
				]);
	}).observe({ type: 'long-animation-frame', buffered: true });
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) w.__probe.longTasks.push([entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
	const markerLayers = (map: import('maplibre-gl').Map) =>
		(map.getStyle()?.layers ?? [])
			.filter((l) => l.type === 'circle' && 'source' in l && /^(event-|points$)/.test(String(l.source)))
			.map((l) => l.id);
	const frame = () => {
		try {
			if (w.bench?.leaflet) {
				if (document.querySelector('.leaflet-marker-icon')) w.__probe.firstMarkers = performance.now();
			} else {
				const map = w.bench?.map ?? w.protestAtlas?.map;
				const layers = map && map.isStyleLoaded() !== undefined ? markerLayers(map) : [];
				// Drawn for the reader: a map kept hidden while it loads does not count.
				const seen = map?.getCanvas().checkVisibility({ visibilityProperty: true });
				if (map && seen && layers.length && map.queryRenderedFeatures({ layers }).length > 0)
					w.__probe.firstMarkers = performance.now();
			}
		} catch {
			// The style is still loading.
		}
		if (w.__probe.firstMarkers === undefined) requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
}

/** Times one step in the page, from a task of its own (so its long tasks are seen) to the map's next idle. */
async function timeStep(page: Page, app: boolean, step: 'filter' | 'date'): Promise<number> {
	return page.evaluate(
		({ app, step, hidden, first, next }) =>
			new Promise<number>((resolve, reject) => {
				const w = window as unknown as BenchWindow;
				const settle = (start: number) => requestAnimationFrame(() => resolve(performance.now() - start));
				setTimeout(() => reject(new Error(`${step} step: no idle within 120 s`)), 120_000);
				setTimeout(() => {
					const start = performance.now();
					w.__probe.steps.push([step, start]);
					const map = w.bench?.map ?? w.protestAtlas?.map;
					if (!app) map?.once('idle', () => settle(start));
					if (app) {
						if (step === 'filter') {
							const button = [...document.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')].find((b) =>
								b.textContent?.includes('Rally or march')
							);
							button!.click();
						} else {
							const range = document.querySelector<HTMLElement>('[role="slider"][aria-label="Date range"]')!;
							range.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
						}
						// The app answers from its worker: the step ends once the link has changed, the
						// view has the answer, and the map has drawn it.
						const before = location.href;
						const drawn = () => (map!.loaded() ? settle(start) : map!.once('idle', () => settle(start)));
						const answered = () => void w.protestAtlas!.settled().then(() => setTimeout(drawn, 0));
						const linked = () => (location.href === before ? requestAnimationFrame(linked) : answered());
						linked();
						return;
					}
					const state = step === 'filter' ? { hiddenType: hidden } : { hiddenType: hidden, from: next, to: next };
					void Promise.resolve(w.bench!.step!(state)).then(() => {
						if (w.bench?.leaflet) settle(start);
					});
					void first;
				}, 0);
			}),
		{ app, step, hidden: HIDDEN_TYPE, first: FIRST_DAY, next: NEXT_DAY }
	);
}

/**
 * The JS heap used by each of the page's dedicated workers, added up. `performance.memory` does
 * not exist in a worker, so each is asked over the DevTools protocol.
 */
async function workersHeap(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	const workers: string[] = [];
	const used = new Map<string, number>();
	cdp.on('Target.attachedToTarget', (event) => {
		if (event.targetInfo.type === 'worker') workers.push(event.sessionId);
	});
	cdp.on('Target.receivedMessageFromTarget', (event) => {
		const reply = JSON.parse(event.message) as { result?: { usedSize: number } };
		if (reply.result) used.set(event.sessionId, reply.result.usedSize);
	});
	// Attaching lists the workers already running; each is then asked over its own session.
	await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	for (const sessionId of workers)
		await cdp.send('Target.sendMessageToTarget', {
			sessionId,
			message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' })
		});
	for (let wait = 0; used.size < workers.length && wait < 40; wait++) await page.waitForTimeout(50);
	await cdp.detach();
	return [...used.values()].reduce((sum, size) => sum + size, 0);
}

/** Sets the one-day window on the first day, untimed, and waits for the map to settle. */
async function setFirstDay(page: Page, app: boolean): Promise<void> {
	if (app) {
		const last = page.getByRole('slider', { name: 'Last date' });
		await last.focus();
		await page.keyboard.press('Home');
		await page.waitForURL(new RegExp(`from=${FIRST_DAY}&to=${FIRST_DAY}`));
	} else {
		await page.evaluate(
			({ hidden, first }) =>
				(window as unknown as BenchWindow).bench!.step!({ hiddenType: hidden, from: first, to: first }),
			{ hidden: HIDDEN_TYPE, first: FIRST_DAY }
		);
	}
	await page.waitForTimeout(1500);
	await page.waitForFunction(() => {
		const w = window as unknown as BenchWindow;
		const map = w.bench?.map ?? w.protestAtlas?.map;
		return !map || (map.loaded() && !map.isMoving());
	});
}

/**
 * The files of a built site that hold MapLibre itself (over 500 kB, with its frame loop): their
 * animation-frame callbacks are the map drawing, reported apart from the page's own scripts.
 */
export function mapLibreFiles(site: string): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(file);
			else if (
				/\.m?js$/.test(entry.name) &&
				statSync(file).size > 500_000 &&
				readFileSync(file, 'utf8').includes('triggerRepaint')
			)
				files.push(entry.name);
		}
	};
	walk(site);
	return files;
}

/**
 * A new browser with a new profile for every load: nothing cached, no shader programs kept from an
 * earlier page, and no other page sharing its processes.
 */
function launchFresh() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-gpu-program-cache',
			'--disable-gpu-shader-disk-cache',
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader',
			'--enable-precise-memory-info',
			'--js-flags=--max-old-space-size=8192'
		]
	});
}

export async function measurePage(
	origin: string,
	url: string,
	{ app, timeoutMs, frameFiles = [] }: { app: boolean; timeoutMs: number; frameFiles?: readonly string[] }
): Promise<Measurement> {
	const browser = await launchFresh();
	// A first visit: the app's service worker is on, as for any reader; the baselines have none.
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'allow' });
	const page = await context.newPage();
	let bytes = 0;
	page.on('requestfinished', (request) => {
		void request.sizes().then(
			(sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize),
			() => undefined
		);
	});
	let crashed = false;
	page.on('crash', () => (crashed = true));
	// tsx keeps function names with a helper that the page lacks; the page gets a stand-in.
	await page.addInitScript({ content: 'window.__name = (f) => f;' });
	await page.addInitScript(probe);
	const result: Measurement = {};
	try {
		await page.goto(`${origin}${url}`, { timeout: timeoutMs });
		await page.waitForFunction(() => (window as unknown as BenchWindow).__probe.firstMarkers !== undefined, null, {
			timeout: timeoutMs,
			polling: 250
		});
		result.firstMarkers = await page.evaluate(() => (window as unknown as BenchWindow).__probe.firstMarkers);
		result.bytesAtFirstMarkers = bytes;
		await page.waitForFunction(
			() => {
				const w = window as unknown as BenchWindow;
				const map = w.bench?.map ?? w.protestAtlas?.map;
				return Boolean(w.bench?.step || app(w)) && (!map || (map.loaded() && !map.isMoving()));
				function app(w: BenchWindow) {
					return Boolean(w.protestAtlas && document.querySelector('button[aria-pressed]'));
				}
			},
			null,
			{ timeout: timeoutMs }
		);
		// The app draws its overview before its worker has read every event: its steps are timed once
		// the worker has answered, as the baselines' once their data are in.
		if (app) await page.evaluate(() => (window as unknown as BenchWindow).protestAtlas!.settled());
		await page.evaluate(() => (window as unknown as BenchWindow).bench?.prepare?.());
		await page.waitForTimeout(1000);
		result.filterStep = await timeStep(page, app, 'filter');
		await setFirstDay(page, app);
		result.dateStep = await timeStep(page, app, 'date');
		await page.waitForTimeout(500);
		const after = await page.evaluate((frameFiles) => {
			const probe = (window as unknown as BenchWindow).__probe;
			const later = probe.longTasks.filter(([start]) => start >= probe.firstMarkers!).map(([, duration]) => duration);
			const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
			const trace = [
				...probe.longTasks.map(([start, duration]) => [start, `task ${Math.round(duration)} ms`] as const),
				...probe.steps.map(([step, start]) => [start, `${step} step`] as const),
				...probe.scripts
					.filter(([, duration]) => duration >= 50)
					.map(([start, duration, what]) => [start, `script ${Math.round(duration)} ms (${what})`] as const),
				[probe.firstMarkers!, 'first markers'] as const
			]
				.sort((a, b) => a[0] - b[0])
				.map(([at, what]) => `${Math.round(at)}: ${what}`)
				.join('; ');
			// MapLibre drawing a frame (its animation-frame callbacks; in software WebGL its draw calls
			// run on this thread) is reported apart from the page's own scripts.
			const after = probe.scripts.filter(([start]) => start >= probe.firstMarkers!);
			const isFrame = (file: string) => file !== '' && frameFiles.includes(file);
			const scripts = after.filter(([, , , file]) => !isFrame(file)).map(([, duration]) => duration);
			const frames = after.filter(([, , , file]) => isFrame(file)).map(([, duration]) => duration);
			return {
				longest: Math.max(0, ...later),
				count: later.length,
				longestScript: Math.max(0, ...scripts),
				longestFrame: Math.max(0, ...frames),
				heap: memory?.usedJSHeapSize,
				trace
			};
		}, frameFiles);
		result.longestTaskAfterFirstMarkers = after.longest;
		result.longTasksAfterFirstMarkers = after.count;
		result.longestScriptAfterFirstMarkers = after.longestScript;
		result.longestFrameAfterFirstMarkers = after.longestFrame;
		result.heap = after.heap;
		result.workersHeap = await workersHeap(page);
		if (process.env.BENCH_VERBOSE) result.trace = after.trace;
	} catch (error) {
		result.error = crashed ? 'the page crashed' : (error as Error).message.split('\n')[0];
	}
	result.bytes = bytes;
	await browser.close().catch(() => undefined);
	return result;
}
