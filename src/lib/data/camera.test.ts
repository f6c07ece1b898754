import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cameraBetween } from './camera';

describe('a camera move', () => {
	const minsk = { center: [27.56, 53.9] as [number, number], zoom: 11 };
	const belarus = { center: [27.9, 53.7] as [number, number], zoom: 6 };
	it('starts at the first camera and ends at the second', () => {
		for (const [t, camera] of [
			[0, belarus],
			[1, minsk]
		] as const) {
			const at = cameraBetween(belarus, minsk, t);
			expect(at.zoom).toBeCloseTo(camera.zoom, 10);
			expect(at.center[0]).toBeCloseTo(camera.center[0], 10);
			expect(at.center[1]).toBeCloseTo(camera.center[1], 10);
		}
	});
	it('moves steadily on, never back, and stays between its ends', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
				const [early, late] = a < b ? [a, b] : [b, a];
				const first = cameraBetween(belarus, minsk, early);
				const second = cameraBetween(belarus, minsk, late);
				expect(second.zoom).toBeGreaterThanOrEqual(first.zoom - 1e-9);
				expect(second.center[0]).toBeLessThanOrEqual(first.center[0] + 1e-9);
				expect(second.center[1]).toBeGreaterThanOrEqual(first.center[1] - 1e-9);
				expect(second.zoom).toBeLessThanOrEqual(11 + 1e-9);
			})
		);
	});
});
