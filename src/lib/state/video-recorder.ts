/**
 * Films a plan (data/video/plan.ts): for each shot the view is set as any act of the reader's
 * would set it, then each frame is drawn by the map at the frame's size and handed to the encoder
 * before the next is drawn. Cancelling stops at the next frame and leaves no file.
 */
import { cameraBetween, type Camera } from '$lib/data/camera';
import { frameCount, gifHoldMs, gifMoveMs, type Pace, type Shot, type VideoPlan } from '$lib/data/video/plan';
import type { CameraTarget } from '$lib/data/story/story-camera';
import type { FrameBaseWords, MapHandle, ShotWords } from './map-handle';
import { openEncoder, videoSupport } from './video-encoder';

export interface Filming {
	plan: VideoPlan;
	pace: Pace;
	map: MapHandle;
	/** What every frame prints: title, key and credits. */
	words: FrameBaseWords;
	/** How many lines the longest caption may take. */
	captionLines: number;
	/** Sets the view for a shot; resolves once the view shows it. */
	show(shot: Shot): Promise<void>;
	/** A shot's caption, counts and sources, read once it is shown. */
	caption(shot: Shot): Promise<ShotWords>;
	/** Where a shot puts the camera; none keeps it where it is. */
	target(shot: Shot): CameraTarget | undefined;
	signal: AbortSignal;
	/** Called after each frame, with the frame as drawn, for a preview. */
	onProgress(done: number, total: number, frame: HTMLCanvasElement): void;
}

/** Thrown when the reader cancels: nothing is saved. */
class VideoCancelled extends Error {
	constructor() {
		super('The video was cancelled.');
		this.name = 'VideoCancelled';
	}
}

export async function filmVideo(filming: Filming): Promise<Blob> {
	const { plan, map, signal } = filming;
	const check = () => {
		if (signal.aborted) throw new VideoCancelled();
	};
	// A GIF needs no video encoder: mediabunny is not loaded for it.
	const support = plan.format === 'gif' ? { mp4: false, webm: undefined } : await videoSupport(plan.size);
	const capture = await map.startFrames(plan.size, filming.words, filming.captionLines);
	const total = frameCount(plan);
	let done = 0;
	let encoder: Awaited<ReturnType<typeof openEncoder>> | undefined;
	try {
		encoder = await openEncoder(plan.format, capture.canvas, plan.fps, support);
		let camera: Camera = capture.startCamera;

		for (const [index, shot] of plan.shots.entries()) {
			check();
			await filming.show(shot);
			const target = filming.target(shot);
			const to = target ? capture.cameraFor(target) : camera;
			const words = { ...filming.words, ...(await filming.caption(shot)) };
			// The first shot starts where it is; a move is drawn frame by frame, never flown.
			const from = index === 0 ? to : camera;
			for (let k = 1; k <= shot.moveFrames; k++) {
				check();
				await capture.draw(cameraBetween(from, to, k / shot.moveFrames), words);
				await encoder.add(1, gifMoveMs());
				filming.onProgress(++done, total, capture.canvas);
			}
			check();
			await capture.draw(to, words);
			await encoder.add(shot.holdFrames, gifHoldMs(filming.pace));
			done += shot.holdFrames;
			filming.onProgress(done, total, capture.canvas);
			camera = to;
		}
		check();
		return await encoder.finish();
	} catch (error) {
		await encoder?.cancel().catch(() => {});
		throw error;
	} finally {
		capture.end();
	}
}
