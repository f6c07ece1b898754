/**
 * The map as a picture a newsroom can publish: the rendered map with the title, the date range,
 * the key (drawn from the same scales as the markers) and the attribution painted into the image.
 */
import { EVENT_TYPE_IDS } from '$lib/data/vocabulary';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { ImageDecorations } from '$lib/state/map-handle';
import { BASEMAP_ATTRIBUTION } from './basemap-style';
import { markerRadius, sizeTicks } from '$lib/scales/scales';

/** Plain text of HTML credits such as `<a href=…>Natural Earth</a>`. */
function creditText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Paints the map canvas and its decorations onto a new canvas, at the map's pixel ratio. */
function composeImage(
	map: HTMLCanvasElement,
	decorations: ImageDecorations,
	basemapCredits: string[],
	ratio: number
): HTMLCanvasElement {
	const width = map.width;
	const ticks = sizeTicks(decorations.scales);
	const radii = ticks.map((t) => markerRadius(decorations.scales, t) * ratio);
	const tallest = Math.max(0, ...radii) * 2;
	const footer = Math.round(60 * ratio + tallest);
	const header = Math.round(40 * ratio);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = map.height + header + footer;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#fbfaf6';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(map, 0, header);
	const px = (n: number) => `${Math.round(n * ratio)}px 'Noto Sans', sans-serif`;
	ctx.fillStyle = '#2b2722';
	ctx.font = `600 ${px(15)}`;
	ctx.textBaseline = 'middle';
	ctx.fillText(decorations.title, 12 * ratio, header / 2);
	ctx.font = px(13);
	ctx.textAlign = 'right';
	ctx.fillText(decorations.range, width - 12 * ratio, header / 2);
	ctx.textAlign = 'left';

	// The key: one swatch per type, then the size circles, as the legend draws them.
	const keyY = header + map.height + 18 * ratio;
	let x = 12 * ratio;
	ctx.font = px(11);
	for (const type of EVENT_TYPE_IDS) {
		ctx.fillStyle = decorations.scales.colour(type);
		ctx.beginPath();
		ctx.arc(x + 5 * ratio, keyY, 5 * ratio, 0, Math.PI * 2);
		ctx.fill();
		ctx.fillStyle = '#2b2722';
		const label = decorations.typeLabel(type);
		ctx.fillText(label, x + 13 * ratio, keyY);
		x += 13 * ratio + ctx.measureText(label).width + 12 * ratio;
	}
	// Circles at their drawn size, standing on one line, so they compare as on the map.
	ctx.strokeStyle = '#2b2722';
	const base = keyY + 14 * ratio + tallest;
	x = 12 * ratio;
	ticks.forEach((tick, i) => {
		const r = radii[i]!;
		ctx.beginPath();
		ctx.arc(x + r, base - r, r, 0, Math.PI * 2);
		ctx.stroke();
		const label = decorations.sizeLabel(tick);
		ctx.fillText(label, x + 2 * r + 4 * ratio, base - 6 * ratio);
		x += 2 * r + 16 * ratio + ctx.measureText(label).width;
	});
	ctx.fillStyle = '#6b6257';
	ctx.font = px(10);
	const credits = [...decorations.attribution, ...basemapCredits.map(creditText)].join(' · ');
	ctx.fillText(credits, 12 * ratio, base + 16 * ratio, width - 24 * ratio);
	return canvas;
}

/** The map as a PNG, with the title, dates, key and attribution painted in. */
export function exportMapImage(map: MaplibreMap, decorations: ImageDecorations): Promise<Blob> {
	// The drawing buffer is only readable within the frame that drew it.
	return new Promise((resolve, reject) => {
		map.once('render', () => {
			const credits = import.meta.env.PUBLIC_BASEMAP_STYLE_URL ? [] : [BASEMAP_ATTRIBUTION];
			const canvas = composeImage(map.getCanvas(), decorations, credits, window.devicePixelRatio || 1);
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png');
		});
		map.triggerRepaint();
	});
}
