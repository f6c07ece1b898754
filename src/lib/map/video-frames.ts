/**
 * The map drawing a video's frames: resized to the frame (its bands aside) at a pixel ratio that
 * keeps markers and labels in proportion, moved to each frame's camera, and read only once
 * everything in view is drawn. So a slow machine makes the same frames as a fast one.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Camera } from '$lib/data/camera';
import type { FrameSize } from '$lib/data/video/plan';
import type { FrameBaseWords, FrameCapture } from '$lib/state/map-handle';
import { basemapCredits } from './export-image';
import { drawFrameBands, frameLayout, loadFontFor, PAPER } from './frame-overlay';

/** How long a frame waits for its tiles and markers before it is drawn as it stands. */
const DRAWN_WAIT_MS = 10_000;

/** Copies the map into the frame at the end of the next frame that leaves nothing to load. */
function whenDrawn(map: MaplibreMap, copy: () => void): Promise<void> {
	return new Promise((resolve) => {
		let done = false;
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			map.off('idle', finish);
			// Within the frame that drew it, the drawing buffer is still there to read.
			copy();
			resolve();
		};
		const timer = setTimeout(() => {
			map.once('render', finish);
			map.triggerRepaint();
		}, DRAWN_WAIT_MS);
		map.on('idle', finish);
		map.triggerRepaint();
	});
}

export async function startFrameCapture(
	map: MaplibreMap,
	size: FrameSize,
	words: FrameBaseWords,
	captionLines: number
): Promise<FrameCapture> {
	const element = map.getContainer();
	const saved = {
		style: element.style.cssText,
		ratio: map.getPixelRatio(),
		camera: { center: map.getCenter(), zoom: map.getZoom() },
		bounds: map.getBounds()
	};
	const withCredits = { ...words, attribution: [...words.attribution, ...basemapCredits()] };
	const canvas = document.createElement('canvas');
	canvas.width = size.width;
	canvas.height = size.height;
	const ctx = canvas.getContext('2d', { willReadFrequently: false })!;
	await loadFontFor([withCredits.title, ...withCredits.attribution]);
	const layout = frameLayout(ctx, size, withCredits, captionLines);
	const mapHeight = size.height - layout.top - layout.bottom;
	Object.assign(element.style, {
		position: 'fixed',
		left: '0',
		top: '0',
		width: `${size.width / layout.ratio}px`,
		height: `${mapHeight / layout.ratio}px`
	});
	map.setPixelRatio(layout.ratio);
	map.resize();
	const fitted = map.cameraForBounds(saved.bounds);
	const startCamera: Camera = fitted?.center
		? { center: toPair(fitted.center), zoom: fitted.zoom ?? saved.camera.zoom }
		: { center: [saved.camera.center.lng, saved.camera.center.lat], zoom: saved.camera.zoom };

	return {
		canvas,
		startCamera,
		cameraFor(target) {
			if ('center' in target) return { center: target.center, zoom: target.zoom };
			const fit = map.cameraForBounds(target.bounds, { padding: 40, maxZoom: target.maxZoom });
			return fit?.center ? { center: toPair(fit.center), zoom: fit.zoom ?? startCamera.zoom } : startCamera;
		},
		async draw(camera, frameWords) {
			await loadFontFor([frameWords.caption, frameWords.detail, frameWords.sources]);
			map.jumpTo({ center: camera.center, zoom: camera.zoom });
			await whenDrawn(map, () => {
				ctx.fillStyle = PAPER;
				ctx.fillRect(0, 0, size.width, size.height);
				ctx.drawImage(map.getCanvas(), 0, layout.top, size.width, mapHeight);
			});
			drawFrameBands(ctx, layout, { ...frameWords, attribution: withCredits.attribution });
		},
		end() {
			element.style.cssText = saved.style;
			map.setPixelRatio(saved.ratio);
			map.resize();
			map.jumpTo(saved.camera);
		}
	};
}

function toPair(
	center: { lng: number; lat: number } | [number, number] | { lon: number; lat: number }
): [number, number] {
	if (Array.isArray(center)) return center;
	return ['lng' in center ? center.lng : center.lon, center.lat];
}
