import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../load';
import type { PublishedIndexFile } from '../published-shape';
import { captureView, draftToStory, moveChapter, slugOf, type StoryDraft } from './draft';
import { checkStoryFile, listStory } from './publish-story';

const published = () => JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedIndexFile;

describe('a story written in the browser', () => {
	it('makes a slug from any title', () => {
		expect(slugOf('The Sunday March, 16 August!')).toBe('the-sunday-march-16-august');
		expect(slugOf('Марш за свабоду')).toBe('story');
		expect(slugOf('  Émigrés  ')).toBe('emigres');
	});

	it('captures a view’s filters, selection and camera, leaving out what is unset', () => {
		expect(
			captureView(
				{ from: '2020-08-16', to: '2020-08-16', place: 'stela' },
				{ center: [27.5612345678, 53.9], zoom: 12.3456 }
			)
		).toEqual({
			camera: { center: [27.56123, 53.9], zoom: 12.35 },
			from: '2020-08-16',
			to: '2020-08-16',
			place: 'stela'
		});
	});

	it('moves chapters within the list', () => {
		expect(moveChapter(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveChapter(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveChapter(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
	});

	it('round-trips: draft → file → check → publish gives back the same chapters', () => {
		const draft: StoryDraft = {
			title: 'Sunday in Minsk',
			language: 'be',
			dataset: 'belarus-2020-08',
			chapters: [
				{
					title: 'Марш',
					text: 'Людзі *ішлі* да [плошчы](https://example.org/a).',
					view: captureView(
						{ from: '2020-08-16', to: '2020-08-16', place: 'stela' },
						{ center: [27.55, 53.91], zoom: 13 }
					),
					events: ['2020-08-16-march-for-freedom']
				},
				{
					title: 'Гродна',
					text: 'Каля 40 000.',
					view: captureView({ city: 'grodno' }, { center: [23.83, 53.68], zoom: 11 }),
					events: []
				}
			]
		};
		const file = JSON.stringify(draftToStory(draft), null, '\t');
		const { story, problems } = checkStoryFile(file, 'sunday-in-minsk.json', () => published());
		expect(problems.map(formatProblem)).toEqual([]);
		expect(story!.slug).toBe('sunday-in-minsk');
		expect(story!.chapters.map((c) => [c.title, c.text, c.view, c.events])).toEqual(
			draft.chapters.map((c) => [{ be: c.title }, { be: c.text }, c.view, c.events])
		);
		expect(listStory(undefined, story!).stories).toEqual([
			{
				slug: 'sunday-in-minsk',
				title: { be: 'Sunday in Minsk' },
				dataset: 'belarus-2020-08',
				language: 'be',
				chapters: 2
			}
		]);
	});

	it('a chapter left without a title is named when the draft is checked', () => {
		const file = JSON.stringify(
			draftToStory({
				title: 'x',
				language: 'en',
				dataset: 'belarus-2020-08',
				chapters: [{ title: ' ', text: 'a', view: {}, events: [] }]
			})
		);
		expect(checkStoryFile(file, 'x.json', () => published()).problems.map(formatProblem)).toEqual([
			expect.stringMatching(/^x\.json: chapter 1 › title/)
		]);
	});
});
