/**
 * The map as a picture a newsroom can publish: the rendered map with the title, the date range,
 * the key (drawn from the same scales as the markers) and the attribution painted into the image.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { ImageDecorations } from '$lib/state/map-handle';
import { BASEMAP_ATTRIBUTION } from './basemap-style';
import { creditText, drawKey, fontOf, INK, PAPER } from './frame-overlay';

/** Paints the map canvas and its decorations onto a new canvas, at the map's pixel ratio. */
function composeImage(
	map: HTMLCanvasElement,
	decorations: ImageDecorations,
	basemapCredits: string[],
	ratio: number
): HTMLCanvasElement {
	const width = map.width;
	const header = Math.round(40 * ratio);
	const canvas = document.createElement('canvas');
	const ctx = canvas.getContext('2d')!;
	// The key is measured first, to size the picture, then drawn.
	const keyHeight = drawKey(ctx, 12 * ratio, 0, width - 24 * ratio, ratio, decorations, false);
	canvas.width = width;
	canvas.height = Math.round(map.height + header + 10 * ratio + keyHeight + 28 * ratio);
	ctx.fillStyle = PAPER;
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(map, 0, header);
	ctx.fillStyle = INK;
	ctx.font = fontOf(15, ratio, 600);
	ctx.textBaseline = 'middle';
	ctx.fillText(decorations.title, 12 * ratio, header / 2);
	ctx.font = fontOf(13, ratio);
	ctx.textAlign = 'right';
	ctx.fillText(decorations.range, width - 12 * ratio, header / 2);
	ctx.textAlign = 'left';
	const keyBottom = drawKey(ctx, 12 * ratio, header + map.height + 10 * ratio, width - 24 * ratio, ratio, decorations);
	ctx.fillStyle = '#6b6257';
	ctx.font = fontOf(10, ratio);
	const credits = [...decorations.attribution, ...basemapCredits.map(creditText)].join(' · ');
	ctx.fillText(credits, 12 * ratio, keyBottom + 16 * ratio, width - 24 * ratio);
	return canvas;
}

/** The basemap's credits, as the picture and the video print them. */
export const basemapCredits = (): string[] =>
	import.meta.env.PUBLIC_BASEMAP_STYLE_URL ? [] : [creditText(BASEMAP_ATTRIBUTION)];

/** The map as a PNG, with the title, dates, key and attribution painted in. */
export function exportMapImage(map: MaplibreMap, decorations: ImageDecorations): Promise<Blob> {
	// The drawing buffer is only readable within the frame that drew it.
	return new Promise((resolve, reject) => {
		map.once('render', () => {
			const canvas = composeImage(map.getCanvas(), decorations, basemapCredits(), window.devicePixelRatio || 1);
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png');
		});
		map.triggerRepaint();
	});
}
