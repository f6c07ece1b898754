/**
 * What a video shows, frame by frame, before anything is drawn: the week's playback day by day,
 * or a story chapter by chapter. Each shot is one view (its dates, or its chapter) held for some
 * frames; a story's shot first moves the camera there. The recorder draws what this plans.
 */
import { playbackRange, type DateRange, type PlaybackMode } from '../timeline';

export const VIDEO_FORMATS = ['mp4', 'webm', 'gif'] as const;
export type VideoFormat = (typeof VIDEO_FORMATS)[number];

/** Landscape for a page or a newsroom's player, square for a feed, vertical for a phone's stories. */
export const VIDEO_SIZES = ['1920x1080', '1080x1080', '1080x1920'] as const;
export type VideoSizeName = (typeof VIDEO_SIZES)[number];
export interface FrameSize {
	width: number;
	height: number;
}

/** Frames per second of an MP4 or WebM: smooth camera moves, and a rate every platform takes. */
export const VIDEO_FPS = 30;
/** A GIF is half the size: a messenger shows it small, and it stays a few megabytes. */
const GIF_SCALE = 0.5;
/** How many frames a GIF gives a camera move: enough to see where it goes. */
const GIF_MOVE_FRAMES = 4;
/** How long a story's camera takes to move to a chapter. */
const MOVE_SECONDS = 1.2;
/** The shortest a GIF frame may last: browsers play shorter delays at 100 ms. */
const GIF_MIN_DELAY_MS = 20;

export interface Pace {
	/** Each day (or chapter) lasts `amount` seconds, or `amount` frames. */
	unit: 'seconds' | 'frames';
	amount: number;
}

/** Sensible first choices: a second a day, four seconds a chapter. */
export const DEFAULT_DAY_PACE: Pace = { unit: 'seconds', amount: 1 };
export const DEFAULT_CHAPTER_PACE: Pace = { unit: 'seconds', amount: 4 };

export type Shot =
	| { kind: 'day'; day: string; range: DateRange; moveFrames: 0; holdFrames: number }
	| { kind: 'chapter'; chapter: number; moveFrames: number; holdFrames: number };

export interface VideoPlan {
	format: VideoFormat;
	size: FrameSize;
	/** Frames per second; a GIF's frames instead last `frameMs` each, or their shot's hold. */
	fps: number;
	shots: Shot[];
}

export function frameSize(name: VideoSizeName, format: VideoFormat): FrameSize {
	const [width, height] = name.split('x').map(Number) as [number, number];
	const scale = format === 'gif' ? GIF_SCALE : 1;
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** How many frames a pace holds a shot for, at least one. */
export function holdFrames(pace: Pace, fps: number): number {
	const frames = pace.unit === 'frames' ? pace.amount : pace.amount * fps;
	return Math.max(1, Math.round(frames));
}

/** A GIF holds each shot in one frame that lasts as long: fewer frames, the same timing. */
function holdFor(pace: Pace, format: VideoFormat): number {
	return format === 'gif' ? 1 : holdFrames(pace, VIDEO_FPS);
}

/** The week's playback: a shot per day, showing that day only or everything up to it. */
export function planWeek(
	days: readonly string[],
	mode: PlaybackMode,
	pace: Pace,
	format: VideoFormat,
	size: VideoSizeName
): VideoPlan {
	const shots: Shot[] = days.map((day, index) => ({
		kind: 'day',
		day,
		range: playbackRange(days, index, mode),
		moveFrames: 0,
		holdFrames: holdFor(pace, format)
	}));
	return { format, size: frameSize(size, format), fps: VIDEO_FPS, shots };
}

/** A story: a shot per chapter, the camera moving to each after the first. */
export function planStory(chapters: number, pace: Pace, format: VideoFormat, size: VideoSizeName): VideoPlan {
	const move = format === 'gif' ? GIF_MOVE_FRAMES : Math.round(MOVE_SECONDS * VIDEO_FPS);
	const shots: Shot[] = Array.from({ length: chapters }, (_, chapter) => ({
		kind: 'chapter',
		chapter,
		moveFrames: chapter === 0 ? 0 : move,
		holdFrames: holdFor(pace, format)
	}));
	return { format, size: frameSize(size, format), fps: VIDEO_FPS, shots };
}

/** Every frame the plan makes, moves included. */
export const frameCount = (plan: VideoPlan): number =>
	plan.shots.reduce((sum, shot) => sum + shot.moveFrames + shot.holdFrames, 0);

/** How long a GIF shows a shot's held frame, in milliseconds. */
export function gifHoldMs(pace: Pace): number {
	const seconds = pace.unit === 'frames' ? pace.amount / VIDEO_FPS : pace.amount;
	return Math.max(GIF_MIN_DELAY_MS, Math.round(seconds * 1000));
}

/** How long a GIF shows each frame of a camera move. */
export const gifMoveMs = (): number => Math.round((MOVE_SECONDS * 1000) / GIF_MOVE_FRAMES);
