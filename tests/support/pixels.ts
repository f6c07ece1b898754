import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';

/** The map canvas as decoded pixels, at CSS pixel size (the tests run at device pixel ratio 1). */
export async function canvasPixels(page: Page): Promise<PNG> {
	const canvas: Locator = page.locator('.maplibregl-canvas');
	return PNG.sync.read(await canvas.screenshot({ animations: 'disabled' }));
}

/** Sets the visibility of map layers and waits for the map to draw the change. */
export async function setLayersVisible(page: Page, layers: string[], visible: boolean): Promise<void> {
	await page.evaluate(
		({ ids, on }) =>
			new Promise<void>((resolve) => {
				const map = window.protestAtlas!.map;
				for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
				map.once('idle', () => resolve());
				map.triggerRepaint();
			}),
		{ ids: layers, on: visible }
	);
}

/** Whether two images differ at a pixel, by more than anti-aliasing noise. */
function differs(a: PNG, b: PNG, x: number, y: number, threshold = 24): boolean {
	const i = (b.width * y + x) << 2;
	return (
		Math.abs(a.data[i]! - b.data[i]!) +
			Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
			Math.abs(a.data[i + 2]! - b.data[i + 2]!) >
		threshold
	);
}

export function pixel(image: PNG, x: number, y: number): [number, number, number] {
	const i = (image.width * Math.round(y) + Math.round(x)) << 2;
	return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

/** Pixels that differ between two images inside a box. */
export function changedPixels(a: PNG, b: PNG, box = { x: 0, y: 0, width: a.width, height: a.height }): number {
	let count = 0;
	for (let y = Math.max(0, box.y); y < Math.min(a.height, box.y + box.height); y++)
		for (let x = Math.max(0, box.x); x < Math.min(a.width, box.x + box.width); x++) if (differs(a, b, x, y)) count++;
	return count;
}

/**
 * The outer radius of what `withMarker` draws over `without` around a centre, measured along the
 * horizontal line through it: half the span of changed pixels.
 */
export function drawnRadius(withMarker: PNG, without: PNG, [cx, cy]: [number, number], reach: number): number {
	const y = Math.round(cy);
	let left = Infinity;
	let right = -Infinity;
	for (let x = Math.round(cx - reach); x <= Math.round(cx + reach); x++) {
		if (x < 0 || x >= withMarker.width || !differs(withMarker, without, x, y)) continue;
		left = Math.min(left, x);
		right = Math.max(right, x);
	}
	return (right - left + 1) / 2;
}
