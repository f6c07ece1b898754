/**
 * Frames in, a video file out: H.264 in MP4 or VP9 (else VP8) in WebM through the browser's
 * WebCodecs, muxed by mediabunny as they come, or a GIF by gifenc. Each frame is encoded when it
 * is added and then let go, so memory holds the file being written, never the frames.
 * Both libraries load on the first video, not with the page.
 */
import type { FrameSize, VideoFormat } from '$lib/data/video/plan';

export interface FrameEncoder {
	/** Adds the canvas as it stands for `frames` frames; a GIF adds one frame lasting `gifMs`. */
	add(frames: number, gifMs: number): Promise<void>;
	/** Ends the file. */
	finish(): Promise<Blob>;
	/** Drops the file. */
	cancel(): Promise<void>;
}

/** What this browser can write at this size: MP4 only where it has an H.264 encoder. */
export interface VideoSupport {
	mp4: boolean;
	webm: 'vp9' | 'vp8' | undefined;
}

export async function videoSupport(size: FrameSize): Promise<VideoSupport> {
	if (typeof VideoEncoder === 'undefined') return { mp4: false, webm: undefined };
	const { canEncodeVideo, QUALITY_HIGH } = await import('mediabunny');
	const can = (codec: 'avc' | 'vp9' | 'vp8') => canEncodeVideo(codec, { ...size, quality: QUALITY_HIGH });
	const [avc, vp9, vp8] = await Promise.all([can('avc'), can('vp9'), can('vp8')]);
	return { mp4: avc, webm: vp9 ? 'vp9' : vp8 ? 'vp8' : undefined };
}

export async function openEncoder(
	format: VideoFormat,
	canvas: HTMLCanvasElement,
	fps: number,
	support: VideoSupport
): Promise<FrameEncoder> {
	if (format === 'gif') return openGif(canvas);
	const codec = format === 'mp4' ? 'avc' : support.webm;
	if (!codec || (format === 'mp4' && !support.mp4))
		throw new Error(`This browser cannot write ${format.toUpperCase()}.`);
	const { BufferTarget, CanvasSource, Mp4OutputFormat, Output, QUALITY_HIGH, WebMOutputFormat } =
		await import('mediabunny');
	const target = new BufferTarget();
	const output = new Output({
		// The index up front, so that a player starts before the whole file has arrived.
		format: format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
		target
	});
	const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 2 });
	output.addVideoTrack(source, { frameRate: fps });
	await output.start();
	let written = 0;
	return {
		async add(frames) {
			for (let i = 0; i < frames; i++) {
				// Waits while the encoder is busy: frames never pile up in memory.
				await source.add(written / fps, 1 / fps);
				written++;
			}
		},
		async finish() {
			source.close();
			await output.finalize();
			return new Blob([target.buffer!], { type: format === 'mp4' ? 'video/mp4' : 'video/webm' });
		},
		cancel: () => output.cancel()
	};
}

async function openGif(canvas: HTMLCanvasElement): Promise<FrameEncoder> {
	const { GIFEncoder, applyPalette, quantize } = await import('gifenc');
	const gif = GIFEncoder();
	const ctx = canvas.getContext('2d')!;
	return {
		async add(_frames, gifMs) {
			const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
			// A palette per frame: a day's colours, not the whole week's, get the 256 places.
			const palette = quantize(data, 256);
			gif.writeFrame(applyPalette(data, palette), canvas.width, canvas.height, { palette, delay: gifMs });
		},
		async finish() {
			gif.finish();
			return new Blob([gif.bytes() as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
		},
		async cancel() {}
	};
}
