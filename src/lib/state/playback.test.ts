import { describe, expect, it } from 'vitest';
import { daysBetween, type DateRange } from '$lib/data/timeline';
import { createPlayback } from './playback.svelte';

/** A fake interval timer that a test advances by hand. */
function fakeTimers() {
	const tasks = new Map<number, () => void>();
	let next = 1;
	return {
		set: (fn: () => void) => {
			tasks.set(next, fn);
			return next++;
		},
		clear: (id: number) => void tasks.delete(id),
		tick: () => [...tasks.values()].forEach((fn) => fn()),
		get active() {
			return tasks.size;
		}
	};
}

const week = daysBetween('2020-08-09', '2020-08-16');

describe('playback', () => {
	it('advances day by day, showing that day only, and stops at the end', () => {
		const shown: DateRange[] = [];
		const timers = fakeTimers();
		const playback = createPlayback({ days: () => week, show: (r) => shown.push(r), timers });
		playback.play();
		for (let i = 0; i < 10; i++) timers.tick();
		expect(shown.map((r) => r.from)).toEqual(week);
		expect(shown.every((r) => r.from === r.to)).toBe(true);
		expect(playback.playing).toBe(false);
		expect(timers.active).toBe(0);
	});

	it('can show everything up to the current day', () => {
		const shown: DateRange[] = [];
		const timers = fakeTimers();
		const playback = createPlayback({ days: () => week, show: (r) => shown.push(r), timers });
		playback.mode = 'cumulative';
		playback.play();
		timers.tick();
		timers.tick();
		expect(shown.at(-1)).toEqual({ from: '2020-08-09', to: '2020-08-11' });
	});

	it('pauses and resumes where it was', () => {
		const shown: DateRange[] = [];
		const timers = fakeTimers();
		const playback = createPlayback({ days: () => week, show: (r) => shown.push(r), timers });
		playback.play();
		timers.tick();
		playback.pause();
		timers.tick();
		expect(shown.at(-1)?.from).toBe('2020-08-10');
		playback.play();
		timers.tick();
		expect(shown.at(-1)?.from).toBe('2020-08-11');
	});
});
