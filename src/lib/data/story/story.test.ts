import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../load';
import type { PublishedIndexFile } from '../published-shape';
import { checkStoryFile, listStory, storyDataset } from './publish-story';
import { readStory, type Story } from './story';
import { wordsIn } from './words';

const published = () => JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedIndexFile;
const builtIn = () => JSON.parse(readFileSync('geo/belarus-2020-08.story.json', 'utf8')) as Story;
const check = (story: unknown) => readStory(story, 'story.json', storyDataset(published())).problems.map(formatProblem);

describe('a story file', () => {
	it('the built-in story is valid, with every chapter in three languages and resting on events', () => {
		const { story, problems } = readStory(builtIn(), 'story.json', storyDataset(published()));
		expect(problems).toEqual([]);
		expect(story!.chapters.length).toBeGreaterThanOrEqual(6);
		expect(story!.chapters.length).toBeLessThanOrEqual(9);
		for (const chapter of story!.chapters) {
			for (const words of [chapter.title, chapter.text]) expect(Object.keys(words).sort()).toEqual(['be', 'en', 'ru']);
			expect(chapter.events.length).toBeGreaterThan(0);
		}
	});

	it('is refused, naming chapter and field, for a missing place, an unknown key, a date outside, a javascript: link', () => {
		const story = builtIn();
		story.chapters[1]!.view.camera = { place: 'nowhere-square' };
		(story.chapters[2]!.view as Record<string, unknown>).zooom = 5;
		expect(check(story)).toEqual(['story.json: chapter 3 › view: expected no unknown fields ("zooom")']);
		delete (story.chapters[2]!.view as Record<string, unknown>).zooom;
		story.chapters[3]!.view.from = '2020-07-30';
		story.chapters[4]!.text = { en: 'See [this](javascript:alert(document.cookie)).' };
		story.chapters[5]!.events = ['2020-08-15-made-up'];
		expect(check(story)).toEqual([
			'story.json: chapter 2 › view.camera.place: expected a place of "belarus-2020-08", got "nowhere-square"',
			'story.json: chapter 4 › view.from: expected a date within the dataset, 2020-08-09 to 2020-08-16, got 2020-07-30',
			'story.json: chapter 5 › text.en: expected links to http or https addresses only, got "javascript:alert(document.cookie)"',
			'story.json: chapter 6 › events.0: expected an event of "belarus-2020-08", got "2020-08-15-made-up"'
		]);
	});

	it('names a missing title and a story with no chapters', () => {
		const untitled: Partial<Story> = builtIn();
		delete untitled.title;
		expect(check({ ...untitled, chapters: [] })).toEqual([
			expect.stringMatching(/^story\.json: story › title: expected/),
			'story.json: story › chapters: expected at least 1 item(s), got []'
		]);
	});

	it('names a dataset that is not published', () => {
		const text = JSON.stringify({ ...builtIn(), dataset: 'chile-2019' });
		expect(checkStoryFile(text, 'story.json', () => undefined).problems.map(formatProblem)).toEqual([
			'story.json: story › dataset: expected a published dataset, got "chile-2019" (publish it first with npm run import)'
		]);
	});

	it('shows a chapter in the reader’s language, else says which it is in', () => {
		expect(wordsIn({ en: 'March', ru: 'Марш' }, 'ru', 'en')).toEqual({ text: 'Марш', language: 'ru' });
		expect(wordsIn({ en: 'March', ru: 'Марш' }, 'be', 'en')).toEqual({ text: 'March', language: 'en' });
		expect(wordsIn({ ru: 'Марш' }, 'be', 'en')).toEqual({ text: 'Марш', language: 'ru' });
		expect(wordsIn('March', 'be', 'en')).toEqual({ text: 'March', language: 'en' });
	});

	it('is listed once per slug, a newer version replacing the older', () => {
		const story = builtIn();
		const once = listStory(undefined, story);
		const twice = listStory(once, { ...story, chapters: story.chapters.slice(0, 2) });
		expect(twice.stories).toEqual([
			{ slug: 'belarus-week', title: story.title, dataset: 'belarus-2020-08', language: 'en', chapters: 2 }
		]);
	});
});

describe('npm run story', () => {
	let dir: string | undefined;
	afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
	const story = (args: string[]) =>
		spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/lib/data/story/story-cli.ts', ...args], {
			encoding: 'utf8'
		});

	it('publishes a valid story beside its dataset and lists it; a broken one writes nothing', () => {
		dir = mkdtempSync(path.join(tmpdir(), 'story-'));
		cpSync('static/data/belarus-2020-08.json', path.join(dir, 'belarus-2020-08.json'));
		const broken = path.join(dir, 'broken.story.json');
		writeFileSync(
			broken,
			JSON.stringify({ ...builtIn(), chapters: [{ ...builtIn().chapters[0], view: { from: '2021-01-01' } }] })
		);
		const refused = story(['add', broken, '--out', dir]);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('chapter 1 › view.from: expected a date within the dataset');
		expect(() => readFileSync(path.join(dir!, 'stories', 'index.json'))).toThrow();

		const added = story(['add', 'geo/belarus-2020-08.story.json', '--out', dir]);
		expect(added.stderr).toBe('');
		expect(added.status).toBe(0);
		const written = JSON.parse(readFileSync(path.join(dir, 'stories', 'belarus-week.json'), 'utf8')) as Story;
		expect(written).toEqual(builtIn());
		const index = JSON.parse(readFileSync(path.join(dir, 'stories', 'index.json'), 'utf8'));
		expect(index.stories.map((s: { slug: string }) => s.slug)).toEqual(['belarus-week']);
		expect(story(['list', '--out', dir]).stdout).toContain('belarus-week: The week Belarus rose');
	});
});
