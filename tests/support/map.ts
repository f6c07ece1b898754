import { expect, type Page } from '@playwright/test';

/**
 * Resolves once the map has drawn everything it has been asked to draw, including the view's
 * answer to a move that ended meanwhile (a new zoom groups the markers anew).
 */
export async function waitForMapIdle(page: Page): Promise<void> {
	const idle = () =>
		page.waitForFunction(
			() => {
				const map = window.protestAtlas?.map;
				return Boolean(map && map.loaded() && map.areTilesLoaded() && !map.isMoving());
			},
			null,
			{ timeout: 60_000 }
		);
	await idle();
	await page.evaluate(() => window.protestAtlas?.settled?.());
	await idle();
}

/** Layer ids of the features the map has actually rendered in the viewport. */
export async function renderedLayers(page: Page, layers: string[]): Promise<Record<string, number>> {
	return page.evaluate((ids) => {
		const map = window.protestAtlas!.map;
		const counts: Record<string, number> = {};
		for (const id of ids) counts[id] = map.queryRenderedFeatures({ layers: [id] }).length;
		return counts;
	}, layers);
}

/**
 * Records the origin of every request the page makes, to prove nothing leaves it. A `blob:` address
 * carries the origin of the page or worker that made it, so it is checked too.
 */
export function recordOrigins(page: Page): Set<string> {
	const origins = new Set<string>();
	page.on('request', (request) => {
		origins.add(new URL(request.url()).origin);
	});
	return origins;
}

export async function expectOnlyOwnOrigin(page: Page, origins: Set<string>): Promise<void> {
	const own = new URL(page.url()).origin;
	expect([...origins].filter((origin) => origin !== own)).toEqual([]);
	expect(origins.has(own)).toBe(true);
}

/** Saves a screenshot as a test artefact under tests/artifacts/. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `tests/artifacts/${name}.png` });
}

/** Clicks the map canvas where a coordinate is drawn, as a reader's mouse would. */
export async function clickMapAt(page: Page, lngLat: [number, number]): Promise<void> {
	const point = await page.evaluate((ll) => window.protestAtlas!.map.project(ll), lngLat);
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** Hovers the map canvas at a coordinate. */
export async function hoverMapAt(page: Page, lngLat: [number, number]): Promise<void> {
	const point = await page.evaluate((ll) => window.protestAtlas!.map.project(ll), lngLat);
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	await page.mouse.move(box.x + point.x, box.y + point.y);
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
	if (!(await page.evaluate(() => 'axe' in window)))
		await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (
						ctx: unknown,
						opts: unknown
					) => Promise<{ violations: { id: string; help: string; impact: string; nodes: { target: string[] }[] }[] }>;
				};
			}
		).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
	});
}

/** Sourced coordinates of places the tests visit. */
export const PUSHKINSKAYA: [number, number] = [27.49702, 53.90966];
export const MINSK: [number, number] = [27.56667, 53.9];

/** Records every text painted on a 2D canvas from the next page load on: a picture cannot be read back as words. */
export async function recordPaintedText(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const painted: string[] = [];
		(window as unknown as { painted: string[] }).painted = painted;
		const fillText = CanvasRenderingContext2D.prototype.fillText;
		CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
			painted.push(text);
			return fillText.call(this, text, ...rest);
		};
	});
}

/** The texts painted on canvases so far, in order (see recordPaintedText). */
export const paintedText = (page: Page): Promise<string[]> =>
	page.evaluate(() => (window as unknown as { painted: string[] }).painted);
