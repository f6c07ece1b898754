import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween } from '../timeline';
import { frameCount, frameSize, gifHoldMs, holdFrames, planStory, planWeek, VIDEO_FPS } from './plan';

const week = daysBetween('2020-08-09', '2020-08-16');

describe('the week as shots', () => {
	it('shows each day once, in order, that day only or everything up to it', () => {
		const only = planWeek(week, 'day', { unit: 'seconds', amount: 1 }, 'webm', '1080x1080');
		expect(only.shots.map((s) => (s.kind === 'day' ? s.day : ''))).toEqual(week);
		expect(only.shots.map((s) => (s.kind === 'day' ? s.range : undefined))).toEqual(
			week.map((day) => ({ from: day, to: day }))
		);
		const upTo = planWeek(week, 'cumulative', { unit: 'seconds', amount: 1 }, 'webm', '1080x1080');
		expect(upTo.shots.map((s) => (s.kind === 'day' ? s.range : undefined))).toEqual(
			week.map((day) => ({ from: week[0], to: day }))
		);
	});

	it('holds a day for its seconds at the frame rate, or for its frames', () => {
		const seconds = planWeek(week, 'day', { unit: 'seconds', amount: 1.5 }, 'mp4', '1920x1080');
		expect(frameCount(seconds)).toBe(week.length * 1.5 * VIDEO_FPS);
		const frames = planWeek(week, 'day', { unit: 'frames', amount: 3 }, 'mp4', '1920x1080');
		expect(frameCount(frames)).toBe(week.length * 3);
	});

	it('gives a GIF one frame a day at half the size, lasting the day', () => {
		const gif = planWeek(week, 'day', { unit: 'seconds', amount: 2 }, 'gif', '1080x1920');
		expect(frameCount(gif)).toBe(week.length);
		expect(gif.size).toEqual({ width: 540, height: 960 });
		expect(gifHoldMs({ unit: 'seconds', amount: 2 })).toBe(2000);
		expect(gifHoldMs({ unit: 'frames', amount: 15 })).toBe(500);
	});
});

describe('a story as shots', () => {
	it('moves the camera into every chapter but the first', () => {
		const plan = planStory(3, { unit: 'seconds', amount: 4 }, 'mp4', '1080x1080');
		expect(plan.shots.map((s) => s.moveFrames)).toEqual([0, 36, 36]);
		expect(frameCount(plan)).toBe(3 * 4 * VIDEO_FPS + 2 * 36);
		expect(frameCount(planStory(3, { unit: 'seconds', amount: 4 }, 'gif', '1080x1080'))).toBe(3 + 2 * 4);
	});
});

describe('sizes and holds', () => {
	it('reads a size name as pixels', () => {
		expect(frameSize('1920x1080', 'mp4')).toEqual({ width: 1920, height: 1080 });
		expect(frameSize('1080x1080', 'gif')).toEqual({ width: 540, height: 540 });
	});
	it('never holds a shot for less than a frame', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 100, noNaN: true }),
				fc.constantFrom('seconds', 'frames'),
				(amount, unit) => {
					const frames = holdFrames({ unit: unit as 'seconds' | 'frames', amount }, VIDEO_FPS);
					expect(Number.isInteger(frames)).toBe(true);
					expect(frames).toBeGreaterThanOrEqual(1);
				}
			)
		);
	});
});
