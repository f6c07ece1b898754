/** Where a map looks, and the way from one such view to another. */

/** A map camera: its centre (longitude, latitude) and zoom. */
export interface Camera {
	center: [number, number];
	zoom: number;
}

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const longitude = (x: number) => x * 360 - 180;
const latitude = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** Eases in and out, so that a move starts and stops gently. */
const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/**
 * The camera a fraction `t` of the way from `from` to `to`: the zoom changes evenly and the
 * centre moves in the map's own (Mercator) plane, so a move looks the same at any latitude.
 */
export function cameraBetween(from: Camera, to: Camera, t: number): Camera {
	const k = ease(Math.min(Math.max(t, 0), 1));
	const x = mercatorX(from.center[0]) + (mercatorX(to.center[0]) - mercatorX(from.center[0])) * k;
	const y = mercatorY(from.center[1]) + (mercatorY(to.center[1]) - mercatorY(from.center[1])) * k;
	return { center: [longitude(x), latitude(y)], zoom: from.zoom + (to.zoom - from.zoom) * k };
}
