import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VIDEO_FORMATS, VIDEO_SIZES } from './plan';
import { parseVideoArgs } from './video-args';

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);

describe('the video command line', () => {
	it('reads back every valid choice it is given', () => {
		fc.assert(
			fc.property(
				slug,
				fc.option(slug, { nil: undefined }),
				fc.constantFrom(...VIDEO_SIZES),
				fc.constantFrom(...VIDEO_FORMATS),
				fc.constantFrom('en', 'be', 'ru'),
				fc.integer({ min: 1, max: 1800 }),
				(data, story, size, format, lang, frames) => {
					const argv = ['--data', data, '--size', size, '--format', format, '--lang', lang];
					argv.push('--frames', String(frames), '--out', 'clip.bin');
					if (story) argv.push('--story', story);
					const parsed = parseVideoArgs(argv);
					expect(parsed).toEqual({
						ok: true,
						args: {
							data,
							story,
							size,
							format,
							lang,
							out: 'clip.bin',
							mode: 'day',
							pace: { unit: 'frames', amount: frames },
							build: 'build'
						}
					});
				}
			)
		);
	});

	it('never throws, and names a problem for every word it cannot use', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 12 }), (argv) => {
				const parsed = parseVideoArgs(argv);
				if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
				else expect(argv).toContain('--data');
			})
		);
	});

	it('says what is wrong, with the option and the value', () => {
		const parsed = parseVideoArgs(['--data', 'Belarus 2020', '--size', '720x720', '--seconds', '0', '--colour']);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.problems).toEqual([
			'"--colour" is not an option of this command.',
			'--data must be a dataset\'s slug, such as belarus-2020-08; got "Belarus 2020".',
			'--out is required: the file to write.',
			'--size must be one of 1920x1080, 1080x1080, 1080x1920; got "720x720".',
			'--seconds must be a number above 0 and at most 60; got "0".'
		]);
	});

	it('gives a story four seconds a chapter unless told otherwise', () => {
		const parsed = parseVideoArgs(['--data', 'belarus-2020-08', '--story', 'belarus-week', '--out', 'a.mp4']);
		expect(parsed.ok && parsed.args.pace).toEqual({ unit: 'seconds', amount: 4 });
	});
});
