/**
 * The command line of `npm run video`: what to film and where to write it. Every mistake is
 * named with the option it concerns, never guessed around.
 */
import { DEFAULT_CHAPTER_PACE, DEFAULT_DAY_PACE, VIDEO_FORMATS, VIDEO_SIZES, type Pace } from './plan';
import type { VideoFormat, VideoSizeName } from './plan';
import type { PlaybackMode } from '../timeline';

interface VideoArgs {
	data: string;
	story?: string;
	size: VideoSizeName;
	format: VideoFormat;
	out: string;
	lang: 'en' | 'be' | 'ru';
	mode: PlaybackMode;
	pace: Pace;
	/** The built app to drive. */
	build: string;
}

export const VIDEO_USAGE = `Usage: npm run video -- --data <slug> [--story <slug>] [--size ${VIDEO_SIZES.join('|')}]
                       [--format ${VIDEO_FORMATS.join('|')}] [--lang en|be|ru] [--mode day|cumulative]
                       [--seconds <n> | --frames <n>] [--build <dir>] --out <file>

Films the week's playback (or a story, with --story) from the built app (npm run build) in
headless Chromium. --seconds or --frames sets how long each day (or chapter) lasts.`;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VALUED = ['data', 'story', 'size', 'format', 'out', 'lang', 'mode', 'seconds', 'frames', 'build'] as const;
type Option = (typeof VALUED)[number];
/** The longest a day or chapter may last, and the most frames it may take: a video, not a film. */
const MAX_SECONDS = 60;
const MAX_FRAMES = 1800;

export type ParsedVideoArgs = { ok: true; args: VideoArgs } | { ok: false; problems: string[] };

export function parseVideoArgs(argv: readonly string[]): ParsedVideoArgs {
	const problems: string[] = [];
	const given: Partial<Record<Option, string>> = {};
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i]!;
		const name = word.startsWith('--') ? word.slice(2) : undefined;
		if (!name || !(VALUED as readonly string[]).includes(name)) {
			problems.push(`${JSON.stringify(word)} is not an option of this command.`);
			continue;
		}
		const value = argv[i + 1];
		if (value === undefined || value.startsWith('--')) {
			problems.push(`--${name} needs a value.`);
			continue;
		}
		if (given[name as Option] !== undefined) problems.push(`--${name} is given twice.`);
		given[name as Option] = value;
		i++;
	}
	const { data, story, out } = given;
	if (data === undefined) problems.push('--data is required: the slug of a published dataset.');
	else if (!SLUG.test(data))
		problems.push(`--data must be a dataset's slug, such as belarus-2020-08; got ${JSON.stringify(data)}.`);
	if (story !== undefined && !SLUG.test(story))
		problems.push(`--story must be a story's slug, such as belarus-week; got ${JSON.stringify(story)}.`);
	if (!out) problems.push('--out is required: the file to write.');
	const oneOf = <T extends string>(name: Option, allowed: readonly T[], fallback: T): T => {
		const value = given[name];
		if (value === undefined) return fallback;
		if ((allowed as readonly string[]).includes(value)) return value as T;
		problems.push(`--${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
		return fallback;
	};
	const size = oneOf('size', VIDEO_SIZES, '1920x1080');
	const format = oneOf('format', VIDEO_FORMATS, 'mp4');
	const lang = oneOf('lang', ['en', 'be', 'ru'] as const, 'en');
	const mode = oneOf('mode', ['day', 'cumulative'] as const, 'day');
	let pace: Pace = story ? DEFAULT_CHAPTER_PACE : DEFAULT_DAY_PACE;
	if (given.seconds !== undefined && given.frames !== undefined) problems.push('Give --seconds or --frames, not both.');
	else if (given.seconds !== undefined) {
		const seconds = Number(given.seconds);
		if (/^\d+(\.\d+)?$/.test(given.seconds) && seconds > 0 && seconds <= MAX_SECONDS)
			pace = { unit: 'seconds', amount: seconds };
		else
			problems.push(
				`--seconds must be a number above 0 and at most ${MAX_SECONDS}; got ${JSON.stringify(given.seconds)}.`
			);
	} else if (given.frames !== undefined) {
		const frames = Number(given.frames);
		if (/^\d+$/.test(given.frames) && frames >= 1 && frames <= MAX_FRAMES) pace = { unit: 'frames', amount: frames };
		else problems.push(`--frames must be a whole number from 1 to ${MAX_FRAMES}; got ${JSON.stringify(given.frames)}.`);
	}
	if (problems.length || !data || !out) return { ok: false, problems };
	return {
		ok: true,
		args: { data, story, out, size, format, lang, mode, pace, build: given.build ?? 'build' }
	};
}
