/**
 * Reading a video file as a player would: Debian's ffprobe for its container, codec, size,
 * length and frames, and ffmpeg for a frame's pixels.
 */
import { execFileSync } from 'node:child_process';

export interface Probe {
	format: string;
	codec: string;
	width: number;
	height: number;
	/** Frames counted by decoding them all. */
	frames: number;
	seconds: number;
}

export function probe(file: string): Probe {
	const text = execFileSync('ffprobe', [
		'-v',
		'error',
		'-count_frames',
		'-select_streams',
		'v:0',
		'-show_entries',
		'stream=codec_name,width,height,nb_read_frames:format=format_name,duration',
		'-of',
		'json',
		file
	]).toString();
	const json = JSON.parse(text) as {
		streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[];
		format: { format_name: string; duration?: string };
	};
	const stream = json.streams[0]!;
	return {
		format: json.format.format_name,
		codec: stream.codec_name,
		width: stream.width,
		height: stream.height,
		frames: Number(stream.nb_read_frames),
		seconds: Number(json.format.duration)
	};
}

/** A frame's pixels, decoded, as RGB rows. */
export interface Frame {
	width: number;
	height: number;
	rgb: Buffer;
	at(x: number, y: number): [number, number, number];
}

export function frameOf(file: string, index: number, width: number, height: number): Frame {
	const rgb = execFileSync(
		'ffmpeg',
		[
			'-v',
			'error',
			'-i',
			file,
			'-vf',
			`select=eq(n\\,${index})`,
			'-vframes',
			'1',
			'-f',
			'rawvideo',
			'-pix_fmt',
			'rgb24',
			'-'
		],
		{ maxBuffer: width * height * 3 + 1024 }
	);
	return {
		width,
		height,
		rgb,
		at(x, y) {
			const i = (Math.round(y) * width + Math.round(x)) * 3;
			return [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
		}
	};
}

/** How far apart two colours are, the largest of the channels' differences. */
export const colourDistance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/** The largest colour difference between two frames within `radius` pixels of a point. */
export function differenceAround(a: Frame, b: Frame, x: number, y: number, radius: number): number {
	let most = 0;
	for (let dy = -radius; dy <= radius; dy++)
		for (let dx = -radius; dx <= radius; dx++)
			most = Math.max(most, colourDistance(a.at(x + dx, y + dy), b.at(x + dx, y + dy)));
	return most;
}
