/**
 * Day-by-day playback of the week. It only chooses the date range; the one filtered view
 * and the map follow it like any other filter change.
 */
import { playbackRange, type DateRange, type PlaybackMode } from '$lib/data/timeline';

const SPEEDS = { slow: 1600, normal: 900, fast: 450 } as const;
export type Speed = keyof typeof SPEEDS;

export interface PlaybackOptions {
	days: () => readonly string[];
	/** Shows a range; called on every step. */
	show: (range: DateRange) => void;
	/** Timer functions, replaceable in tests. */
	timers?: { set: (fn: () => void, ms: number) => number; clear: (id: number) => void };
}

export function createPlayback({ days, show, timers }: PlaybackOptions) {
	const clock = timers ?? {
		set: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
		clear: (id: number) => clearInterval(id)
	};
	let playing = $state(false);
	let mode = $state<PlaybackMode>('day');
	let speed = $state<Speed>('normal');
	let index = $state(0);
	let timer: number | undefined;

	function stopTimer() {
		if (timer !== undefined) clock.clear(timer);
		timer = undefined;
	}
	function startTimer() {
		stopTimer();
		timer = clock.set(step, SPEEDS[speed]);
	}
	function step() {
		if (index >= days().length - 1) {
			pause();
			return;
		}
		index++;
		show(playbackRange(days(), index, mode));
	}
	function play() {
		if (index >= days().length - 1) index = 0;
		playing = true;
		show(playbackRange(days(), index, mode));
		startTimer();
	}
	function pause() {
		playing = false;
		stopTimer();
	}

	return {
		get playing() {
			return playing;
		},
		get index() {
			return index;
		},
		get mode() {
			return mode;
		},
		set mode(value: PlaybackMode) {
			mode = value;
			if (playing) show(playbackRange(days(), index, mode));
		},
		get speed() {
			return speed;
		},
		set speed(value: Speed) {
			speed = value;
			if (playing) startTimer();
		},
		play,
		pause,
		toggle: () => (playing ? pause() : play()),
		/** Ends playback for good, e.g. when the page goes away. */
		destroy: stopTimer
	};
}
export type Playback = ReturnType<typeof createPlayback>;
